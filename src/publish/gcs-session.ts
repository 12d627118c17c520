import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { ReleaseFile } from "./destination.js";
import { sendStream } from "./send-stream.js";
import { MD5_LIMIT, RunningHashes, hashingStream, type ObjectHashes } from "./object-hashes.js";

/**
 * The chunk transfer of a GCS resumable upload
 * (https://cloud.google.com/storage/docs/performing-resumable-uploads): the client library opens
 * the session; the bytes go here, one `PUT` per chunk straight from disk with `Content-Range`.
 * Each `resume()` first asks the server how far it got (`bytes *\/size`: 308 with `Range`) and
 * continues from there. The session URI is itself the credential, as Google documents, so these
 * requests carry no token. Memory stays at the socket buffers, whatever the file size.
 */

/** An answer the session did not expect; the retry logic reads `status` and `response.headers`. */
export class SessionError extends Error {
  readonly status: number;
  readonly response: { status: number; headers: Headers };
  constructor(status: number, headers: Headers, message: string) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
}

/** Bytes the server holds, from a 308's `Range: bytes=0-N` (none: 0). */
function received(headers: Headers): number {
  const match = /bytes=0-(\d+)/.exec(headers.get("range") ?? "");
  return match === null ? 0 : Number(match[1]) + 1;
}

function chunkBody(file: ReleaseFile, start: number, end: number): Readable {
  const { source } = file;
  if ("bytes" in source) return Readable.from([Buffer.from(source.bytes.subarray(start, end + 1))]);
  return createReadStream(source.file, { start, end });
}

type Answer = { done: false; offset: number } | { done: true; resource: Record<string, unknown> };

/** One resumable upload of one file. */
export class ResumableSession {
  readonly uri: string;
  private readonly file: ReleaseFile;
  private readonly chunkSize: number;
  private readonly onBytes: (bytes: number) => void;
  private readonly running: RunningHashes;
  /** Where the upload stands, when known without asking (a new session is at 0). */
  private offset: number | undefined = 0;

  constructor(uri: string, file: ReleaseFile, chunkSize: number, onBytes: (bytes: number) => void) {
    this.uri = uri;
    this.file = file;
    this.chunkSize = chunkSize;
    this.onBytes = onBytes;
    this.running = new RunningHashes(file.size <= MD5_LIMIT);
  }

  private async put(
    range: string,
    body: Readable | undefined,
    length: number,
    signal?: AbortSignal,
  ): Promise<Answer> {
    const answer = await sendStream(
      this.uri,
      "PUT",
      { "Content-Range": range },
      body,
      length,
      signal,
    );
    if (answer.status === 308) return { done: false, offset: received(answer.headers) };
    const text = answer.body.toString("utf8");
    if (answer.status === 200 || answer.status === 201) {
      return { done: true, resource: JSON.parse(text) as Record<string, unknown> };
    }
    throw new SessionError(
      answer.status,
      answer.headers,
      `HTTP ${answer.status}: ${text.slice(0, 300)}`,
    );
  }

  /** Sends what the server lacks; returns the object resource once the upload is complete. */
  async resume(signal?: AbortSignal): Promise<Record<string, unknown>> {
    const size = this.file.size;
    const known = this.offset;
    // After a failure nobody knows what arrived: ask the server first.
    this.offset = undefined;
    let answer: Answer =
      known === undefined
        ? await this.put(`bytes */${size}`, undefined, 0, signal)
        : { done: false, offset: known };
    while (!answer.done) {
      const offset = answer.offset;
      const end = Math.min(offset + this.chunkSize, size) - 1;
      const body = chunkBody(this.file, offset, end).pipe(hashingStream(this.running, offset));
      answer = await this.put(`bytes ${offset}-${end}/${size}`, body, end - offset + 1, signal);
      this.onBytes(answer.done ? size : answer.offset);
    }
    return answer.resource;
  }

  /** The file's hashes, when all of it went through this session. */
  hashes(): ObjectHashes | undefined {
    return this.running.bytes === this.file.size ? this.running.hashes() : undefined;
  }
}
