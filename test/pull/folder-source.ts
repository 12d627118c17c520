import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PullSource } from "../../src/pull/pull-source.js";
import { responseBody } from "../../src/pull/response-body.js";

/** How a {@link FolderSource} misbehaves, like a server would. */
export interface FolderFaults {
  /** Paths answered with 404. */
  missing?: Set<string>;
  /** Bytes served instead of the file's. */
  replace?: Map<string, Uint8Array>;
  /** The connection drops after this many bytes of the path, this many times. */
  cut?: { path: string; after: number; times: number };
  /** Answers 200 with the whole file to a ranged request, as some servers do. */
  ignoreRange?: boolean;
  /** Answers a ranged request with a Content-Range that starts elsewhere. */
  wrongRange?: boolean;
  /** Every request fails with this status. */
  status?: number;
}

function networkReset(): Error {
  return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
}

/**
 * A release folder on disk served the way an HTTP source answers (status, Range, Content-Range),
 * through the same `responseBody` the gateway and Hub sources use. `requests` records each read.
 */
export class FolderSource implements PullSource {
  readonly name;
  readonly target: string;
  readonly requests: { path: string; offset: number }[] = [];
  readonly unlocated?: true;
  private readonly dir: string;
  private readonly faults: FolderFaults;

  constructor(
    dir: string,
    faults: FolderFaults = {},
    name: "gcs" | "ipfs" | "hf" = "gcs",
    unlocated = false,
  ) {
    this.dir = dir;
    this.faults = faults;
    this.name = name;
    this.target = `folder:${dir}`;
    if (unlocated) this.unlocated = true;
  }

  locate(cid: string): PullSource {
    const located = new FolderSource(this.dir, this.faults, this.name);
    Object.assign(located, { target: `${this.target} at ${cid}` });
    return located;
  }

  async read(path: string, offset: number): Promise<AsyncIterable<Uint8Array>> {
    this.requests.push({ path, offset });
    const faults = this.faults;
    if (faults.status !== undefined) {
      return responseBody(new Response("no", { status: faults.status }), offset, path);
    }
    if (faults.missing?.has(path) === true) {
      return responseBody(new Response("not found", { status: 404 }), offset, path);
    }
    const bytes = faults.replace?.get(path) ?? (await readFile(join(this.dir, path)));
    if (offset > bytes.length) {
      return responseBody(new Response(null, { status: 416 }), offset, path);
    }
    const whole = offset === 0 || faults.ignoreRange === true;
    const start = whole ? 0 : offset;
    const body = bytes.subarray(start);
    const cut = faults.cut?.path === path && faults.cut.times > 0 ? faults.cut : undefined;
    if (cut !== undefined) cut.times -= 1;
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) {
          // The first part reached the reader; then the connection drops.
          if (cut !== undefined) controller.error(networkReset());
          else controller.close();
          return;
        }
        sent = true;
        controller.enqueue(cut === undefined ? body : body.subarray(0, cut.after));
      },
    });
    const from = faults.wrongRange === true ? start + 1 : start;
    return responseBody(
      new Response(stream, {
        status: whole ? 200 : 206,
        headers: whole
          ? {}
          : { "Content-Range": `bytes ${from}-${bytes.length - 1}/${bytes.length}` },
      }),
      offset,
      path,
    );
  }
}
