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
/**
 * The central directory of a zip, read from the end of the file and cross-checked against each
 * local header. Only stored (uncompressed) entries are accepted, as torch writes them; sizes come
 * from the central directory (torch leaves them zero in local headers); entries must lie inside
 * the file, before the central directory, and must not overlap.
 */
export declare class ZipArchive {
    readonly file: RandomAccessFile;
    /** Entries in central-directory order. */
    readonly entries: readonly ZipEntry[];
    private readonly byName;
    private constructor();
    get(name: string): ZipEntry | undefined;
    /** Refuses an archive with any compressed entry: torch writes every record stored. */
    requireStored(): void;
    /** Reads a whole stored entry; refuses one larger than `maxBytes`. */
    read(entry: ZipEntry, maxBytes: number): Promise<Buffer>;
    static open(file: RandomAccessFile): Promise<ZipArchive>;
    private checkLocalHeaders;
}
