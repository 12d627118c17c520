import { malformed, unsupported } from "./format-error.js";
import type { RandomAccessFile } from "./random-access-file.js";

/** One stored member of a zip: where its bytes are in the file. */
export interface ZipEntry {
  name: string;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the first data byte. */
  dataOffset: number;
  /** Uncompressed size. */
  size: number;
  /** 0 for stored; anything else is refused by `requireStored`. */
  method: number;
  /** Bytes the entry occupies in the file. */
  storedSize: number;
  /** Offset of its central directory header, for messages. */
  centralOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 1_000_000;
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function u64(buffer: Buffer, at: number, what: string, name: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw malformed(name, `${what} ${value} is beyond any file`);
  return Number(value);
}

/**
 * The central directory of a zip, read from the end of the file and cross-checked against each
 * local header. Only stored (uncompressed) entries are accepted, as torch writes them; sizes come
 * from the central directory (torch leaves them zero in local headers); entries must lie inside
 * the file, before the central directory, and must not overlap.
 */
export class ZipArchive {
  private constructor(
    readonly file: RandomAccessFile,
    /** Entries in central-directory order. */
    readonly entries: readonly ZipEntry[],
    private readonly byName: ReadonlyMap<string, ZipEntry>,
  ) {}

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Refuses an archive with any compressed entry: torch writes every record stored. */
  requireStored(): void {
    for (const entry of this.entries) {
      if (entry.method !== 0) {
        throw unsupported(
          this.file.name,
          `zip entry ${entry.name} (central header at byte ${entry.centralOffset}) is compressed (method ${entry.method}); torch checkpoints store entries uncompressed — re-save the file with torch.save`,
        );
      }
    }
  }

  /** Reads a whole stored entry; refuses one larger than `maxBytes`. */
  async read(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    this.requireStored();
    if (entry.size > maxBytes) {
      throw unsupported(
        this.file.name,
        `zip entry ${entry.name} is ${entry.size} bytes, over the ${maxBytes}-byte limit for it`,
      );
    }
    return this.file.read(entry.dataOffset, entry.size, `zip entry ${entry.name}`);
  }

