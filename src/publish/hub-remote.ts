import {
  commitIter,
  createBranch,
  createRepo,
  listFiles,
  repoExists,
  type CommitOperation,
  type CommitOutput,
} from "@huggingface/hub";
import { retryingFetch } from "./retrying-fetch.js";
import type { PublishContext } from "./destination.js";

/** A file in a Hub revision: git blob id and size; LFS files also their SHA-256 and size. */
export interface HubEntry {
  oid: string;
  size: number;
  lfs?: { oid: string; size: number };
}

/** A branch or tag and the commit it points at. */
export interface HubRef {
  name: string;
  targetCommit: string;
}

export interface HubConnection {
  repo: string;
  hubUrl: string;
  /** Absent for anonymous reads (a dry run without a token). */
  token?: string;
}

/** Hub requests that can be sent twice without a second effect. */
function retrySafe(method: string, url: URL): boolean {
  if (method === "GET" || method === "HEAD" || method === "PUT") return true;
  if (method !== "POST") return false;
  const path = url.pathname;
  return (
    /\/preupload\//.test(path) ||
    /\/paths-info\//.test(path) ||
    /\.git\/info\/lfs\/objects\/(batch|verify)$/.test(path) ||
    // Completing a multipart upload twice at worst fails; the commit step then finds the object.
    /^\/lfs-multipart\//.test(path) ||
    /\/complete$/.test(path)
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function refs(value: unknown): HubRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const ref = asRecord(item);
    return typeof ref.name === "string" && typeof ref.targetCommit === "string"
      ? [{ name: ref.name, targetCommit: ref.targetCommit }]
      : [];
  });
}

/** Error for a Hub answer outside the client library, with the status the retry logic reads. */
class HubStatusError extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

/**
 * The Hub calls publishing needs, through `@huggingface/hub` where it has them (repo create,
 * branches, tree listing, commits) and plain REST where it has not (refs, tags). Every request
 * goes through one retrying `fetch`: idempotent calls are retried, the rest are left to the
 * callers, who look at the remote state before trying again.
 */
export class HubRemote {
  readonly connection: HubConnection;
  readonly fetch: typeof fetch;

  constructor(connection: HubConnection, context: PublishContext) {
    this.connection = connection;
    this.fetch = retryingFetch({
      policy: context.retry,
      retrySafe,
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "hf", ...notice });
      },
    });
  }

  private get credentials() {
    const { repo, hubUrl, token } = this.connection;
    return {
      repo,
      hubUrl,
      fetch: this.fetch,
      ...(token === undefined ? {} : { accessToken: token }),
    };
  }

  private headers(json = false): Record<string, string> {
    return {
      ...(this.connection.token === undefined
        ? {}
        : { Authorization: `Bearer ${this.connection.token}` }),
      ...(json ? { "Content-Type": "application/json" } : {}),
    };
  }

  private apiUrl(path: string): string {
    return `${this.connection.hubUrl}/api/models/${this.connection.repo}${path}`;
  }

  private async failed(response: Response, what: string): Promise<HubStatusError> {
    const text = await response.text().catch(() => "");
    let detail = text.slice(0, 300);
    try {
      const error = asRecord(JSON.parse(text)).error;
      if (typeof error === "string") detail = error;
    } catch {
      // not JSON: keep the text
    }
    return new HubStatusError(response.status, `${what}: HTTP ${response.status} ${detail}`.trim());
  }

  exists(): Promise<boolean> {
    return repoExists(this.credentials);
  }

  /** Branches and tags. */
  async refs(): Promise<{ branches: HubRef[]; tags: HubRef[] }> {
    const response = await this.fetch(this.apiUrl("/refs"), { headers: this.headers() });
    if (!response.ok) throw await this.failed(response, "listing refs");
    const body = asRecord(await response.json());
    return { branches: refs(body.branches), tags: refs(body.tags) };
  }

  /** Every file of a revision (the library does not encode the revision, so it is done here). */
  async tree(revision: string): Promise<Map<string, HubEntry>> {
    const files = new Map<string, HubEntry>();
    for await (const entry of listFiles({
      ...this.credentials,
      revision: encodeURIComponent(revision),
      recursive: true,
    })) {
      if (entry.type !== "file") continue;
      files.set(entry.path, {
        oid: entry.oid ?? "",
        size: entry.size,
        ...(entry.lfs ? { lfs: { oid: entry.lfs.oid, size: entry.lfs.size } } : {}),
      });
    }
    return files;
  }

  /**
   * A file of a revision as a streamed response (`resolve`, which redirects LFS files to their
   * storage), from byte `offset` on with a Range request. 404 comes back as is; another failure
   * is thrown with its status.
   */
  async open(revision: string, path: string, offset = 0, signal?: AbortSignal): Promise<Response> {
    const url = `${this.connection.hubUrl}/${this.connection.repo}/resolve/${encodeURIComponent(revision)}/${path.split("/").map(encodeURIComponent).join("/")}`;
    const response = await this.fetch(url, {
      headers: { ...this.headers(), ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) },
      ...(signal ? { signal } : {}),
    });
    if (response.status !== 404 && !response.ok)
      throw await this.failed(response, `downloading ${path}`);
    return response;
  }

  /** A small file of a revision, or undefined when it is not there. */
  async download(revision: string, path: string): Promise<Uint8Array | undefined> {
    const response = await this.open(revision, path);
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  async createRepo(isPrivate: boolean): Promise<void> {
    const { accessToken, ...rest } = this.credentials;
    await createRepo({
      ...rest,
      accessToken: accessToken ?? "",
      visibility: isPrivate ? "private" : "public",
    });
  }

  async createBranch(branch: string, from: string): Promise<void> {
    const { accessToken, ...rest } = this.credentials;
    await createBranch({ ...rest, accessToken: accessToken ?? "", branch, revision: from });
  }

  /** Tags a commit (`POST /api/models/{repo}/tag/{rev}`; the library has no helper). */
  async createTag(tag: string, commit: string, message: string): Promise<void> {
    const response = await this.fetch(this.apiUrl(`/tag/${encodeURIComponent(commit)}`), {
      method: "POST",
      headers: this.headers(true),
      body: JSON.stringify({ tag, message }),
    });
    if (!response.ok) throw await this.failed(response, `tagging ${commit} as ${tag}`);
    await response.body?.cancel();
  }

  /** One commit with the `parentCommit` guard, reporting upload progress per file. */
  async commit(
    params: {
      branch: string;
      parentCommit: string;
      title: string;
      description: string;
      operations: CommitOperation[];
      signal?: AbortSignal;
    },
    onProgress: (path: string, fraction: number) => void,
  ): Promise<CommitOutput | undefined> {
    const iterator = commitIter({
      ...this.credentials,
      branch: params.branch,
      parentCommit: params.parentCommit,
      title: params.title,
      description: params.description,
      operations: params.operations,
      useXet: false,
      ...(params.signal ? { abortSignal: params.signal } : {}),
    });
    for (;;) {
      const step = await iterator.next();
      if (step.done === true) return step.value;
      const event = step.value;
      if (event.event === "fileProgress" && event.state === "uploading") {
        onProgress(event.path, event.progress);
      }
    }
  }
}
