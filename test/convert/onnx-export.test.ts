import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import { runOnnxExport } from "../../src/convert/onnx-export.js";
import { scratch } from "../helpers/temp.js";
import { fixture, hasPythonTorch } from "../quantize/onnx-helpers.js";

const PYTHON = "/usr/bin/python3";

const EXPORT_SCRIPT = `
import os, sys
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4)).eval()
x = torch.randn(3, 16)
os.makedirs("build", exist_ok=True)
torch.onnx.export(model, x, "build/model.onnx", input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=17)
np.savez("build/ref_in.npz", x=x.numpy())
with torch.no_grad():
    np.savez("build/ref_out.npz", model(x).numpy())  # positional: arr_0
print("exported with torch", torch.__version__)
`;

/** Writes an ONNX model whose outputs are not the ones it claims (a broken export). */
const DISAGREEING_SCRIPT = `
import shutil, sys
import numpy as np
shutil.copy(sys.argv[1], "model.onnx")
shutil.copy(sys.argv[2], "in.npz")
out = np.load(sys.argv[3])
np.savez("out.npz", logits=out["logits"] * 1.5)
`;

async function failure(promise: Promise<unknown>): Promise<ModelPublishError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelPublishError);
  return error as ModelPublishError;
}

describe("ONNX export hook", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  it("runs a real torch.onnx.export script and checks its model against its outputs", async () => {
    if (!hasPythonTorch()) {
      console.log(`skipped: ${PYTHON} has no torch/numpy`);
      return;
    }
    await writeFile(join(dir, "export_onnx.py"), EXPORT_SCRIPT);
    let output = "";
    const result = await runOnnxExport({
      manifestDir: dir,
      hook: {
        command: `${PYTHON} export_onnx.py`,
        output: "build/model.onnx",
        referenceInputs: "build/ref_in.npz",
        referenceOutputs: "build/ref_out.npz",
      },
      onOutput: (text) => {
        output += text;
      },
    });
    expect(output).toMatch(/exported with torch 1\./);
    expect(result.output).toBe(join(dir, "build/model.onnx"));
    expect(result.parity?.[0]).toMatchObject({ output: "y", elements: 12 });
    expect(result.parity?.[0]?.maxAbsDiff).toBeLessThan(1e-5);
    expect(result.parity?.[0]?.cosine).toBeGreaterThan(0.99999);
  });

  it("fails the run when the model disagrees with the reference outputs", async () => {
    await writeFile(join(dir, "export.py"), DISAGREEING_SCRIPT);
    const hook = {
      command: `${PYTHON} export.py ${fixture("mlp")} ${fixture("mlp", ".inputs.npz")} ${fixture("mlp", ".outputs.npz")}`,
      output: "model.onnx",
      referenceInputs: "in.npz",
      referenceOutputs: "out.npz",
    };
    const error = await failure(runOnnxExport({ manifestDir: dir, hook }));
    expect(error.code).toBe("BUDGET_EXCEEDED");
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /exported model model\.onnx failed its error budget: output logits max abs diff [0-9.]+ \(budget maxAbsError 0\.00100000\)/,
    );
    // The same model passes against its true outputs.
    await copyFile(fixture("mlp", ".outputs.npz"), join(dir, "true.npz"));
    const ok = await runOnnxExport({
      manifestDir: dir,
      hook: { ...hook, referenceOutputs: "true.npz" },
    });
    expect(ok.parity?.[0]?.maxAbsDiff).toBeLessThan(1e-4);
  });

  it("reports a failing command with its last lines, and the environment it got", async () => {
    const lines: string[] = [];
    const error = await failure(
      runOnnxExport({
        manifestDir: dir,
        env: { MP_EXPORT_NOTE: "from the test" },
        hook: {
          command:
            'echo "starting ($MP_EXPORT_NOTE) in $(basename "$PWD")"; echo "boom: no checkpoint" >&2; exit 3',
          output: "model.onnx",
        },
        onOutput: (text, stream) => lines.push(`${stream}: ${text.trim()}`),
      }),
    );
    expect(error.code).toBe("INPUT_MALFORMED");
    expect(error.message).toMatch(/exited with code 3\. Last lines:\nstarting \(from the test\)/);
    expect(error.message).toMatch(/boom: no checkpoint$/);
    expect(lines).toEqual(expect.arrayContaining(["stderr: boom: no checkpoint"]));
    expect(lines.join("\n")).toContain(dir.split("/").pop() ?? "");
  });

  it("says so when the command writes no model, or outputs the model does not have", async () => {
    const missing = await failure(
      runOnnxExport({ manifestDir: dir, hook: { command: "true", output: "out/model.onnx" } }),
    );
    expect(missing.message).toMatch(/wrote no file at out\/model\.onnx/);
    await copyFile(fixture("mlp"), join(dir, "m.onnx"));
    await copyFile(fixture("mlp", ".inputs.npz"), join(dir, "in.npz"));
    await copyFile(fixture("transformer", ".outputs.npz"), join(dir, "out.npz"));
    const hook = {
      command: "true",
      output: "m.onnx",
      referenceInputs: "in.npz",
      referenceOutputs: "out.npz",
    };
    const wrong = await failure(runOnnxExport({ manifestDir: dir, hook }));
    expect(wrong.code).toBe("OUTPUT_MISMATCH");
    expect(wrong.message).toMatch(
      /reference output output is not an output of the exported model \(its outputs: logits\)/,
    );
    // Without reference files the model is only loaded.
    const plain = await runOnnxExport({
      manifestDir: dir,
      hook: { command: "true", output: "m.onnx" },
    });
    expect(plain.parity).toBeUndefined();
  });
});
