import { type SigningKey } from "./keys.js";
/** Where a key is read from, and the environment and folder that `env:` and relative paths use. */
export interface KeySourceContext {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
}
/**
 * Loads a private key from `env:NAME`, `file:PATH` or a plain path (PKCS#8 PEM or base64 seed).
 * Messages name the source, never the key.
 */
export declare function loadPrivateKey(source: string, context?: KeySourceContext, passphrase?: string): Promise<SigningKey>;
/**
 * Loads a trusted public key given as base64 of the raw 32 bytes, or as `env:NAME`, `file:PATH`
 * or a path to a file holding base64 or an SPKI PEM.
 */
export declare function loadPublicKey(source: string, context?: KeySourceContext): Promise<Uint8Array>;
/** Reads a passphrase from `env:NAME` (never from the command line, where `ps` would show it). */
export declare function readPassphrase(source: string, env: NodeJS.ProcessEnv): string;
/** Reads a keyring file: a JSON object of key id → base64 public key. */
export declare function loadKeyring(source: string, context?: KeySourceContext): Promise<Record<string, Uint8Array>>;
