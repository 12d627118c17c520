// ONNX quantization against copying the file. A 100M-parameter MLP (4 × Linear(5000, 5000),
// 400 MB of FLOAT, exported by torch.onnx.export into a temporary folder with Debian's python)
// is quantized to INT8 (weight-only, per-channel DequantizeLinear) and INT4 (MatMulNBits, block
// 32), each in a fresh Node process timed from spawn to exit, right after a `cp` of the same file
// in the same round. Peak RSS is the child's maxRSS. The code measured is an esbuild bundle of
// src/quantize/onnx-quantize.ts (its dependencies included, as scripts/build.mjs bundles them). Bars: quantizing takes ≤ 3× the `cp` of the same round (median
// over rounds), peak RSS < 2× the model file. The temporary folder is removed at the end.
//
//   node_modules/.bin/node bench/onnx-quantize.mjs [--rounds 3] [--keep]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "../scripts/generate.mjs";

const args = process.argv.slice(2);
const rounds = Number(args.includes("--rounds") ? args[args.indexOf("--rounds") + 1] : 3);
const keep = args.includes("--keep");
const PYTHON = "/usr/bin/python3";

const dir = mkdtempSync(join(tmpdir(), "model-publish-onnx-bench-"));
const model = join(dir, "mlp100m.onnx");

const generate = `
import sys, torch
from torch import nn
torch.manual_seed(0)
d = 5000
layers = []
for i in range(4):
    layers += [nn.Linear(d, d), nn.ReLU()]
model = nn.Sequential(*layers[:-1]).eval()
print(sum(p.numel() for p in model.parameters()))
torch.onnx.export(model, torch.randn(1, d), sys.argv[1], input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "batch"}}, opset_version=17)
`;

const runner = `
import { readFile } from "node:fs/promises";
import { quantizeOnnx } from "./onnx-quantize.mjs";
const [input, output, scheme] = process.argv.slice(2);
const start = process.hrtime.bigint();
const result =
  scheme === "read"
    ? { bytes: (await readFile(input)).length }
    : await quantizeOnnx(input, output, scheme, { blockSize: 32 });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, bytes: result.bytes, maxRss: process.resourceUsage().maxRSS * 1024 }));
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (command, argv) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, argv, { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
};

try {
  const params = execFileSync(PYTHON, ["-c", generate, model], { encoding: "utf8" }).trim();
  const size = statSync(model).size;
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, "src/quantize/onnx-quantize.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: join(dir, "onnx-quantize.mjs"),
    logLevel: "warning",
  });
  writeFileSync(join(dir, "run.mjs"), runner);

  // "read": a Node process that only reads the file into memory, the floor for any tool that
  // looks at every weight (cp copies inside the kernel and never does).
  const schemes = ["read", "onnx-int8", "onnx-int4"];
  const results = Object.fromEntries(schemes.map((s) => [s, []]));
  for (let round = 0; round < rounds; round++) {
    for (const scheme of schemes) {
      const cp = timed("cp", [model, join(dir, "copy.onnx")]);
      rmSync(join(dir, "copy.onnx"));
      const out = join(dir, `${scheme}.onnx`);
      const q = timed(process.execPath, [join(dir, "run.mjs"), model, out, scheme]);
      results[scheme].push({ cp: cp.seconds, wall: q.seconds, ...JSON.parse(q.stdout) });
      rmSync(out, { force: true });
    }
  }

  console.log(
    `${params} parameters, ${(size / 1e6).toFixed(1)} MB model; ${rounds} rounds; ${availableParallelism()} cores shared with other work (load average ${loadavg()[0].toFixed(2)})`,
  );
  console.log(
    "| scheme | cp s (median) | quantize s, process (median) | in-process s | ratio (median of rounds) | ratio by round | bar ≤ 3× | peak RSS MB | bar < 2× model |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  let failed = false;
  for (const scheme of schemes) {
    const rs = results[scheme];
    const ratio = median(rs.map((r) => r.wall / r.cp));
    const rss = Math.max(...rs.map((r) => r.maxRss));
    const reference = scheme === "read";
    const timeOk = ratio <= 3;
    const rssOk = rss < 2 * size;
    if (!reference) failed ||= !timeOk || !rssOk;
    const mark = (ok) => (reference ? "(reference)" : ok ? "✓" : "✗");
    console.log(
      `| ${reference ? "Node reads the file (reference)" : `${scheme} (${(rs[0].bytes / 1e6).toFixed(1)} MB out)`} | ${median(rs.map((r) => r.cp)).toFixed(3)} | ${median(rs.map((r) => r.wall)).toFixed(3)} | ${median(rs.map((r) => r.seconds)).toFixed(3)} | ${ratio.toFixed(2)} | ${rs.map((r) => (r.wall / r.cp).toFixed(2)).join(" ")} | ${mark(timeOk)} | ${(rss / 1e6).toFixed(0)} | ${mark(rssOk)} (${(rss / size).toFixed(2)}×) |`,
    );
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
