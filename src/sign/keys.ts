import { createHash, createPrivateKey, createPublicKey, randomBytes } from "node:crypto";
import * as ed from "@noble/ed25519";
import { ModelPublishError } from "../errors.js";
import { decodeBase64Strict, encodeBase64 } from "./base64.js";

/** DER prefixes of RFC 8410 Ed25519 keys; the 32 key bytes follow. */
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

function pem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString("base64")
    .replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

function invalid(origin: string, what: string): ModelPublishError {
  return new ModelPublishError("KEY_INVALID", `${origin}: ${what}`);
}

/**
 * An Ed25519 private key. The seed sits in a true private field: it does not show in
 * `console.log`, `util.inspect` or `JSON.stringify`, so a stray log line cannot leak it.
 */
export class SigningKey {
  readonly #seed: Uint8Array;
  /** Raw 32-byte public key. */
  readonly publicKey: Uint8Array;

  private constructor(seed: Uint8Array, publicKey: Uint8Array) {
    this.#seed = seed;
    this.publicKey = publicKey;
  }

  /** The key of a raw 32-byte seed (RFC 8032 private key). */
  static async fromSeed(seed: Uint8Array): Promise<SigningKey> {
    if (seed.length !== 32) throw new RangeError("an Ed25519 seed is 32 bytes");
    const copy = Uint8Array.from(seed);
    return new SigningKey(copy, await ed.getPublicKeyAsync(copy));
  }

  /** A new random key. */
  static generate(): Promise<SigningKey> {
    return SigningKey.fromSeed(randomBytes(32));
  }

  /** Base64 of the raw public key, as manifest.sig.json carries it. */
  get publicKeyBase64(): string {
    return encodeBase64(this.publicKey);
  }

  /** Ed25519 signature (RFC 8032, deterministic) of a message. */
  sign(message: Uint8Array): Promise<Uint8Array> {
    return ed.signAsync(message, this.#seed);
  }

  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`, or encrypted with AES-256-CBC when given a passphrase). */
  toPkcs8Pem(passphrase?: string): string {
    const der = Buffer.concat([PKCS8_PREFIX, this.#seed]);
    if (passphrase === undefined) return pem("PRIVATE KEY", der);
    const key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    return key
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase })
      .toString();
  }

  toJSON(): { publicKey: string } {
    return { publicKey: this.publicKeyBase64 };
  }
}

/** SPKI PEM (`BEGIN PUBLIC KEY`) of a raw public key, the form `openssl pkeyutl` reads. */
export function publicKeyPem(publicKey: Uint8Array): string {
  return pem("PUBLIC KEY", Buffer.concat([SPKI_PREFIX, publicKey]));
}

/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return createHash("sha256").update(publicKey).digest("hex").slice(0, 16);
}

/** PEM from an environment variable often arrives with its newlines written as `\n`. */
function unescapePem(text: string): string {
  return text.includes("-----BEGIN") && !text.includes("\n") ? text.replaceAll("\\n", "\n") : text;
}

function jwkBytes(value: unknown): Buffer | undefined {
  return typeof value === "string" ? Buffer.from(value, "base64url") : undefined;
}

function pemPrivateSeed(text: string, origin: string, passphrase?: string): Buffer {
  if (text.includes("PUBLIC KEY-----")) {
    throw invalid(origin, "holds a public key; signing needs the private key");
  }
  const encrypted = /ENCRYPTED/.test(text);
  if (encrypted && !passphrase) {
    throw invalid(origin, "is encrypted; give its passphrase (--passphrase env:NAME)");
  }
  let key;
  try {
    key = createPrivateKey({ key: text, format: "pem", ...(passphrase ? { passphrase } : {}) });
  } catch {
    throw invalid(
      origin,
      passphrase
        ? "cannot be read: a wrong passphrase, or not a PEM private key"
        : "is not a PEM private key that OpenSSL can read",
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw invalid(
      origin,
      `is an ${key.asymmetricKeyType ?? "unknown"} key; releases are signed with Ed25519 — make a key with \`model-publish keygen -o release.key\``,
    );
  }
  const seed = jwkBytes(key.export({ format: "jwk" }).d);
  if (seed?.length !== 32) throw invalid(origin, "is not a complete Ed25519 private key");
  return seed;
}

/**
 * Reads an Ed25519 private key: PKCS#8 PEM (plain or encrypted), base64 of the raw 32-byte seed,
 * or base64 of libsodium's 64-byte seed ‖ public key. `origin` names where the text came from in
 * messages; the text itself never appears in one.
 */
export async function parsePrivateKey(
  text: string,
  origin: string,
  passphrase?: string,
): Promise<SigningKey> {
  const trimmed = unescapePem(text.trim());
  if (trimmed.startsWith("-----BEGIN")) {
    return SigningKey.fromSeed(pemPrivateSeed(trimmed, origin, passphrase));
  }
  const bytes = decodeBase64Strict(trimmed.replace(/\s+/g, ""));
  if (!bytes) {
    throw invalid(origin, "is neither a PEM private key nor base64 of a 32-byte Ed25519 seed");
  }
  if (bytes.length === 32) return SigningKey.fromSeed(bytes);
  if (bytes.length === 64) {
    const key = await SigningKey.fromSeed(bytes.subarray(0, 32));
    if (!Buffer.from(key.publicKey).equals(bytes.subarray(32))) {
      throw invalid(origin, "holds 64 bytes whose second half is not the first half's public key");
    }
    return key;
  }
  throw invalid(
    origin,
    `decodes to ${bytes.length} bytes; an Ed25519 private key is a 32-byte seed (or PKCS#8 PEM)`,
  );
}

/** Reads an Ed25519 public key: base64 of the raw 32 bytes, or an SPKI PEM. */
export function parsePublicKey(text: string, origin: string): Uint8Array {
  const trimmed = unescapePem(text.trim());
  if (trimmed.startsWith("-----BEGIN")) {
    if (!trimmed.includes("PUBLIC KEY-----")) {
      throw invalid(origin, "is not a public key; give the public key, never the private one");
    }
    let key;
    try {
      key = createPublicKey({ key: trimmed, format: "pem" });
    } catch {
      throw invalid(origin, "is not a PEM public key that OpenSSL can read");
    }
    if (key.asymmetricKeyType !== "ed25519") {
      throw invalid(origin, `is an ${key.asymmetricKeyType ?? "unknown"} key, not Ed25519`);
    }
    const raw = jwkBytes(key.export({ format: "jwk" }).x);
    if (raw?.length !== 32) throw invalid(origin, "is not a complete Ed25519 public key");
    return Uint8Array.from(raw);
  }
  const bytes = decodeBase64Strict(trimmed);
  if (bytes?.length !== 32) {
    throw invalid(origin, "is not base64 of a 32-byte Ed25519 public key (44 characters)");
  }
  return Uint8Array.from(bytes);
}
