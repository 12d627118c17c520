#!/usr/bin/env node
/**
 * Benchmark: convert a generated 1 GiB fp32 PyTorch checkpoint to safetensors, against
 *   - a Python reference that does torch.load + writes safetensors by hand (header JSON + bytes),
 *   - `cp` of the same file,
 * all in the same run, on the same warm page cache.
 *
 * Two more rows are for information: `check: "full"` (a second pass re-reading both files), and
 * `dd bs=16M`, a plain user-space copy.
 *
 * Bars (issue 3), on the default check: wall ≤ 0.5× the reference, peak RSS ≤ 0.25× the
 * reference's and < 256 MiB, wall ≤ 2× cp. Exit code 1 when a bar is missed.
 *
 * Run: node_modules/.bin/node bench/convert.mjs [--size-mib 1024] [--runs 7]
 * One warm-up round is run and dropped; the table gives the median of the rest.
 * Needs /usr/bin/python3 with torch (Debian's python3-torch). Temp files are removed at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    "size-mib": { type: "string", default: "1024" },
    runs: { type: "string", default: "7" },
  },
});
const sizeMiB = Number(values["size-mib"]);
const runs = Number(values.runs);
const python = "/usr/bin/python3";
const timeTool = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Runs a command; wall time and peak RSS come from the child's own report (`{ms, rssKiB}` on stdout) or, for cp, from the clock and /usr/bin/time. */
function run(command, args, { selfReport }) {
  const wrapped = timeTool
    ? [timeTool, ["-f", "MAXRSS_KIB=%M", command, ...args]]
    : [command, args];
  const started = process.hrtime.bigint();
  const child = spawnSync(wrapped[0], wrapped[1], { encoding: "utf8", maxBuffer: 1 << 24 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${child.status}):\n${child.stdout}\n${child.stderr}`,
    );
  }
  const timed = /MAXRSS_KIB=(\d+)/.exec(child.stderr);
  const rssKiB = timed ? Number(timed[1]) : undefined;
  if (!selfReport) return { ms: wallMs, rssKiB };
  const report = JSON.parse(child.stdout.trim().split("\n").pop());
  return { ms: report.ms, rssKiB: rssKiB ?? report.rssKiB };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dir = await mkdtemp(join(tmpdir(), "model-publish-bench-"));
const cleanup = () => rm(dir, { recursive: true, force: true });
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
let failed = false;
try {
  const checkpoint = join(dir, "model.pt");
  const tensors = Math.max(1, Math.round(sizeMiB / 64));
  console.error(
    `generating a ${tensors * 64} MiB fp32 checkpoint (${tensors} × 4096×4096) with torch…`,
  );
  const gen = spawnSync(
    python,
    [
      "-c",
      `
import torch, sys
g = torch.Generator().manual_seed(0)
sd = {f"layers.{i}.weight": torch.rand(4096, 4096, generator=g) for i in range(${tensors})}
torch.save(sd, sys.argv[1])
`,
      checkpoint,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (gen.status !== 0)
    throw new Error("could not generate the checkpoint (is python3-torch installed?)");
  const bytes = (await stat(checkpoint)).size;

  // Our converter, bundled once so the child starts as fast as an installed CLI would.
  const esbuild = await import(join(root, "node_modules/esbuild/lib/main.js"));
  const entry = join(dir, "ours-entry.mjs");
  await writeFile(
    entry,
    `
import { convertCheckpoint } from ${JSON.stringify(join(root, "src/convert/convert-checkpoint.ts"))};
const started = performance.now();
const result = await convertCheckpoint({ input: process.argv[2], output: process.argv[3], check: process.argv[4] });
console.log(JSON.stringify({ ms: performance.now() - started, rssKiB: process.resourceUsage().maxRSS, tensors: result.tensors }));
`,
  );
  const bundle = join(dir, "ours.mjs");
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "warning",
  });

  const reference = join(dir, "reference.py");
  await writeFile(
    reference,
    `
import json, resource, struct, sys, time
import torch
DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64", torch.int64: "I64"}
started = time.perf_counter()
sd = torch.load(sys.argv[1], map_location="cpu")
names = sorted(sd)
header, offset = {"__metadata__": {"format": "pt"}}, 0
for name in names:
    t = sd[name]
    n = t.numel() * t.element_size()
    header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + n]}
    offset += n
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * ((8 - len(text) % 8) % 8)
with open(sys.argv[2], "wb") as f:
    f.write(struct.pack("<Q", len(text)))
    f.write(text)
    for name in names:
        f.write(sd[name].contiguous().numpy().tobytes())
