import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseCommandArgs } from "../../src/cli/command.js";
import { convertCommand } from "../../src/cli/commands/convert.js";
import type { CliIO } from "../../src/cli/io.js";
import { exitCodeFor, ModelPublishError } from "../../src/errors.js";
import { hostileDir, shardedDir, validDir } from "../convert/fixtures.js";
import { scratch } from "../helpers/temp.js";

/** Runs the command object as the CLI does: parse, run, and turn a thrown error into its exit code. */
async function convert(
  argv: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string; error?: ModelPublishError }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd };
  try {
    const code = await convertCommand.run(parseCommandArgs(convertCommand, argv), io);
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof ModelPublishError)) throw error;
    return { code: exitCodeFor(error), stdout, stderr, error };
  }
}

describe("model-publish convert", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it("writes one file for -o *.safetensors and says what it did", async () => {
    const { code, stdout, stderr } = await convert(
      [join(validDir, "zip-views.pt"), "-o", "out/model.safetensors"],
      tmp.dir,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /zip-views\.pt \(torch zip \(1\.x layout\)\) → 11 tensors, .* checked by reload/,
    );
    expect(stdout).toContain("tied: lm_head.weight → embed.weight (written once)");
    expect(stderr).toMatch(
      /^reading .*zip-views\.pt\nwriting model\.safetensors\nchecking model\.safetensors\n$/,
    );
    expect(await readdir(join(tmp.dir, "out"))).toEqual(["model.safetensors"]);
  });

  it("prints one JSON document with --json, training scalars included", async () => {
    const { code, stdout } = await convert(
      [join(validDir, "nested-model.pt"), "-o", "m.safetensors", "--json"],
      tmp.dir,
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      weightsKey: string;
      training: Record<string, unknown>;
      files: { path: string; format: string }[];
    };
    expect(doc.weightsKey).toBe("model");
    expect(doc.training).toMatchObject({ step: 1200, loss: 0.0847 });
    expect(doc.files).toEqual([
      expect.objectContaining({ path: "m.safetensors", format: "safetensors" }),
    ]);
  });

  it("shards into a folder with --shard-size and takes --weights-key", async () => {
    const sharded = await convert([shardedDir, "-o", "shards", "--shard-size", "150B"], tmp.dir);
    expect(sharded.code).toBe(0);
    expect((await readdir(join(tmp.dir, "shards"))).sort()).toEqual([
      "model-00001-of-00002.safetensors",
      "model-00002-of-00002.safetensors",
      "model.safetensors.index.json",
    ]);
    const ema = await convert(
      [join(validDir, "nested-ema.pt"), "-o", "ema.safetensors", "--weights-key", "ema"],
      tmp.dir,
    );
    expect(ema.stdout).toContain("nested-ema.pt [ema]");
    expect(ema.stdout).toContain("training: step=10");
  });

  it("exits 2 on a hostile checkpoint, naming the global and the byte, and writes nothing", async () => {
    const { code, error } = await convert(
      [join(hostileDir, "os-system.pt"), "-o", "out.safetensors"],
      tmp.dir,
    );
    expect(code).toBe(2);
    expect(error?.message).toMatch(
      /os-system\.pt: evil\/data\.pkl: refused global os\.system \(at byte 2\)/,
    );
    expect(await readdir(tmp.dir)).toEqual([]);
    expect(existsSync("/tmp/model-publish-hostile-marker-os-system.pt")).toBe(false);
  });

  it("exits 2 on usage errors", async () => {
    expect((await convert([join(validDir, "zip-dtypes.pt")], tmp.dir)).error?.message).toMatch(
      /-o <out> is required/,
    );
    expect(
      (await convert([join(validDir, "zip-dtypes.pt"), "-o", "x", "--shard-size", "lots"], tmp.dir))
        .code,
    ).toBe(2);
    expect(() => parseCommandArgs(convertCommand, ["a.pt", "-o", "x", "--nope"])).toThrow(/--nope/);
  });
});
