/** Builds raw GGUF bytes field by field, for files our writer would never produce. */
export class RawGguf {
  private parts: Buffer[] = [];

  get length(): number {
    return this.parts.reduce((n, p) => n + p.length, 0);
  }

  bytes(b: Uint8Array | string): this {
    this.parts.push(typeof b === "string" ? Buffer.from(b, "utf8") : Buffer.from(b));
    return this;
  }
  u32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return this.bytes(b);
  }
  u64(v: bigint | number): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    return this.bytes(b);
  }
  str(s: string | Uint8Array): this {
    const b = typeof s === "string" ? Buffer.from(s, "utf8") : Buffer.from(s);
    return this.u64(b.length).bytes(b);
  }
  /** Magic, version and counts. */
  header(tensors: number | bigint, kvs: number | bigint, version = 3, magic = "GGUF"): this {
    return this.bytes(magic).u32(version).u64(tensors).u64(kvs);
  }
  /** A string KV. */
  kvString(key: string, value: string): this {
    return this.str(key).u32(8).str(value);
  }
  kvU32(key: string, value: number): this {
    return this.str(key).u32(4).u32(value);
  }
  tensor(name: string | Uint8Array, ne: number[], type: number, offset: number | bigint): this {
    this.str(name).u32(ne.length);
    for (const n of ne) this.u64(n);
    return this.u32(type).u64(offset);
  }
  /** Zero padding to `alignment`, then `data` bytes. */
  data(bytes: number, alignment = 32): this {
    const pad = (alignment - (this.length % alignment)) % alignment;
    return this.bytes(new Uint8Array(pad + bytes));
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}
