import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlobSigner, formatBlobError, handleBlob } from "./actions-cache-blobs.js";
import { CacheEntries } from "./actions-cache-state.js";
import type { CacheEntry } from "./actions-cache-state.js";
import { FaultInjector } from "./faults.js";
import { asRecord, readJson, sendJson } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { ErrorBody, RequestContext, RequestLogEntry } from "./http-server.js";

/** What a runtime token may do: the ref its run writes to and the refs it may read from. */
export interface CacheScope {
  /** The run's own ref, e.g. `refs/heads/main` or `refs/pull/7/merge`; entries are written here. */
  ref: string;
  /** Further refs restores look in after `ref`, in order (a pull request's base branch). */
  readRefs?: string[];
  /** False for a token the service downgraded to read-only (an untrusted event). Default true. */
  write?: boolean;
}

/** Options of {@link startActionsCacheServer}. */
export interface ActionsCacheServerOptions {
  /** Where entries and blobs are kept; a fresh temporary folder when omitted. Reusing one keeps them. */
  storageDir?: string;
  /** Accepted `ACTIONS_RUNTIME_TOKEN`s. Default: one token for `refs/heads/main` with write access. */
  tokens?: Record<string, CacheScope>;
  /** Faults of the Twirp service (`ACTIONS_RESULTS_URL`). */
  faults?: FaultInjector;
  /** Faults of the blob storage the signed URLs point at. */
  blobFaults?: FaultInjector;
}

/** A running Actions cache service (v2) stand-in. */
export interface ActionsCacheServer {
  /** The Twirp service: `ACTIONS_RESULTS_URL` (with a trailing slash, as the runner sets it). */
  url: string;
  /** The blob storage the signed upload and download URLs point at. */
  blobUrl: string;
  /** The default runtime token (`refs/heads/main`, read and write). */
  token: string;
  storageDir: string;
  faults: FaultInjector;
  blobFaults: FaultInjector;
  log: RequestLogEntry[];
  blobLog: RequestLogEntry[];
  /** Every entry, pending or finalized, oldest first. */
  entries: () => CacheEntry[];
  /** The env vars `@actions/cache` reads to reach this service with `token`. */
  env: (token?: string) => Record<string, string>;
  stop: () => Promise<void>;
}

const SERVICE = "github.actions.results.api.v1.CacheService";
const DEFAULT_TOKEN = "actions-runtime-token-local-test";

const TWIRP_CODES: Record<number, string> = {
  400: "invalid_argument",
  401: "unauthenticated",
  403: "permission_denied",
  404: "not_found",
  409: "already_exists",
  429: "resource_exhausted",
};

/** Twirp's JSON error body: `{"code", "msg"}`. */
function formatTwirpError(error: HttpError): ErrorBody {
  const code = TWIRP_CODES[error.status] ?? (error.status === 503 ? "unavailable" : "internal");
  return {
    contentType: "application/json",
    body: JSON.stringify({ code, msg: error.message }),
  };
}

function text(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (value === undefined) return "";
  if (typeof value !== "string") throw new HttpError(400, `${field} must be a string`);
  return value;
}

function checkKey(key: string, field: string): void {
  if (key === "") throw new HttpError(400, `${field} is required`);
  if (key.length > 512) throw new HttpError(400, `${field} is longer than 512 characters`);
}

/**
 * Starts a stand-in for the GitHub Actions cache service v2 that `@actions/cache` talks to when
 * `ACTIONS_CACHE_SERVICE_V2` is set: the Twirp JSON service at `ACTIONS_RESULTS_URL`
 * (`CreateCacheEntry`, `FinalizeCacheEntryUpload`, `GetCacheEntryDownloadURL`, bearer
 * `ACTIONS_RUNTIME_TOKEN`) and, on a second port, the blob storage its signed URLs point at.
 * Entries are scoped by ref, matched by key and version (exact, then prefix, then restore-key
 * prefixes, most recent first), and immutable once created.
 */
