import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { statusOf, transientVerdict } from "../publish/remote-error.js";
import { withRetry, type RetryNotice, type RetryPolicy } from "../publish/retry.js";
import { shown } from "../sign/verify-problem.js";
import type { PullSource } from "./pull-source.js";
import { SourceRefusal } from "./source-refusal.js";

/** A signed file to fetch. */
export interface SignedFile {
  path: string;
  sha256: string;
  size: number;
}

export interface FetchFileOptions {
  retry: RetryPolicy;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  /** Bytes written so far, after each chunk. */
  onBytes?: (done: number) => void;
}

type FileHandle = Awaited<ReturnType<typeof open>>;

/** Writes all of a buffer (a file handle may take it in parts). */
async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written);
    written += bytesWritten;
  }
}

/**
 * Gathers the small chunks a response arrives in and writes them in blocks: a few system calls
 * per megabyte instead of dozens, with memory bounded by one block.
 */
class BlockWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private readonly handle: FileHandle;

  constructor(handle: FileHandle) {
    this.handle = handle;
  }

  async add(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= BLOCK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    if (data !== undefined) await writeAll(this.handle, data);
  }
}

const BLOCK = 4 << 20;

/**
 * Streams one file from a source into `dest` (a new file), hashing as it goes, in bounded
 * memory whatever its size. A broken connection or a transient answer is retried from the byte
 * where it stopped. The file must be exactly the signed size and digest; else the source is
 * refused ({@link SourceRefusal}) naming the file and what is wrong. A file the source does not
 * have is refused the same way.
 */
export async function fetchFile(
  source: PullSource,
  file: SignedFile,
  dest: string,
  options: FetchFileOptions,
): Promise<void> {
  const name = shown(file.path);
  const handle = await open(dest, "wx", 0o644);
  try {
    const hash = createHash("sha256");
    let done = 0;
    const classify = (error: unknown) =>
      error instanceof SourceRefusal ? { retry: false as const } : transientVerdict(error);
    await withRetry(
      `downloading ${file.path}`,
      async () => {
        const writer = new BlockWriter(handle);
        try {
          for await (const chunk of await source.read(file.path, done, options.signal)) {
            if (done + chunk.length > file.size) {
              throw new SourceRefusal(
                file.path,
                `${name} is longer than the ${file.size} bytes signed`,
              );
            }
            hash.update(chunk);
            await writer.add(chunk);
            done += chunk.length;
            options.onBytes?.(done);
          }
        } catch (error) {
          const status = statusOf(error);
          if (status === 404) throw new SourceRefusal(file.path, `${name} is missing there`);
          if (status === 416) {
            throw new SourceRefusal(
              file.path,
              `${name} is shorter than the ${file.size} bytes signed`,
            );
          }
          throw error;
        } finally {
          // What arrived before a break is hashed and good: it goes to disk, and a retry resumes after it.
          await writer.flush();
        }
      },
      classify,
      options.retry,
      {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      },
    );
    if (done !== file.size) {
      throw new SourceRefusal(file.path, `${name} is ${done} bytes there, signed as ${file.size}`);
    }
    const digest = hash.digest("hex");
    if (digest !== file.sha256) {
      throw new SourceRefusal(
        file.path,
        `${name} has sha256 ${digest} there, signed as ${file.sha256}`,
      );
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
