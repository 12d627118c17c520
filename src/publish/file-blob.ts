import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";

const CHUNK = 1 << 20;

/**
 * A Blob over a byte range of a file on disk, read only when it is streamed: what an HTTP client
 * library gets for a release file, so that neither hashing nor uploading a multi-GB file ever
 * holds more than a few 64 KiB buffers of it.
 */
export class FileSlice extends Blob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** An own property: it shadows Blob's getter, which knows nothing of the file. */
  override readonly size: number;

  constructor(path: string, start: number, end: number) {
    super([]);
    this.path = path;
    this.start = start;
    this.end = end;
    this.size = end - start;
  }

  override slice(start = 0, end = this.size): FileSlice {
    const from = Math.min(this.end, this.start + Math.max(0, start));
    return new FileSlice(
      this.path,
      from,
      Math.max(from, Math.min(this.end, this.start + Math.max(0, end))),
    );
  }

  /** The bytes as a Node stream. */
  nodeStream(): Readable {
    if (this.size === 0) return Readable.from([]);
    return createReadStream(this.path, { start: this.start, end: this.end - 1 });
  }

  /** A web stream that reads 1 MiB per pull (bridging a Node stream costs a third of the speed). */
  override stream(): ReturnType<Blob["stream"]> {
    const { path, end } = this;
    let position = this.start;
    let handle: FileHandle | undefined;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        handle ??= await open(path, "r");
        const size = Math.min(CHUNK, end - position);
        const chunk = Buffer.allocUnsafe(Math.max(0, size));
        const { bytesRead } =
          size > 0 ? await handle.read(chunk, 0, size, position) : { bytesRead: 0 };
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, bytesRead));
      },
      async cancel() {
        await handle?.close();
      },
    }) as ReturnType<Blob["stream"]>;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const handle = await open(this.path, "r");
    try {
      const buffer = new ArrayBuffer(this.size);
      let done = 0;
      while (done < this.size) {
        const { bytesRead } = await handle.read(
          new Uint8Array(buffer, done),
          0,
          this.size - done,
          this.start + done,
        );
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer;
    } finally {
      await handle.close();
    }
  }

  override async text(): Promise<string> {
    return Buffer.from(await this.arrayBuffer()).toString("utf8");
  }
}
