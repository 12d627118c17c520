/**
 * CRC32C (Castagnoli, reflected polynomial 0x82F63B78), as GCS reports it: the 32-bit value
 * big-endian, base64-encoded. Slicing-by-8 tables keep it fast enough for multi-GB bodies.
 */

const POLY = 0x82f63b78;

const TABLES: Uint32Array[] = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const first = tables[0] ?? new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1] ?? first;
    const table = tables[t] ?? first;
    for (let n = 0; n < 256; n++) {
      const c = prev[n] ?? 0;
      table[n] = ((c >>> 8) ^ (first[c & 0xff] ?? 0)) >>> 0;
    }
  }
  return tables;
})();

/** Incremental CRC32C. */
export class Crc32c {
  private crc = 0xffffffff;

  update(data: Uint8Array): this {
    const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
    ];
    let crc = this.crc;
    let i = 0;
    const len = data.length;
    const fast = len - (len % 8);
    while (i < fast) {
      const a =
        (crc ^
          (data[i] as number) ^
          ((data[i + 1] as number) << 8) ^
          ((data[i + 2] as number) << 16) ^
          ((data[i + 3] as number) << 24)) >>>
        0;
      crc =
        (t7[a & 0xff] as number) ^
        (t6[(a >>> 8) & 0xff] as number) ^
        (t5[(a >>> 16) & 0xff] as number) ^
        (t4[a >>> 24] as number) ^
        (t3[data[i + 4] as number] as number) ^
        (t2[data[i + 5] as number] as number) ^
        (t1[data[i + 6] as number] as number) ^
        (t0[data[i + 7] as number] as number);
      i += 8;
    }
    while (i < len) {
      crc = (crc >>> 8) ^ (t0[(crc ^ (data[i] as number)) & 0xff] as number);
      i++;
    }
    this.crc = crc >>> 0;
    return this;
  }

  /** The CRC of everything passed to {@link update} so far. */
  get value(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}

/** The GCS wire form of a CRC32C: 4 bytes big-endian, base64. */
export function crc32cBase64(value: number): string {
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(value >>> 0);
  return buf.toString("base64");
}
