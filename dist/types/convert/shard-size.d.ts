/** Default largest shard, as `save_pretrained` uses. */
export declare const DEFAULT_SHARD_SIZE = "5GB";
/**
 * Parses a shard size such as `5GB`, `500MB` or `2GiB` (decimal units are powers of 1000, as the
 * Hub's tools read them) into bytes; a number is taken as bytes.
 */
export declare function parseShardSize(size: string | number, what?: string): number;