print(json.dumps({"ms": (time.perf_counter() - started) * 1000,
                  "rssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
`,
  );

  const node = process.execPath;
  const outputs = {
    "model-publish convert": join(dir, "ours.safetensors"),
    "model-publish convert --check full": join(dir, "ours-full.safetensors"),
    "python torch.load + write": join(dir, "reference.safetensors"),
    cp: join(dir, "copy.pt"),
    "dd bs=16M": join(dir, "dd.pt"),
  };
  const tools = {
    "model-publish convert": () =>
      run(node, [bundle, checkpoint, outputs["model-publish convert"], "read-back"], {
        selfReport: true,
      }),
    // Not under the bars: the optional second pass that re-reads both files after writing.
    "model-publish convert --check full": () =>
      run(node, [bundle, checkpoint, outputs["model-publish convert --check full"], "full"], {
        selfReport: true,
      }),
    "python torch.load + write": () =>
      run(python, [reference, checkpoint, outputs["python torch.load + write"]], {
        selfReport: true,
      }),
    cp: () => run("cp", [checkpoint, outputs.cp], { selfReport: false }),
    // For information: a plain user-space copy (read + write in 16 MiB blocks), the I/O pattern a
    // converter has, where cp uses copy_file_range inside the kernel.
    "dd bs=16M": () =>
      run("dd", [`if=${checkpoint}`, `of=${outputs["dd bs=16M"]}`, "bs=16M", "status=none"], {
        selfReport: false,
      }),
  };
  const results = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  for (let i = -1; i < runs; i++) {
    for (const [name, measure] of Object.entries(tools)) {
      // Each run starts without its old output and with no dirty pages left by the run before.
      await rm(outputs[name], { force: true });
      spawnSync("sync");
      const result = measure();
      if (i >= 0) results[name].push(result);
    }
  }
  const oursSize = (await stat(outputs["model-publish convert"])).size;
  const referenceSize = (await stat(outputs["python torch.load + write"])).size;
  // Same tensors sorted the same way and the same metadata: the two files must be identical.
  const identical =
    spawnSync("cmp", ["-s", outputs["model-publish convert"], outputs["python torch.load + write"]])
      .status === 0;

  const summary = Object.fromEntries(
    Object.entries(results).map(([name, rs]) => [
      name,
      {
        ms: median(rs.map((r) => r.ms)),
        rssMiB: rs.some((r) => r.rssKiB === undefined)
          ? undefined
          : Math.max(...rs.map((r) => r.rssKiB)) / 1024,
        all: rs.map((r) => Math.round(r.ms)),
      },
    ]),
  );
  const ours = summary["model-publish convert"];
  const ref = summary["python torch.load + write"];
  const cp = summary.cp;
  const fmt = (x, d = 2) => (x === undefined ? "n/a" : x.toFixed(d));
  console.log(
    `\nconvert ${(bytes / 2 ** 30).toFixed(2)} GiB fp32 checkpoint → safetensors (${runs} runs, median wall; peak RSS max)`,
  );
  console.log(
    `output: ours ${oursSize} bytes, reference ${referenceSize} bytes, byte-identical: ${identical ? "yes" : "NO"}\n`,
  );
  console.log("| tool | wall s | runs (ms) | peak RSS MiB | wall vs reference | wall vs cp |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `| ${name} | ${fmt(s.ms / 1000)} | ${s.all.join(", ")} | ${fmt(s.rssMiB, 0)} | ${fmt(s.ms / ref.ms)}× | ${fmt(s.ms / cp.ms)}× |`,
    );
  }
  const bars = [
    ["wall ≤ 0.5× reference", ours.ms / ref.ms, ours.ms / ref.ms <= 0.5],
    ["peak RSS ≤ 0.25× reference", ours.rssMiB / ref.rssMiB, ours.rssMiB / ref.rssMiB <= 0.25],
    ["peak RSS < 256 MiB", ours.rssMiB, ours.rssMiB < 256],
    ["wall ≤ 2× cp", ours.ms / cp.ms, ours.ms / cp.ms <= 2],
    ["output identical to the reference's", identical ? 1 : 0, identical],
  ];
  console.log("\n| bar | measured | verdict |\n|---|---|---|");
  for (const [bar, value, ok] of bars) {
    console.log(`| ${bar} | ${fmt(value)} | ${ok ? "pass" : "FAIL"} |`);
    if (!ok) failed = true;
  }
} finally {
  await cleanup();
}
process.exitCode = failed ? 1 : 0;
