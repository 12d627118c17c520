import { open, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { malformed } from "./format-error.js";

/**
 * A file read by position only: every read names its offset and length, so a multi-GB file is
 * never loaded whole, and a short read is reported as truncation instead of returning less.
 */
export class RandomAccessFile {
  private constructor(
    /** Absolute or caller-given path. */
    readonly path: string,
    /** Name used in messages. */
    readonly name: string,
    readonly size: number,
    private readonly handle: FileHandle,
  ) {}

  /** Opens `path` for reading; `name` (default: the base name) is what messages call it. */
  static async open(path: string, name = basename(path)): Promise<RandomAccessFile> {
    const handle = await open(path, "r");
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw malformed(name, "is not a regular file");
      return new RandomAccessFile(path, name, stats.size, handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Reads exactly `length` bytes at `offset` into a new buffer. */
  async read(offset: number, length: number, what = "data"): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    await this.readInto(buffer, 0, length, offset, what);
    return buffer;
  }

  /** Fills `buffer[at, at+length)` from `offset`; throws if the file ends first. */
  async readInto(
    buffer: Uint8Array,
    at: number,
    length: number,
    offset: number,
    what = "data",
  ): Promise<void> {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw malformed(
        this.name,
        `${what} at bytes ${offset}..${offset + length} runs past the end of the file (${this.size} bytes); the file is truncated or its offsets are wrong`,
      );
    }
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, at + done, length - done, offset + done);
      if (bytesRead === 0) {
        throw malformed(this.name, `file ended at byte ${offset + done} while reading ${what}`);
      }
      done += bytesRead;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
