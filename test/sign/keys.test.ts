import { execFile } from "node:child_process";
import { createHash, createPublicKey, verify as nodeVerify } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import * as ed from "@noble/ed25519";
import { ModelPublishError } from "../../src/errors.js";
import { decodeBase64Strict } from "../../src/sign/base64.js";
import {
  loadKeyring,
  loadPrivateKey,
  loadPublicKey,
  readPassphrase,
} from "../../src/sign/key-source.js";
import {
  keyFingerprint,
  parsePrivateKey,
  parsePublicKey,
  publicKeyPem,
  SigningKey,
} from "../../src/sign/keys.js";
import { scratch } from "../helpers/temp.js";
import { FIXED_SEED } from "./fixture.js";

const exec = promisify(execFile);
const hex = (h: string): Buffer => Buffer.from(h, "hex");

// RFC 8032 §7.1: secret key, public key, message, signature.
const RFC8032: [string, string, string, string, string][] = [
  [
    "TEST 1",
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  ],
  [
    "TEST 2",
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  ],
  [
    "TEST 3",
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    "af82",
    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
  ],
  [
    "TEST SHA(abc)",
    "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
    "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
  ],
];

describe("Ed25519 keys", () => {
  it.each(RFC8032)("matches RFC 8032 §7.1 %s", async (_name, secret, pub, message, signature) => {
    const key = await SigningKey.fromSeed(hex(secret));
    expect(Buffer.from(key.publicKey).toString("hex")).toBe(pub);
    const sig = await key.sign(hex(message));
    expect(Buffer.from(sig).toString("hex")).toBe(signature);
    expect(await ed.verifyAsync(sig, hex(message), hex(pub), { zip215: false })).toBe(true);
  });

  it("writes PKCS#8 and SPKI PEM that Node's OpenSSL reads as the same key", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    const pem = key.toPkcs8Pem();
    expect(pem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI[\s\S]+-----END PRIVATE KEY-----\n$/,
    );
    const again = await parsePrivateKey(pem, "test");
    expect(again.publicKeyBase64).toBe(key.publicKeyBase64);
    const spki = createPublicKey(publicKeyPem(key.publicKey));
    const message = Buffer.from("hello");
    expect(nodeVerify(null, message, spki, await key.sign(message))).toBe(true);
    expect(parsePublicKey(publicKeyPem(key.publicKey), "pem")).toEqual(key.publicKey);
    expect(keyFingerprint(key.publicKey)).toBe(
      createHash("sha256").update(key.publicKey).digest("hex").slice(0, 16),
    );
  });

  it("reads the private key as base64 seed, libsodium's 64 bytes, or PEM with escaped newlines", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    const seed64 = FIXED_SEED.toString("base64");
    expect((await parsePrivateKey(`${seed64}\n`, "x")).publicKeyBase64).toBe(key.publicKeyBase64);
    const sodium = Buffer.concat([FIXED_SEED, key.publicKey]).toString("base64");
    expect((await parsePrivateKey(sodium, "x")).publicKeyBase64).toBe(key.publicKeyBase64);
    const escaped = key.toPkcs8Pem().trim().replaceAll("\n", "\\n");
    expect((await parsePrivateKey(escaped, "x")).publicKeyBase64).toBe(key.publicKeyBase64);
  });

  it("reads and writes passphrase-encrypted PKCS#8", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    const pem = key.toPkcs8Pem("correct horse");
    expect(pem).toContain("BEGIN ENCRYPTED PRIVATE KEY");
    expect((await parsePrivateKey(pem, "k", "correct horse")).publicKeyBase64).toBe(
      key.publicKeyBase64,
    );
    await expect(parsePrivateKey(pem, "k")).rejects.toThrow(/k: is encrypted; give its passphrase/);
    await expect(parsePrivateKey(pem, "k", "wrong")).rejects.toThrow(/wrong passphrase/);
  });

  it("refuses what is not an Ed25519 private key, saying why without echoing it", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    const other = Buffer.alloc(64, 7).toString("base64");
    const cases: [string, RegExp][] = [
      [publicKeyPem(key.publicKey), /holds a public key/],
      ["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", /not a PEM private key/],
      ["not a key at all!", /neither a PEM private key nor base64/],
      [Buffer.alloc(16).toString("base64"), /decodes to 16 bytes/],
      [other, /second half is not/],
    ];
    for (const [text, message] of cases) {
      const error = await parsePrivateKey(text, "env:K").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelPublishError);
      expect((error as ModelPublishError).code).toBe("KEY_INVALID");
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message.startsWith("env:K: ")).toBe(true);
      expect((error as Error).message).not.toContain(text.slice(0, 20));
    }
  });

  it("keeps the seed out of logs and JSON", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    const shown = `${inspect(key, { showHidden: true, depth: 5 })} ${JSON.stringify(key)} ${String(Object.keys(key))}`;
    for (const secret of [FIXED_SEED.toString("hex"), FIXED_SEED.toString("base64")]) {
      expect(shown).not.toContain(secret);
    }
    expect(JSON.stringify(key)).toBe(`{"publicKey":"${key.publicKeyBase64}"}`);
  });

  it("reads public keys as base64 or PEM, and refuses anything else", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    expect(parsePublicKey(key.publicKeyBase64, "k")).toEqual(key.publicKey);
    expect(() => parsePublicKey(key.toPkcs8Pem(), "k")).toThrow(/never the private one/);
    expect(() =>
      parsePublicKey("-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----", "k"),
    ).toThrow(/not a PEM public key/);
    expect(() => parsePublicKey("AAAA", "k")).toThrow(/32-byte Ed25519 public key/);
  });

  it("decodes only canonical base64", () => {
    expect(decodeBase64Strict("AAE=")).toEqual(Buffer.of(0, 1));
    expect(decodeBase64Strict("AAF=")).toBeUndefined(); // same bytes, stray low bits
    expect(decodeBase64Strict("AAE")).toBeUndefined();
    expect(decodeBase64Strict("AA-_")).toBeUndefined();
  });
});

