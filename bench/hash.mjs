// Hashing bench: model-publish's release hashing (src/sign/hash-files.ts, run in a child process as
// the CLI would run it) against `sha256sum` over the same 2 GiB release, in the same run.
// Bar: ours is no slower than sha256sum. Run with Node 24: node_modules/.bin/node bench/hash.mjs
// Options: --size-mib N (default 2048), --rounds N (default 3).
import { execFile, spawn } from "node:child_process";
import { Buffer } from "node:buffer";
import { randomFillSync } from "node:crypto";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const totalMiB = arg("--size-mib", 2048);
const rounds = arg("--rounds", 3);

/** A release of a few files of unequal size, like weights plus variants. */
const shares = [0.5, 0.25, 0.1875, 0.0625];

async function writeRelease(dir) {
  const chunk = Buffer.alloc(64 << 20);
  const files = [];
  for (const [i, share] of shares.entries()) {
    const name = `model-${i}.bin`;
    const handle = await open(join(dir, name), "w");
    let left = Math.round(totalMiB * share) << 20;
    while (left > 0) {
      randomFillSync(chunk);
      const n = Math.min(left, chunk.length);
      await handle.write(chunk, 0, n);
      left -= n;
    }
    await handle.close();
    files.push(name);
  }
  return files;
}

/** Times a command; returns seconds and its stdout. */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code === 0) resolve({ seconds, out });
      else reject(new Error(`${command} exited ${code}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = await mkdtemp(join(tmpdir(), "model-publish-bench-hash-"));
try {
  // The library function, bundled from the sources into a script the child runs.
  const bundle = join(dir, "hash-files.mjs");
  await build({
    entryPoints: [join(root, "src/sign/hash-files.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "warning",
  });
  const runner = join(dir, "run.mjs");
  await writeFile(
    runner,
    `import { hashFiles } from ${JSON.stringify(bundle)};\n` +
      `const [dir, ...files] = process.argv.slice(2);\n` +
      `const digests = await hashFiles(dir, files);\n` +
      `for (const d of digests) console.log(d.sha256 + "  " + d.path);\n`,
  );
  const data = join(dir, "release");
  await exec("mkdir", [data]);
  process.stderr.write(`writing a ${totalMiB} MiB release of ${shares.length} files…\n`);
  const files = await writeRelease(data);
  await exec("sh", ["-c", `cat ${files.join(" ")} > /dev/null`], { cwd: data }); // warm the page cache

  const ours = [];
  const theirs = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first so neither always gets the warmer cache.
    const order = round % 2 === 0 ? ["ours", "theirs"] : ["theirs", "ours"];
    for (const who of order) {
      if (who === "ours") {
        const r = await timed(process.execPath, [runner, data, ...files]);
        ours.push(r);
      } else {
        const r = await timed("sha256sum", files, { cwd: data });
        theirs.push(r);
      }
    }
  }
  if (ours.some((r) => r.out !== theirs[0].out) || theirs.some((r) => r.out !== theirs[0].out)) {
    throw new Error("digests differ between model-publish and sha256sum");
  }
  const a = median(ours.map((r) => r.seconds));
  const b = median(theirs.map((r) => r.seconds));
  const gib = (totalMiB / 1024).toFixed(2);
  const ratio = a / b;
  console.log(
    `release: ${gib} GiB in ${files.length} files; ${availableParallelism()} CPUs; node ${process.version}; ${rounds} rounds, medians`,
  );
  console.log(
    `model-publish hashFiles (child process): ${a.toFixed(3)} s  ${(totalMiB / 1024 / a).toFixed(2)} GiB/s  [${ours.map((r) => r.seconds.toFixed(3)).join(", ")}]`,
  );
  console.log(
    `sha256sum (same files):                  ${b.toFixed(3)} s  ${(totalMiB / 1024 / b).toFixed(2)} GiB/s  [${theirs.map((r) => r.seconds.toFixed(3)).join(", ")}]`,
  );
  console.log(
    `ratio ours/sha256sum: ${ratio.toFixed(3)} (bar: ≤ 1.000) → ${ratio <= 1 ? "PASS" : "FAIL"}`,
  );
  process.exitCode = ratio <= 1 ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