export async function startActionsCacheServer(
  options: ActionsCacheServerOptions = {},
): Promise<ActionsCacheServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "actions-cache-server-")));
  const scopes = new Map(
    Object.entries(options.tokens ?? { [DEFAULT_TOKEN]: { ref: "refs/heads/main" } }),
  );
  const entries = new CacheEntries(storageDir);
  await entries.load();
  // The signing secret survives a restart, so URLs handed out before it stay valid.
  const secretFile = join(storageDir, "signing-key");
  const secret = await readFile(secretFile).catch(async () => {
    const fresh = randomBytes(32);
    await writeFile(secretFile, fresh);
    return fresh;
  });
  const signer = new BlobSigner(secret);

  const blobs = await startHttpServer({
    handler: (ctx) => handleBlob(ctx, storageDir, entries, signer),
    formatError: formatBlobError,
    faults: options.blobFaults ?? new FaultInjector(),
  });

  const twirp = async (ctx: RequestContext): Promise<void> => {
    const match = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(ctx.url.pathname);
    if (match === null || match[1] !== SERVICE)
      throw new HttpError(404, `no such service: ${ctx.url.pathname}`);
    if (ctx.method !== "POST") throw new HttpError(400, "Twirp requests must be POST");
    const token = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? "")?.[1];
    const scope = token === undefined ? undefined : scopes.get(token);
    if (scope === undefined) throw new HttpError(401, "invalid or missing runtime token");
    if (!(ctx.req.headers["content-type"] ?? "").startsWith("application/json")) {
      throw new HttpError(400, "only the JSON encoding is served here");
    }
    const body = asRecord(await readJson(ctx.body));
    const key = text(body, "key");
    const version = text(body, "version");
    if (version === "") throw new HttpError(400, "version is required");

    switch (match[2]) {
      case "CreateCacheEntry": {
        checkKey(key, "key");
        if (scope.write === false) {
          sendJson(ctx.res, 200, {
            ok: false,
            message: `cache write denied: the runtime token for ${scope.ref} is read-only`,
          });
          return;
        }
        if (entries.find(scope.ref, key, version) !== undefined) {
          throw new HttpError(
            409,
            "cache entry with the same key, version, and scope already exists",
          );
        }
        const entry = await entries.create(scope.ref, key, version);
        sendJson(ctx.res, 200, {
          ok: true,
          signed_upload_url: signer.url(blobs.url, entry.blob, "w"),
        });
        return;
      }
      case "FinalizeCacheEntryUpload": {
        checkKey(key, "key");
        const entry = entries.find(scope.ref, key, version);
        if (entry === undefined || entry.finalized) {
          throw new HttpError(404, "no cache entry awaiting upload with this key and version");
        }
        const declared = Number(body.size_bytes ?? body.sizeBytes ?? Number.NaN);
        const stored = await stat(join(storageDir, "blobs", entry.blob)).catch(() => undefined);
        if (stored === undefined || stored.size !== declared) {
          sendJson(ctx.res, 200, {
            ok: false,
            message: `uploaded ${String(stored?.size ?? 0)} bytes but size_bytes says ${String(declared)}`,
          });
          return;
        }
        await entries.finalize(entry, stored.size);
        sendJson(ctx.res, 200, { ok: true, entry_id: String(entry.id) });
        return;
      }
      case "GetCacheEntryDownloadURL": {
        checkKey(key, "key");
        const restoreKeys = body.restore_keys ?? body.restoreKeys ?? [];
        if (!Array.isArray(restoreKeys) || !restoreKeys.every((k) => typeof k === "string")) {
          throw new HttpError(400, "restore_keys must be a list of strings");
        }
        restoreKeys.forEach((k) => {
          checkKey(k, "restore_keys[]");
        });
        const hit = entries.lookup(
          [scope.ref, ...(scope.readRefs ?? [])],
          key,
          restoreKeys,
          version,
        );
        if (hit === undefined) {
          sendJson(ctx.res, 200, { ok: false });
          return;
        }
        sendJson(ctx.res, 200, {
          ok: true,
          signed_download_url: signer.url(blobs.url, hit.blob, "r"),
          matched_key: hit.key,
        });
        return;
      }
      default:
        throw new HttpError(404, `no such method: ${match[2] ?? ""}`);
    }
  };

  const service = await startHttpServer({
    handler: twirp,
    formatError: formatTwirpError,
    faults: options.faults,
  }).catch(async (error: unknown) => {
    await blobs.stop();
    throw error;
  });
  const defaultToken = [...scopes.keys()][0] ?? DEFAULT_TOKEN;
  return {
    url: `${service.url}/`,
    blobUrl: blobs.url,
    token: defaultToken,
    storageDir,
    faults: service.faults,
    blobFaults: blobs.faults,
    log: service.log,
    blobLog: blobs.log,
    entries: () => entries.all(),
    env: (token = defaultToken) => ({
      ACTIONS_CACHE_SERVICE_V2: "true",
      ACTIONS_RESULTS_URL: `${service.url}/`,
      ACTIONS_RUNTIME_TOKEN: token,
    }),
    stop: async () => {
      await service.stop();
      await blobs.stop();
    },
  };
}
