import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import { parsePrivateKey, parsePublicKey, type SigningKey } from "./keys.js";

/** Where a key is read from, and the environment and folder that `env:` and relative paths use. */
export interface KeySourceContext {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

async function readKeyText(
  source: string,
  context: KeySourceContext,
): Promise<{ text: string; origin: string }> {
  if (source.startsWith("env:")) {
    const name = source.slice(4);
    const text = (context.env ?? process.env)[name];
    if (!name || text === undefined || text.trim() === "") {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${source}: the environment variable ${name || "(no name)"} is not set; export the key in it (a repository secret in CI)`,
      );
    }
    return { text, origin: source };
  }
  const path = resolve(context.cwd ?? process.cwd(), source.replace(/^file:/, ""));
  try {
    return { text: await readFile(path, "utf8"), origin: source };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelPublishError(
      "KEY_INVALID",
      `${source}: ${code === "ENOENT" ? "no such key file" : `cannot read the key file (${code ?? "error"})`}; pass a key file, \`file:PATH\` or \`env:NAME\``,
    );
  }
}

/**
 * Loads a private key from `env:NAME`, `file:PATH` or a plain path (PKCS#8 PEM or base64 seed).
 * Messages name the source, never the key.
 */
export async function loadPrivateKey(
  source: string,
  context: KeySourceContext = {},
  passphrase?: string,
): Promise<SigningKey> {
  const { text, origin } = await readKeyText(source, context);
  return parsePrivateKey(text, origin, passphrase);
}

/**
 * Loads a trusted public key given as base64 of the raw 32 bytes, or as `env:NAME`, `file:PATH`
 * or a path to a file holding base64 or an SPKI PEM.
 */
export async function loadPublicKey(
  source: string,
  context: KeySourceContext = {},
): Promise<Uint8Array> {
  if (/^[A-Za-z0-9+/]{43}=$/.test(source.trim())) return parsePublicKey(source, "public key");
  const { text, origin } = await readKeyText(source, context);
  return parsePublicKey(text, origin);
}

/** Reads a passphrase from `env:NAME` (never from the command line, where `ps` would show it). */
export function readPassphrase(source: string, env: NodeJS.ProcessEnv): string {
  const name = source.startsWith("env:") ? source.slice(4) : "";
  const value = name ? env[name] : undefined;
  if (!name || value === undefined || value === "") {
    throw new ModelPublishError(
      "USAGE",
      `passphrase: give it as env:NAME with the passphrase in that environment variable${name ? ` (${name} is not set)` : ""}`,
    );
  }
  return value;
}

/** Reads a keyring file: a JSON object of key id → base64 public key. */
export async function loadKeyring(
  source: string,
  context: KeySourceContext = {},
): Promise<Record<string, Uint8Array>> {
  const { text, origin } = await readKeyText(source, context);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${origin}: a keyring is JSON, like {"key-id": "<base64 public key>"}`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${origin}: a keyring is a JSON object of key id → base64 public key`,
    );
  }
  const keyring: Record<string, Uint8Array> = {};
  for (const [keyId, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== "string") {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${origin}: key "${keyId}" is not a base64 string`,
      );
    }
    keyring[keyId] = parsePublicKey(value, `${origin} key "${keyId}"`);
  }
  return keyring;
}
