/**
 * Decodes base64 only in its one canonical spelling: the standard alphabet, padded, and with the
 * unused low bits of the last character zero. Lenient decoders accept several spellings of the
 * same bytes, and a signature file must not change without verification noticing.
 */
export declare function decodeBase64Strict(text: string): Buffer | undefined;
/** Standard padded base64. */
export declare function encodeBase64(bytes: Uint8Array): string;
