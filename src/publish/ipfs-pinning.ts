import { ModelPublishError } from "../errors.js";
import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import {
  contentPinName,
  rootPinName,
  type IpfsPinState,
  type IpfsProvider,
} from "./ipfs-provider.js";
import type { ReleaseDag } from "./release-dag.js";
import { remoteFailed, transientVerdict } from "./remote-error.js";
import { withRetry } from "./retry.js";

export interface PinningOptions {
  /** The service's API endpoint (requests go to `{url}/pins`). */
  url: string;
  token: string;
  /** Multiaddrs the service fetches the DAG from (a node or gateway that has it). */
  origins: string[];
  /** Pause between status polls (default 1 s) and how long to wait for `pinned` (default 30 min). */
  pollMs?: number;
  timeoutMs?: number;
}

type Status = "queued" | "pinning" | "pinned" | "failed";

interface PinStatus {
  requestid: string;
  status: Status;
  cid: string;
  name: string | undefined;
  details: string | undefined;
}

class HttpStatusError extends Error {
  readonly status: number;
  readonly response: { status: number; headers: Headers };
  constructor(status: number, headers: Headers, message: string) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function parseStatus(value: unknown): PinStatus | undefined {
  const record = asRecord(value);
  const pin = asRecord(record.pin);
  const status = record.status;
  if (
    typeof record.requestid !== "string" ||
    typeof pin.cid !== "string" ||
    (status !== "queued" && status !== "pinning" && status !== "pinned" && status !== "failed")
  ) {
    return undefined;
  }
  const details = asRecord(record.info).status_details;
  return {
    requestid: record.requestid,
    status,
    cid: pin.cid,
    name: typeof pin.name === "string" ? pin.name : undefined,
    details: typeof details === "string" ? details : undefined,
  };
}

const ALL_STATUSES = "queued,pinning,pinned,failed";

/**
 * An IPFS Pinning Service (https://ipfs.github.io/pinning-services-api-spec/): the content CID
 * is pinned first, then the release root, each with `origins` so the service can fetch the DAG,
 * polled until `pinned`. `POST /pins` is not idempotent, so every attempt first looks for a
 * request already made for the CID: a re-run or a lost answer never makes a second pin.
 */
export class PinningProvider implements IpfsProvider {
  readonly label: string;
  private readonly options: PinningOptions;

  constructor(options: PinningOptions) {
    this.label = `pinning service ${options.url}`;
    this.options = options;
  }

