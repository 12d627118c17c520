import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../helpers/temp.js";

/** Folders written by test/fixtures/torch/make_fixtures.py. */
export const torchFixtures = join(repoRoot, "test/fixtures/torch");
export const validDir = join(torchFixtures, "valid");
export const hostileDir = join(torchFixtures, "hostile");
export const shardedDir = join(torchFixtures, "sharded");

export interface ExpectedTensor {
  dtype: string;
  shape: number[];
  /** Contiguous little-endian bytes, base64, as torch gives them. */
  data: string;
}

export interface ExpectedCheckpoint {
  tensors: Record<string, ExpectedTensor>;
  duplicates: Record<string, string>;
  training: Record<string, number | string | boolean>;
  weightsKey: string | null;
  layout: string | null;
  metadata?: Record<string, string>;
  candidates?: string[];
}

export const expected = JSON.parse(readFileSync(join(validDir, "expected.json"), "utf8")) as Record<
  string,
  ExpectedCheckpoint
>;

export interface HostileCase {
  file: string;
  code: string;
  mentions: string[];
  marker?: string;
}

export const hostileCases = JSON.parse(
  readFileSync(join(hostileDir, "hostile.json"), "utf8"),
) as HostileCase[];
