import { malformed } from "./format-error.js";
import { NeedMoreBytes } from "./gguf-cursor.js";
import { parseGgufHeader, type GgufHeader, type GgufTensorInfo } from "./gguf-parse.js";
import type { GgufValue } from "./gguf-value.js";
import { RandomAccessFile } from "./random-access-file.js";

/** Headers above this (vocabularies included) are refused rather than read into memory. */
export const MAX_GGUF_HEADER_BYTES = 512 * 1024 * 1024;
const FIRST_READ = 1024 * 1024;

/**
 * A GGUF file opened for positional reads: the header is parsed and checked in full (see
 * `parseGgufHeader`); tensor bytes are read on demand.
 */
export class GgufFile {
  private readonly byName: Map<string, GgufTensorInfo>;

  private constructor(
    readonly file: RandomAccessFile,
    readonly header: GgufHeader,
  ) {
    this.byName = new Map(header.tensors.map((t) => [t.name, t]));
  }

  /** Opens and checks `path`; throws INPUT_MALFORMED naming the byte offset of the first fault. */
  static async open(path: string, name?: string): Promise<GgufFile> {
    const file = await RandomAccessFile.open(path, name);
    try {
      let length = Math.min(file.size, FIRST_READ);
      for (;;) {
        const buf = await file.read(0, length, "GGUF header");
        try {
          return new GgufFile(file, parseGgufHeader(buf, file.size, file.name));
        } catch (error) {
          if (!(error instanceof NeedMoreBytes)) throw error;
          if (error.upTo > MAX_GGUF_HEADER_BYTES) {
            throw malformed(
              file.name,
              `GGUF header runs past ${MAX_GGUF_HEADER_BYTES} bytes (at byte ${error.upTo}); refusing to read it`,
            );
          }
          length = Math.min(file.size, Math.max(error.upTo, length * 2));
        }
      }
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  get metadata(): ReadonlyMap<string, GgufValue> {
    return this.header.metadata;
  }

  get tensors(): readonly GgufTensorInfo[] {
    return this.header.tensors;
  }

  tensor(name: string): GgufTensorInfo | undefined {
    return this.byName.get(name);
  }

  /** Absolute file offset of a tensor's bytes. */
  fileOffset(info: GgufTensorInfo): number {
    return this.header.dataStart + info.offset;
  }

  /** Reads a tensor's bytes into `into` (a new buffer by default). */
  async readTensor(info: GgufTensorInfo, into?: Uint8Array): Promise<Uint8Array> {
    const target = into ?? new Uint8Array(info.nbytes);
    await this.file.readInto(target, 0, info.nbytes, this.fileOffset(info), `tensor ${info.name}`);
    return target;
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
