import { ModelPublishError } from "../errors.js";

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
};

/** Default largest shard, as `save_pretrained` uses. */
export const DEFAULT_SHARD_SIZE = "5GB";

/**
 * Parses a shard size such as `5GB`, `500MB` or `2GiB` (decimal units are powers of 1000, as the
 * Hub's tools read them) into bytes; a number is taken as bytes.
 */
export function parseShardSize(size: string | number, what = "shard size"): number {
  if (typeof size === "number") {
    if (Number.isSafeInteger(size) && size > 0) return size;
    throw new ModelPublishError("USAGE", `${what} must be a positive number of bytes, got ${size}`);
  }
  const match = /^([0-9]+(?:\.[0-9]+)?)(B|KB|MB|GB|KiB|MiB|GiB)$/.exec(size.trim());
  const unit = match?.[2];
  const bytes = match && unit ? Math.floor(Number(match[1]) * (UNITS[unit] ?? 0)) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new ModelPublishError(
      "USAGE",
      `${what} ${JSON.stringify(size)} is not a size like 5GB, 500MB or 2GiB`,
    );
  }
  return bytes;
}
