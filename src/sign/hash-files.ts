import { createHash } from "node:crypto";
import { lstat, open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { ModelPublishError } from "../errors.js";

/** A file's SHA-256 and the number of bytes that went into it. */
export interface FileDigest {
  /** Path relative to the root it was hashed under, with `/`. */
  path: string;
  /** Hex SHA-256. */
  sha256: string;
  size: number;
}

/** Bytes hashed so far, for progress bars. */
export interface HashProgress {
  path: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface HashOptions {
  /** Files hashed at once; defaults to the machine's parallelism, at most 8. */
  concurrency?: number;
  /** Below this many bytes in all, hash on this thread instead of starting workers (default 16 MiB). */
  inThreadBelow?: number;
  onProgress?: (progress: HashProgress) => void;
}

const CHUNK = 4 << 20;
const PROGRESS_EVERY = 64 << 20;

/**
 * The hashing worker, as plain CommonJS so it runs the same from sources, tests and bundles.
 * It reads with one reused buffer: memory stays at one chunk per worker whatever the file size.
 */
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { openSync, readSync, closeSync } = require("node:fs");
const buffer = Buffer.allocUnsafe(${CHUNK});
parentPort.on("message", ({ id, file }) => {
  let fd;
  try {
    fd = openSync(file, "r");
    const hash = createHash("sha256");
    let size = 0;
    let reported = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      size += n;
      if (size - reported >= ${PROGRESS_EVERY}) {
        parentPort.postMessage({ id, progress: size - reported });
        reported = size;
      }
    }
    parentPort.postMessage({ id, sha256: hash.digest("hex"), size, progress: size - reported });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.code ? error.code : error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

type WorkerReply =
  | { id: number; progress: number; sha256?: undefined; size?: undefined; error?: undefined }
  | { id: number; sha256: string; size: number; progress: number; error?: undefined }
  | { id: number; error: string };

function isReply(value: unknown): value is WorkerReply {
  if (typeof value !== "object" || value === null) return false;
  const reply = value as Record<string, unknown>;
  return (
    typeof reply.id === "number" &&
    (typeof reply.error === "string" ||
      typeof reply.progress === "number" ||
      (typeof reply.sha256 === "string" && typeof reply.size === "number"))
  );
}

function unreadable(path: string, reason: string): ModelPublishError {
  return new ModelPublishError(
    "INPUT_MALFORMED",
    `${path}: cannot read it (${reason}); a release holds plain readable files`,
  );
}

/** Streams one file through SHA-256 on this thread. */
export async function sha256File(
  file: string,
  onBytes?: (bytes: number) => void,
  sizeHint = CHUNK,
): Promise<{ sha256: string; size: number }> {
  const handle = await open(file, "r");
  try {
    const hash = createHash("sha256");
    // Small files get a small buffer: verification of many small releases should not churn memory.
    const buffer = Buffer.allocUnsafe(Math.max(4096, Math.min(CHUNK, sizeHint + 1)));
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      onBytes?.(bytesRead);
    }
    return { sha256: hash.digest("hex"), size };
  } finally {
    await handle.close();
  }
}

function defaultConcurrency(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

async function hashInThread(
  root: string,
  paths: readonly string[],
  sizes: readonly number[],
  concurrency: number,
  progress: (path: string, bytes: number) => void,
): Promise<FileDigest[]> {
  const results = new Array<FileDigest | undefined>(paths.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      const path = paths[index] ?? "";
      try {
        const digest = await sha256File(
          join(root, path),
          (bytes) => {
            progress(path, bytes);
          },
          sizes[index],
        );
        results[index] = { path, ...digest };
      } catch (error) {
        if (error instanceof ModelPublishError) throw error;
        throw unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
  return results.map((digest) => {
    if (!digest) throw new Error("a file was not hashed");
    return digest;
  });
}

function hashInWorkers(
  root: string,
  paths: readonly string[],
  sizes: readonly number[],
  concurrency: number,
  progress: (path: string, bytes: number) => void,
): Promise<FileDigest[]> {
  const results = new Array<FileDigest | undefined>(paths.length);
  // Largest files first, so one big file does not start last and leave the other workers idle.
  const queue = paths
    .map((_, index) => index)
    .sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  const workers = Array.from(
    { length: Math.min(concurrency, paths.length) },
    () => new Worker(workerSource, { eval: true }),
  );
  let next = 0;
  let done = 0;
  return new Promise<FileDigest[]>((resolve, reject) => {
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) failed = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results.map((digest) => digest ?? { path: "", sha256: "", size: 0 }));
    };
    const feed = (worker: Worker): void => {
      const id = queue[next++];
      if (id === undefined) return;
      worker.postMessage({ id, file: join(root, paths[id] ?? "") });
    };
    for (const worker of workers) {
      worker.on("error", (error: unknown) => {
        finish(error instanceof Error ? error : new Error(String(error)));
      });
      worker.on("message", (message: unknown) => {
        if (!isReply(message)) {
          finish(new Error("hash worker sent an unexpected message"));
          return;
        }
        const path = paths[message.id] ?? "";
        if (message.error !== undefined) {
          finish(unreadable(path, message.error));
          return;
        }
        if (message.progress > 0) progress(path, message.progress);
        if (message.sha256 === undefined) return;
        results[message.id] = { path, sha256: message.sha256, size: message.size };
        done++;
        if (done === paths.length) finish();
        else feed(worker);
      });
      feed(worker);
    }
  });
}

/**
 * SHA-256 and size of each file (paths relative to `root`, with `/`), streamed with bounded
 * memory and hashed in parallel: on worker threads when there is enough to hash, so large
 * releases use every core. Results come back in the order of `paths`.
 */
export async function hashFiles(
  root: string,
  paths: readonly string[],
  options: HashOptions = {},
): Promise<FileDigest[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  let bytesTotal = 0;
  const sizes: number[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = await lstat(join(root, path));
    } catch (error) {
      throw unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error));
    }
    if (!stats.isFile()) throw unreadable(path, "not a regular file");
    bytesTotal += stats.size;
    sizes.push(stats.size);
  }
  let bytesDone = 0;
  const progress = (path: string, bytes: number): void => {
    bytesDone += bytes;
    options.onProgress?.({ path, bytesDone, bytesTotal });
  };
  const threshold = options.inThreadBelow ?? 16 << 20;
  return paths.length > 1 && concurrency > 1 && bytesTotal >= threshold
    ? hashInWorkers(root, paths, sizes, concurrency, progress)
    : hashInThread(root, paths, sizes, concurrency, progress);
}
