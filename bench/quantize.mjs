// Quantization throughput: ggml Q8_0, Q4_0 and Q4_K (bit-exact kernels on worker threads) over a
// 4096×4096 + 4096×1024 F32 tensor set, each timed from pool start (worker startup included) to the
// last byte, against a reference run in the same process: a plain Float32Array copy + sum pass over
// the same data. The code measured is the bundled build (esbuild, as scripts/build.mjs bundles it),
// so the workers start the way they do from dist/.
//
//   node_modules/.bin/node bench/quantize.mjs [--threads N] [--schemes q8_0,q4_0,q4_k]
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { root } from "../scripts/generate.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const threads = Number(option("--threads", String(availableParallelism())));
const schemes = option("--schemes", "q8_0,q4_0,q4_k").split(",");
const TYPE = { q8_0: "Q8_0", q4_0: "Q4_0", q4_k: "Q4_K", q6_k: "Q6_K", q5_0: "Q5_0" };
const BARS = { q8_0: 250, q4_0: 250, q4_k: 40 };

const dir = mkdtempSync(join(tmpdir(), "model-publish-bench-"));
const bundle = join(dir, "quantize.mjs");
await build({
  absWorkingDir: root,
  stdin: {
    contents:
      'export { KernelPool } from "./src/quantize/kernel-pool.ts";\nexport { encodeGgml } from "./src/quantize/ggml-codec.ts";\n',
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: bundle,
  logLevel: "warning",
});
const { KernelPool, encodeGgml } = await import(pathToFileURL(bundle).href);

/** Weight-like values: a sum of uniforms (near-normal), scaled like a trained layer. */
function tensor(rows, cols, seed) {
  const out = new Float32Array(new SharedArrayBuffer(rows * cols * 4));
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let k = 0; k < 3; k++) {
      s = (s ^ (s << 13)) >>> 0;
      s = (s ^ (s >>> 17)) >>> 0;
      s = (s ^ (s << 5)) >>> 0;
      v += s / 4294967296 - 0.5;
    }
    out[i] = v * 0.04;
  }
  return out;
}

const set = [tensor(4096, 4096, 1), tensor(4096, 1024, 2)];
const bytes = set.reduce((n, t) => n + t.byteLength, 0);
const mb = bytes / 1e6;

// Reference: one pass that copies and sums every value, on this thread.
const copy = new Float32Array(set[0].length);
let sum = 0;
const refStart = process.hrtime.bigint();
for (const t of set) {
  const view = copy.subarray(0, t.length);
  view.set(t);
  for (let i = 0; i < view.length; i++) sum += view[i];
}
const refSeconds = Number(process.hrtime.bigint() - refStart) / 1e9;

console.log(
  `${set.length} tensors, ${mb.toFixed(1)} MB of F32, ${threads} worker threads on ${availableParallelism()} cores (shared with whatever else runs)`,
);
console.log("| run | seconds | MB/s of F32 input | bar |\n| --- | --- | --- | --- |");
console.log(
  `| Float32Array copy + sum (reference) | ${refSeconds.toFixed(3)} | ${(mb / refSeconds).toFixed(0)} | |`,
);
let failed = false;
for (const scheme of schemes) {
  const start = process.hrtime.bigint();
  const pool = KernelPool.create(threads);
  const workers = pool.workers;
  let out = 0;
  for (const [i, t] of set.entries())
    out += (await encodeGgml(pool, TYPE[scheme], t, `t${i}`)).length;
  await pool.close();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = mb / seconds;
  const bar = BARS[scheme];
  if (bar !== undefined && rate < bar) failed = true;
  console.log(
    `| ${scheme} (${(out / 1e6).toFixed(1)} MB out, ${workers} workers, start included) | ${seconds.toFixed(3)} | ${rate.toFixed(0)} | ${bar === undefined ? "" : `≥ ${bar} ${rate >= bar ? "✓" : "✗"}`} |`,
  );
}
console.log(`(checksum ${sum.toFixed(3)})`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