  private async call(method: string, path: string, context: PublishContext, body?: unknown) {
    const response = await fetch(`${this.options.url.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.options.token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    const text = await response.text();
    if (!response.ok) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const reason = asRecord(asRecord(parsed).error);
      const details = typeof reason.details === "string" ? reason.details : text.slice(0, 200);
      throw new HttpStatusError(response.status, response.headers, `${method} ${path}: ${details}`);
    }
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  }

  private retry<T>(what: string, context: PublishContext, work: () => Promise<T>): Promise<T> {
    return withRetry(what, work, transientVerdict, context.retry, {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      },
    }).catch((error: unknown) => {
      throw remoteFailed(this.label, what, error);
    });
  }

  private async list(query: string, context: PublishContext): Promise<PinStatus[]> {
    const answer = asRecord(
      await this.retry("listing pins", context, () =>
        this.call("GET", `/pins?${query}&status=${ALL_STATUSES}&limit=1000`, context),
      ),
    );
    const results = Array.isArray(answer.results) ? answer.results : [];
    return results.map(parseStatus).filter((s): s is PinStatus => s !== undefined);
  }

  /** The best request for a CID: pinned first, then in progress; failed ones do not count. */
  private async find(cid: string, context: PublishContext): Promise<PinStatus | undefined> {
    const rank: Record<Status, number> = { pinned: 0, pinning: 1, queued: 2, failed: 3 };
    const found = (await this.list(`cid=${encodeURIComponent(cid)}`, context))
      .filter((s) => s.cid === cid && s.status !== "failed")
      .sort((a, b) => rank[a.status] - rank[b.status]);
    return found[0];
  }

  async state(
    release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<IpfsPinState> {
    const root = dag.root.root.toString();
    const named = await this.list(`name=${encodeURIComponent(rootPinName(release))}`, context);
    const other = named.find((s) => s.cid !== root && s.status !== "failed");
    if (other !== undefined) {
      throw new ModelPublishError(
        "VERIFY_FAILED",
        `${this.label}: ${release.id} v${release.version} is already pinned as ${other.cid}, not ${root}: a published version is never replaced; publish the new bytes as a new version`,
      );
    }
    const content = await this.find(dag.content.root.toString(), context);
    const rootPin = await this.find(root, context);
    return { content: content?.status === "pinned", root: rootPin?.status === "pinned" };
  }

  private async request(
    cid: string,
    name: string,
    release: PublishableRelease,
    context: PublishContext,
  ) {
    return this.retry(`requesting a pin of ${cid}`, context, async () => {
      const existing = await this.find(cid, context);
      if (existing !== undefined) return existing;
      const created = parseStatus(
        await this.call("POST", "/pins", context, {
          cid,
          name,
          origins: this.options.origins,
          meta: { model: release.id, version: release.version },
        }),
      );
      if (created === undefined)
        throw new Error("the service answered POST /pins without a pin status");
      return created;
    });
  }

  private async pin(
    cid: string,
    name: string,
    release: PublishableRelease,
    context: PublishContext,
  ) {
    let status = await this.request(cid, name, release, context);
    const started = Date.now();
    const timeout = this.options.timeoutMs ?? 30 * 60_000;
    while (status.status !== "pinned") {
      if (status.status === "failed") {
        throw new ModelPublishError(
          "REMOTE_FAILED",
          `${this.label}: pinning ${cid} failed${status.details === undefined ? "" : ` (${status.details})`}; the service fetches the DAG from ${this.options.origins.join(", ") || "no origins"}: make sure one of them serves it (list a Kubo provider before the pinning service, or a gateway that has it), then publish again`,
        );
      }
      if (Date.now() - started > timeout) {
        throw new ModelPublishError(
          "REMOTE_FAILED",
          `${this.label}: ${cid} is still ${status.status} after ${Math.round(timeout / 1000)} s; publish again later: the request is kept and polled, not repeated`,
        );
      }
      await context.retry.sleep(this.options.pollMs ?? 1000, context.signal);
      const id = status.requestid;
      const next = parseStatus(
        await this.retry("polling a pin request", context, () =>
          this.call("GET", `/pins/${encodeURIComponent(id)}`, context),
        ),
      );
      if (next === undefined)
        throw remoteFailed(this.label, "polling a pin request", "malformed answer");
      status = next;
    }
  }

  async push(
    release: PublishableRelease,
    dag: ReleaseDag,
    state: IpfsPinState,
    context: PublishContext,
  ): Promise<void> {
    if (this.options.origins.length === 0) {
      throw new ModelPublishError(
        "USAGE",
        `${this.label}: the service needs origins to fetch the release from; list a Kubo provider before it or add gateways under destinations.ipfs.gateways`,
      );
    }
    if (!state.content)
      await this.pin(dag.content.root.toString(), contentPinName(release), release, context);
    if (!state.root)
      await this.pin(dag.root.root.toString(), rootPinName(release), release, context);
  }

  async readBack(
    _release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<ReadBackProblem[]> {
    const problems: ReadBackProblem[] = [];
    const root = await this.find(dag.root.root.toString(), context);
    if (root?.status !== "pinned") {
      problems.push({
        message: `${this.label} has not pinned the release root ${dag.root.root.toString()} (with the signed manifest): the release is incomplete there`,
        incomplete: true,
      });
    }
    const content = await this.find(dag.content.root.toString(), context);
    if (content?.status !== "pinned") {
      problems.push({
        message: `${this.label} has not pinned the content directory ${dag.content.root.toString()} named in manifest.json`,
      });
    }
    return problems;
  }
}