describe("key sources", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it("loads keys from files, file: paths and env: variables", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    await tmp.write("k.pem", key.toPkcs8Pem());
    const env = { SIGNING_KEY: FIXED_SEED.toString("base64"), EMPTY: "" };
    for (const source of ["k.pem", "file:k.pem", join(tmp.dir, "k.pem"), "env:SIGNING_KEY"]) {
      const loaded = await loadPrivateKey(source, { env, cwd: tmp.dir });
      expect(loaded.publicKeyBase64).toBe(key.publicKeyBase64);
    }
    await expect(loadPrivateKey("env:NOPE", { env })).rejects.toThrow(/NOPE is not set/);
    await expect(loadPrivateKey("env:EMPTY", { env })).rejects.toThrow(/EMPTY is not set/);
    await expect(loadPrivateKey("gone.pem", { cwd: tmp.dir })).rejects.toThrow(
      /gone.pem: no such key file/,
    );
  });

  it("loads trusted public keys and keyrings", async () => {
    const key = await SigningKey.fromSeed(FIXED_SEED);
    await tmp.write("pub.txt", `${key.publicKeyBase64}\n`);
    await tmp.write("pub.pem", publicKeyPem(key.publicKey));
    for (const source of [key.publicKeyBase64, "pub.txt", "pub.pem"]) {
      expect(await loadPublicKey(source, { cwd: tmp.dir })).toEqual(key.publicKey);
    }
    await tmp.write("ring.json", JSON.stringify({ release: key.publicKeyBase64 }));
    expect(await loadKeyring("ring.json", { cwd: tmp.dir })).toEqual({ release: key.publicKey });
    await tmp.write("bad1.json", "[1]");
    await tmp.write("bad2.json", '{"a": 1}');
    await tmp.write("bad3.json", "{");
    await expect(loadKeyring("bad1.json", { cwd: tmp.dir })).rejects.toThrow(/JSON object/);
    await expect(loadKeyring("bad2.json", { cwd: tmp.dir })).rejects.toThrow(
      /key "a" is not a base64/,
    );
    await expect(loadKeyring("bad3.json", { cwd: tmp.dir })).rejects.toThrow(/a keyring is JSON/);
  });

  it("reads passphrases only from the environment", () => {
    expect(readPassphrase("env:P", { P: "pw" })).toBe("pw");
    expect(() => readPassphrase("pw", {})).toThrow(/env:NAME/);
    expect(() => readPassphrase("env:P", {})).toThrow(/P is not set/);
  });

  it("reads keys that openssl genpkey makes", async () => {
    const file = join(tmp.dir, "openssl.pem");
    try {
      await exec("openssl", ["genpkey", "-algorithm", "ed25519", "-out", file]);
    } catch {
      console.log("skipped: openssl is not installed");
      return;
    }
    const key = await loadPrivateKey(file);
    const { stdout } = await exec("openssl", ["pkey", "-in", file, "-pubout", "-outform", "DER"], {
      encoding: "buffer",
    });
    expect(Buffer.from(key.publicKey)).toEqual(stdout.subarray(-32));
    await writeFile(join(tmp.dir, "ours.pem"), key.toPkcs8Pem());
    const { stdout: theirs } = await exec("openssl", ["pkey", "-in", join(tmp.dir, "ours.pem")]);
    expect(theirs).toBe(await readFile(file, "utf8"));
  });
});
