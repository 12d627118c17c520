/**
 * An Ed25519 private key. The seed sits in a true private field: it does not show in
 * `console.log`, `util.inspect` or `JSON.stringify`, so a stray log line cannot leak it.
 */
export declare class SigningKey {
    #private;
    /** Raw 32-byte public key. */
    readonly publicKey: Uint8Array;
    private constructor();
    /** The key of a raw 32-byte seed (RFC 8032 private key). */
    static fromSeed(seed: Uint8Array): Promise<SigningKey>;
    /** A new random key. */
    static generate(): Promise<SigningKey>;
    /** Base64 of the raw public key, as manifest.sig.json carries it. */
    get publicKeyBase64(): string;
    /** Ed25519 signature (RFC 8032, deterministic) of a message. */
    sign(message: Uint8Array): Promise<Uint8Array>;
    /** PKCS#8 PEM (`BEGIN PRIVATE KEY`, or encrypted with AES-256-CBC when given a passphrase). */
    toPkcs8Pem(passphrase?: string): string;
    toJSON(): {
        publicKey: string;
    };
}
/** SPKI PEM (`BEGIN PUBLIC KEY`) of a raw public key, the form `openssl pkeyutl` reads. */
export declare function publicKeyPem(publicKey: Uint8Array): string;
/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
export declare function keyFingerprint(publicKey: Uint8Array): string;
/**
 * Reads an Ed25519 private key: PKCS#8 PEM (plain or encrypted), base64 of the raw 32-byte seed,
 * or base64 of libsodium's 64-byte seed ‖ public key. `origin` names where the text came from in
 * messages; the text itself never appears in one.
 */
export declare function parsePrivateKey(text: string, origin: string, passphrase?: string): Promise<SigningKey>;
/** Reads an Ed25519 public key: base64 of the raw 32 bytes, or an SPKI PEM. */
export declare function parsePublicKey(text: string, origin: string): Uint8Array;
