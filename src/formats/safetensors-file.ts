import { RandomAccessFile } from "./random-access-file.js";
import {
  parseSafetensorsHeader,
  readHeaderLength,
  type SafetensorsHeader,
  type SafetensorsTensorInfo,
} from "./safetensors-header.js";

/**
 * A safetensors file opened for positional reads: the header is read and validated in full,
 * tensor bytes are read on demand.
 */
export class SafetensorsFile {
  private readonly byName: Map<string, SafetensorsTensorInfo>;

  private constructor(
    readonly file: RandomAccessFile,
    readonly header: SafetensorsHeader,
  ) {
    this.byName = new Map(header.tensors.map((t) => [t.name, t]));
  }

  /** Opens and validates `path`; throws INPUT_MALFORMED naming the rule that failed. */
  static async open(path: string, name?: string): Promise<SafetensorsFile> {
    const file = await RandomAccessFile.open(path, name);
    try {
      const first = await file.read(0, Math.min(8, file.size), "header length");
      const length = readHeaderLength(first, file.size, file.name);
      const header = parseSafetensorsHeader(
        await file.read(8, length, "header"),
        file.size,
        file.name,
      );
      return new SafetensorsFile(file, header);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  get tensors(): readonly SafetensorsTensorInfo[] {
    return this.header.tensors;
  }

  get metadata(): Record<string, string> | undefined {
    return this.header.metadata;
  }

  tensor(name: string): SafetensorsTensorInfo | undefined {
    return this.byName.get(name);
  }

  /** Absolute file offset and length of a tensor's bytes. */
  byteRange(info: SafetensorsTensorInfo): { offset: number; length: number } {
    return { offset: this.header.dataStart + info.begin, length: info.end - info.begin };
  }

  /** Reads one tensor's bytes whole; meant for small tensors (tests, scalars). */
  async readTensor(name: string): Promise<Buffer> {
    const info = this.byName.get(name);
    if (!info) throw new Error(`${this.file.name} has no tensor ${JSON.stringify(name)}`);
    const { offset, length } = this.byteRange(info);
    return this.file.read(offset, length, `tensor ${JSON.stringify(name)}`);
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
