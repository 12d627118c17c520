/**
 * Decodes base64 only in its one canonical spelling: the standard alphabet, padded, and with the
 * unused low bits of the last character zero. Lenient decoders accept several spellings of the
 * same bytes, and a signature file must not change without verification noticing.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}

/** Standard padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
