/** Running CRC-32C over chunks of bytes. */
export declare class Crc32c {
    #private;
    update(bytes: Uint8Array): this;
    /** The checksum as an unsigned 32-bit integer. */
    value(): number;
    /** Big-endian base64, the form of GCS's `crc32c` field and `x-goog-hash` header. */
    base64(): string;
}
