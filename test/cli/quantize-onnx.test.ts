import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli } from "../helpers/cli.js";
import { repoRoot, scratch } from "../helpers/temp.js";

const fixtures = join(repoRoot, "test", "fixtures", "onnx");

describe("model-publish quantize <model.onnx> --to onnx-…", () => {
  it("writes the variant and reports its parity per output", async () => {
    const tmp = await scratch();
    try {
      const out = join(tmp.dir, "mlp_int8.onnx");
      const { code, stdout } = await cli([
        "quantize",
        join(fixtures, "mlp.onnx"),
        "--to",
        "onnx-int8",
        "--form",
        "dynamic",
        "-o",
        out,
        "--inputs",
        join(fixtures, "mlp.inputs.npz"),
        "--json",
      ]);
      expect(code).toBe(0);
      const doc = JSON.parse(stdout) as {
        parity: { outputs: { output: string; cosine: number }[] }[];
      };
      expect(doc.parity[0]?.outputs[0]).toMatchObject({ output: "logits" });
      expect(doc.parity[0]?.outputs[0]?.cosine).toBeGreaterThan(0.999);
    } finally {
      await tmp.remove();
    }
  });

  it("exits 1 naming the output when the variant is outside its budget", async () => {
    const tmp = await scratch();
    try {
      const { code, stderr } = await cli([
        "quantize",
        join(fixtures, "mlp.onnx"),
        "--to",
        "onnx-int4",
        "-o",
        join(tmp.dir, "v.onnx"),
        "--max-abs-error",
        "0.0000001",
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/output logits max abs diff/);
    } finally {
      await tmp.remove();
    }
  });

  it("needs an .onnx output and a known form", async () => {
    expect(
      (await cli(["quantize", join(fixtures, "mlp.onnx"), "--to", "onnx-fp16", "-o", "x.gguf"]))
        .code,
    ).toBe(2);
    expect(
      (
        await cli([
          "quantize",
          join(fixtures, "mlp.onnx"),
          "--to",
          "onnx-int8",
          "--form",
          "static",
          "-o",
          "x.onnx",
        ])
      ).stderr,
    ).toMatch(/--form is weight-only or dynamic/);
  });
});
