import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { SigningKey } from "../../src/sign/keys.js";
import { signRelease } from "../../src/sign/sign-release.js";
import { verifyRelease, type VerifyOptions } from "../../src/sign/verify-release.js";
import { scratch } from "../helpers/temp.js";
import { FIXED_TIMESTAMP, fixedKey, RELEASE_FILES, writeRelease } from "./fixture.js";

/**
 * Flips each byte of a file in turn (xor `mask`), verifies, and puts it back.
 * Returns the offsets where verification still passed.
 */
async function unnoticed(
  dir: string,
  name: string,
  options: VerifyOptions,
  mask: number,
  skip: (offset: number) => boolean = () => false,
): Promise<number[]> {
  const path = join(dir, name);
  const original = await readFile(path);
  const missed: number[] = [];
  try {
    for (let offset = 0; offset < original.length; offset++) {
      if (skip(offset)) continue;
      const copy = Buffer.from(original);
      copy[offset] = (copy[offset] ?? 0) ^ mask;
      await writeFile(path, copy);
      if ((await verifyRelease(dir, options)).ok) missed.push(offset);
    }
  } finally {
    await writeFile(path, original);
  }
  return missed;
}

/** Byte ranges of `text` matched by the patterns' first group. */
function ranges(text: string, patterns: RegExp[]): [number, number][] {
  const found: [number, number][] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const group = match[1] ?? "";
      const start = Buffer.byteLength(text.slice(0, match.index + match[0].indexOf(group)));
      found.push([start, start + Buffer.byteLength(group)]);
    }
  }
  return found;
}

describe("every single-byte change is caught", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let key: SigningKey;
  let trusted: VerifyOptions;
  let keyring: VerifyOptions;
  beforeAll(async () => {
    tmp = await scratch();
    key = await fixedKey();
    await writeRelease(tmp.dir);
    await signRelease(tmp.dir, key, { keyId: "test-key", timestamp: FIXED_TIMESTAMP });
    trusted = { publicKey: key.publicKey };
    keyring = { keyring: { "test-key": key.publicKey } };
    expect((await verifyRelease(tmp.dir, trusted)).ok).toBe(true);
  });
  afterAll(() => tmp.remove());

  it.each(Object.keys(RELEASE_FILES))("in release file %s", async (name) => {
    for (const mask of [0x01, 0x80]) {
      expect(await unnoticed(tmp.dir, name, trusted, mask)).toEqual([]);
    }
  });

  it("in manifest.sig.json: the signed object, the signature, the public key, the key id", async () => {
    for (const mask of [0x01, 0x80]) {
      expect(await unnoticed(tmp.dir, "manifest.sig.json", keyring, mask)).toEqual([]);
    }
    // With a trusted key given directly, the key id is only a label; everything else still counts.
    const text = await readFile(join(tmp.dir, "manifest.sig.json"), "utf8");
    const label = ranges(text, [/"keyId": "([^"]*)"/g]);
    const inLabel = (offset: number): boolean => label.some(([a, b]) => offset >= a && offset < b);
    expect(await unnoticed(tmp.dir, "manifest.sig.json", trusted, 0x01, inLabel)).toEqual([]);
  });

  it("in manifest.json's signed fields", async () => {
    const text = await readFile(join(tmp.dir, "manifest.json"), "utf8");
    // What PRODUCT.md leaves unsigned: descriptive fields, role keys and formats.
    const unsigned = ranges(text, [
      /"(?:name|type|license)": "([^"]*)"/g,
      /\n {4}("[^"]+"): \{/g,
      /\n( {6}"format": "[^"]*",?)/g,
    ]);
    const skip = (offset: number): boolean => unsigned.some(([a, b]) => offset >= a && offset < b);
    expect(unsigned.length).toBeGreaterThan(5);
    expect(await unnoticed(tmp.dir, "manifest.json", trusted, 0x01, skip)).toEqual([]);
  });

  it("in the length of a file", async () => {
    const path = join(tmp.dir, "config.json");
    const original = await readFile(path);
    try {
      await writeFile(path, Buffer.concat([original, Buffer.of(0)]));
      expect((await verifyRelease(tmp.dir, trusted)).problems.map((p) => p.kind)).toEqual(["size"]);
      await writeFile(path, original.subarray(0, -1));
      expect((await verifyRelease(tmp.dir, trusted)).problems.map((p) => p.kind)).toEqual(["size"]);
    } finally {
      await writeFile(path, original);
    }
  });
});
