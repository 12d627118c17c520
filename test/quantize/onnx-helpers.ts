import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeOnnx } from "../../src/formats/onnx-model.js";
import type { ModelProto, NodeProto, TensorProto } from "../../src/formats/onnx-proto-types.js";
import { repoRoot } from "../helpers/temp.js";

export const ONNX_FIXTURES = join(repoRoot, "test/fixtures/onnx");
/** The committed fixture models (test/fixtures/onnx/make_models.py). */
export const FIXTURE_MODELS = ["mlp", "convnet", "transformer"] as const;

export const fixture = (name: string, suffix = ".onnx"): string =>
  join(ONNX_FIXTURES, `${name}${suffix}`);

const PYTHON = "/usr/bin/python3";
let onnxModule: boolean | undefined;

/** Whether Debian's python has the `onnx` module (the checker tests skip without it). */
export function hasPythonOnnx(): boolean {
  onnxModule ??= spawnSync(PYTHON, ["-c", "import onnx"], { stdio: "ignore" }).status === 0;
  return onnxModule;
}

/** Whether Debian's python has torch (the export-hook tests skip without it). */
export function hasPythonTorch(): boolean {
  return spawnSync(PYTHON, ["-c", "import torch, numpy"], { stdio: "ignore" }).status === 0;
}

/** Runs `onnx.checker.check_model` on each file; returns the checker's complaint, if any. */
export function onnxChecker(paths: readonly string[]): { ok: boolean; output: string } {
  const script =
    "import onnx, sys\nfor p in sys.argv[1:]:\n    onnx.checker.check_model(p)\n    print('ok', p)";
  const run = spawnSync(PYTHON, ["-c", script, ...paths], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** A deterministic stream of values in [-1, 1) (tests only). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

export function floatTensor(name: string, dims: number[], values: Float32Array): TensorProto {
  return { name, dataType: 1, dims, rawData: new Uint8Array(values.buffer) };
}

export interface MatMulModel {
  k: number;
  n: number;
  /** Gemm instead of MatMul, with these attributes. */
  gemm?: { transB?: boolean; alpha?: number; beta?: number; bias?: boolean };
  opset?: number;
  seed?: number;
}

/** A one-node model Y = X·W (MatMul) or Gemm, X of shape [batch, K], with seeded weights. */
export function matmulModel(options: MatMulModel): ModelProto {
  const { k, n, gemm } = options;
  const random = seeded(options.seed ?? 7);
  const w = Float32Array.from({ length: k * n }, () => random() * 0.5);
  const initializer: TensorProto[] = [floatTensor("W", gemm?.transB ? [n, k] : [k, n], w)];
  const inputs = ["X", "W"];
  const attribute: NonNullable<NodeProto["attribute"]> = [];
  if (gemm) {
    if (gemm.bias) {
      initializer.push(floatTensor("C", [n], Float32Array.from({ length: n }, random)));
      inputs.push("C");
    }
    if (gemm.transB) attribute.push({ name: "transB", type: 2, i: 1 });
    if (gemm.alpha !== undefined) attribute.push({ name: "alpha", type: 1, f: gemm.alpha });
    if (gemm.beta !== undefined) attribute.push({ name: "beta", type: 1, f: gemm.beta });
  }
  const io = (name: string, last: number) => ({
    name,
    type: {
      tensorType: { elemType: 1, shape: { dim: [{ dimParam: "batch" }, { dimValue: last }] } },
    },
  });
  return {
    irVersion: 8,
    opsetImport: [{ domain: "", version: options.opset ?? 17 }],
    producerName: "model-publish-test",
    graph: {
      name: "matmul",
      node: [
        {
          name: gemm ? "gemm" : "matmul",
          opType: gemm ? "Gemm" : "MatMul",
          input: inputs,
          output: ["Y"],
          attribute,
        },
      ],
      initializer,
      input: [io("X", k)],
      output: [io("Y", n)],
    },
  };
}

export async function saveModel(proto: ModelProto, path: string): Promise<string> {
  await writeFile(path, encodeOnnx(proto));
  return path;
}
