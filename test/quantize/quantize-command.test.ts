import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseCommandArgs } from "../../src/cli/command.js";
import { quantizeCommand } from "../../src/cli/commands/quantize.js";
import type { CliIO } from "../../src/cli/io.js";
import { ModelPublishError } from "../../src/errors.js";
import { GgufFile } from "../../src/formats/gguf-file.js";
import { scratch } from "../helpers/temp.js";
import { writeTinyModel } from "./tiny-model.js";

function io(cwd: string): CliIO & { out: string; err: string } {
  const sink = {
    out: "",
    err: "",
    env: {},
    cwd,
    stdout(text: string) {
      sink.out += text;
    },
    stderr(text: string) {
      sink.err += text;
    },
  };
  return sink;
}

async function run(
  argv: string[],
  cwd: string,
): Promise<{ code: number; out: string; err: string }> {
  const sink = io(cwd);
  const code = await quantizeCommand.run(parseCommandArgs(quantizeCommand, argv), sink);
  return { code, out: sink.out, err: sink.err };
}

describe("model-publish quantize", () => {
  let dir: Awaited<ReturnType<typeof scratch>>;

  beforeAll(async () => {
    dir = await scratch();
    await mkdir(join(dir.dir, "model"));
    await mkdir(join(dir.dir, "release"));
    await writeTinyModel(join(dir.dir, "model"), "llama");
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("names the file {id}-{size}-{quant}.gguf in a folder and prints the evaluation", async () => {
    const result = await run(
      ["model", "--to", "q4_k_m", "-o", "release", "--id", "tiny", "--size", "1m"],
      dir.dir,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^✓ model → .*release\/tiny-1m-q4_k_m\.gguf \(q4_k_m, .* MiB, .*× vs source, .*× vs FP32\)/,
    );
    expect(result.out).toMatch(/21 tensors: min cosine 0\.99/);
    expect(result.err).toMatch(/quantizing q4_k_m: 21\/21 tensors/);
    const file = await GgufFile.open(join(dir.dir, "release", "tiny-1m-q4_k_m.gguf"));
    await file.close();
  });

  it("prints one JSON document with --json", async () => {
    const result = await run(
      ["model/model.safetensors", "--to", "int8", "-o", "release/int8.safetensors", "--json"],
      dir.dir,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.out) as {
      scheme: string;
      format: string;
      compressionRatioVsF32: number;
      summary: { minCosine: number };
      tensors: { name: string; cosine: number; sumSquaredError?: number }[];
      violations: unknown[];
    };
    expect(doc).toMatchObject({ scheme: "int8", format: "safetensors", violations: [] });
    expect(doc.compressionRatioVsF32).toBeGreaterThan(3.5);
    expect(doc.tensors[0]?.sumSquaredError).toBeUndefined();
  });

  it("exits 1 naming the worst tensors when the variant is outside --min-cosine", async () => {
    const error: unknown = await run(
      ["model", "--to", "q4_0", "-o", "release/q4.gguf", "--min-cosine", "0.9999"],
      dir.dir,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelPublishError);
    if (!(error instanceof ModelPublishError)) return;
    expect([error.code, error.exitCode]).toEqual(["BUDGET_EXCEEDED", 1]);
    expect(error.message).toMatch(
      /^variant q4_0 \(.*q4\.gguf\) is outside its error budget: \d+ tensors out of bounds; worst: token_embd\.weight cosine 0\.99\d+ \(budget minCosine 0\.999900\); blk\./,
    );
    const json = await run(
      ["model", "--to", "q4_0", "-o", "release/q4.gguf", "--max-rmse", "0", "--json"],
      dir.dir,
    );
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as { violations: unknown[] }).violations.length).toBeGreaterThan(
      0,
    );
    expect(json.err).toMatch(/outside its error budget/);
  });

  it.each([
    [["model", "-o", "x.gguf"], /--to must be one of f16, bf16, int8, int4, q8_0/],
    [["model", "--to", "q4_k_m"], /-o <out> is required/],
    [["model", "--to", "q4_k_m", "-o", "release"], /give --id and --size/],
    [
      ["model", "--to", "q4_k_m", "-o", "release", "--id", "Bad Id", "--size", "1m"],
      /id "Bad Id" must be lower-case/,
    ],
    [
      ["model", "--to", "int4", "-o", "x", "--group-size", "100"],
      /--group-size "100" is not valid/,
    ],
    [["model", "--to", "q8_0", "-o", "x", "--min-cosine", "2"], /--min-cosine "2" is not valid/],
    [["model", "--to", "f16", "-o", "x", "--format", "onnx"], /--format is gguf or safetensors/],
  ])("refuses %j as a usage error", async (argv, message) => {
    await expect(run(argv, dir.dir)).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(message),
    });
  });
});