  static async open(file: RandomAccessFile): Promise<ZipArchive> {
    const name = file.name;
    if (file.size < 22)
      throw malformed(name, `${file.size} bytes is too small for a zip archive (truncated?)`);
    const tailLength = Math.min(file.size, 22 + U16_MAX);
    const tailStart = file.size - tailLength;
    const tail = await file.read(tailStart, tailLength, "end of central directory");
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw malformed(
        name,
        "no end-of-central-directory record at the end of the file: the zip is truncated or not a zip",
      );
    }
    const eocdOffset = tailStart + eocd;
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    let disks = tail.readUInt16LE(eocd + 4) | tail.readUInt16LE(eocd + 6);
    let cdLimit = eocdOffset;
    if (
      eocdOffset >= 20 &&
      (await file.read(eocdOffset - 20, 4)).readUInt32LE(0) === ZIP64_LOCATOR
    ) {
      const locator = await file.read(eocdOffset - 20, 20, "zip64 locator");
      const at = u64(locator, 8, "zip64 end-of-central-directory offset", name);
      if (at + 56 > eocdOffset - 20)
        throw malformed(
          name,
          `zip64 end-of-central-directory offset ${at} at byte ${eocdOffset - 12} is out of place`,
        );
      const record = await file.read(at, 56, "zip64 end of central directory");
      if (record.readUInt32LE(0) !== ZIP64_EOCD)
        throw malformed(name, `no zip64 end-of-central-directory record at byte ${at}`);
      disks |= record.readUInt32LE(16) | record.readUInt32LE(20) | locator.readUInt32LE(4);
      count = u64(record, 32, "entry count", name);
      cdSize = u64(record, 40, "central directory size", name);
      cdOffset = u64(record, 48, "central directory offset", name);
      cdLimit = at;
    } else if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
      throw malformed(
        name,
        `end of central directory at byte ${eocdOffset} needs a zip64 record that is missing`,
      );
    }
    if (disks !== 0) throw unsupported(name, "multi-disk (split) zip archives are not supported");
    if (count > MAX_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY) {
      throw unsupported(
        name,
        `central directory of ${count} entries / ${cdSize} bytes is over the limits (${MAX_ENTRIES} / ${MAX_CENTRAL_DIRECTORY})`,
      );
    }
    if (cdOffset + cdSize > cdLimit || count * 46 > cdSize) {
      throw malformed(
        name,
        `central directory (${count} entries, bytes ${cdOffset}..${cdOffset + cdSize}) does not fit before its end record at byte ${cdLimit}`,
      );
    }
    const cd = await file.read(cdOffset, cdSize, "central directory");
    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry>();
    let p = 0;
    for (let index = 0; index < count; index++) {
      const at = cdOffset + p;
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) {
        throw malformed(
          name,
          `central directory entry ${index} at byte ${at} is not a central file header`,
        );
      }
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressed = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > cd.length)
        throw malformed(
          name,
          `central directory entry ${index} at byte ${at} runs past the directory`,
        );
      const rawName = cd.subarray(p + 46, p + 46 + nameLength);
      let entryName: string;
      try {
        entryName = new TextDecoder("utf-8", { fatal: true }).decode(rawName);
      } catch {
        throw malformed(name, `zip entry name at byte ${at + 46} is not valid UTF-8`);
      }
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length;) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          const next = (what: string): number => {
            if (f + 8 > e + 4 + length || f + 8 > extra.length)
              throw malformed(name, `zip64 field ${what} of ${entryName} is missing`);
            const value = u64(extra, f, `zip64 ${what} of ${entryName}`, name);
            f += 8;
            return value;
          };
          if (size === U32_MAX) size = next("size");
          if (compressed === U32_MAX) compressed = next("compressed size");
          if (localOffset === U32_MAX) localOffset = next("offset");
        }
        e += 4 + length;
      }
      if ((flags & 0x41) !== 0) throw unsupported(name, `zip entry ${entryName} is encrypted`);
      if (method === 0 && compressed !== size) {
        throw malformed(
          name,
          `zip entry ${entryName} (central header at byte ${at}) is stored but its sizes disagree (${compressed} vs ${size})`,
        );
      }
      if (byName.has(entryName))
        throw malformed(
          name,
          `zip entry ${entryName} appears twice in the central directory (byte ${at})`,
        );
      const entry: ZipEntry = {
        name: entryName,
        localOffset,
        dataOffset: 0,
        size,
        method,
        storedSize: compressed,
        centralOffset: at,
      };
      entries.push(entry);
      byName.set(entryName, entry);
      p = end;
    }
    const archive = new ZipArchive(file, entries, byName);
    await archive.checkLocalHeaders(cdOffset);
    return archive;
  }

  private async checkLocalHeaders(cdOffset: number): Promise<void> {
    const name = this.file.name;
    for (const entry of this.entries) {
      if (entry.localOffset + 30 > cdOffset) {
        throw malformed(
          name,
          `zip entry ${entry.name} claims a local header at byte ${entry.localOffset}, past the start of the central directory (${cdOffset})`,
        );
      }
      const local = await this.file.read(entry.localOffset, 30, `local header of ${entry.name}`);
      if (local.readUInt32LE(0) !== LOCAL) {
        throw malformed(
          name,
          `no local file header for ${entry.name} at byte ${entry.localOffset}`,
        );
      }
      if (local.readUInt16LE(8) !== entry.method) {
        throw malformed(
          name,
          `local header of ${entry.name} at byte ${entry.localOffset} gives another compression method than the central directory`,
        );
      }
      const nameLength = local.readUInt16LE(26);
      const extraLength = local.readUInt16LE(28);
      const localName = await this.file.read(
        entry.localOffset + 30,
        nameLength,
        `local name of ${entry.name}`,
      );
      if (!localName.equals(Buffer.from(entry.name, "utf8"))) {
        throw malformed(
          name,
          `local header at byte ${entry.localOffset} names ${JSON.stringify(localName.toString("latin1"))}, the central directory says ${entry.name}`,
        );
      }
      entry.dataOffset = entry.localOffset + 30 + nameLength + extraLength;
      if (entry.dataOffset + entry.storedSize > cdOffset) {
        throw malformed(
          name,
          `zip entry ${entry.name} (${entry.storedSize} bytes from byte ${entry.dataOffset}) runs into the central directory at byte ${cdOffset}: its size is wrong`,
        );
      }
    }
    const sorted = [...this.entries].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1];
      const entry = sorted[i];
      if (before && entry && before.dataOffset + before.storedSize > entry.localOffset) {
        throw malformed(
          name,
          `zip entries ${before.name} (bytes ${before.localOffset}..${before.dataOffset + before.storedSize}) and ${entry.name} (from byte ${entry.localOffset}) overlap`,
        );
      }
    }
  }
}
