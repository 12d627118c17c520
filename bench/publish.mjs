#!/usr/bin/env node
/**
 * Benchmark: publish a generated release (4 GiB by default) to the local Hugging Face Hub and GCS
 * servers (test/servers, run in their own process), against `curl` uploading the same bytes to
 * the same server in the same run:
 *   - hub (multipart): the Hub server as configured by default (LFS multipart above 64 MiB, 16 MiB
 *     parts, as the real Hub does for large files); curl PUTs every part to the URLs the LFS batch
 *     API hands out and completes each upload, one file after another.
 *   - hub (one PUT per file): the server's multipart threshold above the file size; curl PUTs each
 *     file to its basic LFS upload URL.
 *   - gcs: curl POSTs each file as a media upload (`uploadType=media`).
 * The publish runs in a child process (the library bundled with esbuild) and reports its own peak
 * RSS; its time is end to end: checking the release against its signature, planning, hashing (the
 * Hub client computes each LFS oid itself), uploading, committing or registering, and reading
 * every file back.
 *
 * Bars (issue 5): peak RSS of the publishing process < 300 MiB; throughput ≥ 0.5× curl's.
 * Exit code 1 when a bar is missed.
 *
 * Run: node_modules/.bin/node bench/publish.mjs [--size-gib 4] [--files 4]
 * Needs about 3× the size in free disk under the system temp folder; everything is deleted.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bundle,
  bundleServers,
  cache,
  MiB,
  releaseSize,
  root,
  startServerProcess,
  timed,
  TOKEN,
  writeReleaseFiles,
  writeServersHost,
} from "./lib/release-bench.mjs";

/* global fetch */

const { totalBytes, fileCount } = releaseSize({ sizeGiB: 4, files: 4 });
await bundleServers();
await bundle({
  stdin: {
    contents: [
      'export { publishRelease } from "./src/publish/publish-release.ts";',
      'export { configureDestinations } from "./src/publish/publish-config.ts";',
      'export { signRelease } from "./src/sign/sign-release.ts";',
      'export { SigningKey } from "./src/sign/keys.ts";',
    ].join("\n"),
    resolveDir: root,
    loader: "ts",
  },
  outfile: join(cache, "lib.mjs"),
});
await writeServersHost();
await writeFile(
  join(cache, "publish-child.mjs"),
  `import { configureDestinations, publishRelease } from "./lib.mjs";
const input = JSON.parse(process.env.BENCH_INPUT);
const config = configureDestinations({ manifest: input.manifest, env: input.env });
const started = performance.now();
const result = await publishRelease({ dir: input.dir, destinations: config.destinations, secrets: config.secrets });
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ok: result.ok, failures: result.failures, ms, maxRssKiB: process.resourceUsage().maxRSS }) + "\\n");
`,
);
const { signRelease, SigningKey } = await import(join(cache, "lib.mjs"));

const dir = await mkdtemp(join(tmpdir(), "model-publish-bench-"));
let server;
const stopServer = async (storage) => {
  server?.kill("SIGKILL");
  server = undefined;
  if (storage !== undefined) await rm(storage, { recursive: true, force: true });
};
const cleanup = async () => {
  await stopServer();
  await rm(dir, { recursive: true, force: true });
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

async function startServer(kind, storage, threshold = 64 * MiB) {
  const started = startServerProcess(storage, kind, threshold);
  server = started.child;
  return started.url;
}

/** Runs curl; returns the response headers (the body is dropped). */
function curl(args) {
  const result = spawnSync(
    "curl",
    ["-sS", "-o", "/dev/null", "-D", "-", "-w", "%{http_code}", "-H", "Expect:", ...args],
    {
      encoding: "utf8",
    },
  );
  const status = result.stdout.slice(-3);
  if (!["200", "201"].includes(status))
    throw new Error(`curl ${args.join(" ")}: ${status} ${result.stderr}`);
  return result.stdout;
}

function publish(release, manifest, env) {
  const child = spawnSync(process.execPath, [join(cache, "publish-child.mjs")], {
    encoding: "utf8",
    env: { ...process.env, BENCH_INPUT: JSON.stringify({ dir: release, manifest, env }) },
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`publish failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split("\n").pop());
  if (!report.ok) throw new Error(`publish failed: ${JSON.stringify(report.failures)}`);
  return report;
}

const hubHeaders = {
  Authorization: `Bearer ${TOKEN}`,
  "Content-Type": "application/vnd.git-lfs+json",
};

/** The LFS batch answer for one object on a reference repository. */
async function lfsAction(url, oid, size, transfers) {
  const batch = await fetch(`${url}/test-user/reference.git/info/lfs/objects/batch`, {
    method: "POST",
    headers: hubHeaders,
    body: JSON.stringify({ operation: "upload", transfers, objects: [{ oid, size }] }),
  });
  return (await batch.json()).objects[0].actions.upload;
}

let failed = false;
const rows = [];
try {
  // The release: shards of random bytes (each file different), a config and a card, signed.
  const release = join(dir, "release");
  await writeReleaseFiles(release, { totalBytes, fileCount });
  await writeFile(
    join(release, "manifest.json"),
    JSON.stringify({
      id: "bench-model",
      name: "Bench model",
      version: "1.0.0",
      type: "text-generation",
      artifacts: { "config.json": { filename: "config.json", size: 0, sha256: "0" } },
      license: "mit",
    }),
  );
  const key = await SigningKey.fromSeed(new Uint8Array(32).fill(3));
  await signRelease(release, key, { keyId: "bench", timestamp: "2026-01-01T00:00:00Z" });
  const signature = JSON.parse(await readFile(join(release, "manifest.sig.json"), "utf8"));
  const shards = Object.entries(signature.manifest.artifacts).filter(([p]) =>
    p.endsWith(".safetensors"),
  );
  const bytes = shards.reduce((sum, [, { size }]) => sum + size, 0);
  const base = {
    id: "bench-model",
    name: "Bench model",
    version: "1.0.0",
    type: "text-generation",
    license: "mit",
    sources: {},
  };
  const hubManifest = { ...base, destinations: { huggingface: { repo: "test-user/bench" } } };

  // Parts of each shard on disk, for curl to send the multipart protocol (split before timing).
  const parts = join(dir, "parts");
  await mkdir(parts);
  for (const [path] of shards) {
    spawnSync("split", [
      "-b",
      String(16 * MiB),
      "-d",
      "-a",
      "5",
      join(release, path),
      join(parts, `${path}.`),
    ]);
  }

  // Each side gets a fresh server with the same settings: the Hub skips objects it already has.
  const rowFor = async (name, kind, threshold, reference) => {
    const storage = join(dir, `server-${kind}`);
    let url = await startServer(kind, storage, threshold);
    if (kind === "hub") {
      await fetch(`${url}/api/repos/create`, {
        method: "POST",
        headers: { ...hubHeaders, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "reference", type: "model" }),
      });
    }
    const curlMs = await reference(url);
    await stopServer(storage);
    url = await startServer(kind, storage, threshold);
    const ours =
      kind === "hub"
        ? publish(release, hubManifest, { HF_TOKEN: TOKEN, HF_ENDPOINT: url })
        : publish(
            release,
            { ...base, destinations: { gcs: { bucket: "bench", prefix: "models" } } },
            { STORAGE_EMULATOR_HOST: url },
          );
    await stopServer(storage);
    rows.push({ name, ours, curlMs });
  };

  await rowFor("hub (multipart)", "hub", 64 * MiB, async (url) => {
    const actions = [];
    for (const [, { sha256, size }] of shards)
      actions.push(await lfsAction(url, sha256, size, ["basic", "multipart"]));
    return timed(() => {
      for (const [index, [path, { sha256 }]] of shards.entries()) {
        const { href, header } = actions[index];
        const numbers = Object.keys(header)
          .filter((k) => /^\d+$/.test(k))
          .sort();
        const listed = numbers.map((n, i) => {
          const headers = curl([
            "-T",
            join(parts, `${path}.${String(i).padStart(5, "0")}`),
            "-X",
            "PUT",
            header[n],
          ]);
          return { partNumber: i + 1, etag: /^etag: (.*?)\r?$/im.exec(headers)?.[1] ?? "" };
        });
        const body = JSON.stringify({ oid: sha256, parts: listed });
        curl([
          "-X",
          "POST",
          "-H",
          "Content-Type: application/vnd.git-lfs+json",
          "--data-binary",
          body,
          href,
        ]);
      }
    });
  });
  await rowFor("hub (one PUT per file)", "hub", 2 * totalBytes, async (url) => {
    const hrefs = [];
    for (const [, { sha256, size }] of shards)
      hrefs.push((await lfsAction(url, sha256, size, ["basic"])).href);
    return timed(() => {
      for (const [index, [path]] of shards.entries())
        curl(["-T", join(release, path), "-X", "PUT", hrefs[index]]);
    });
  });
  await rm(parts, { recursive: true, force: true });
  await rowFor("gcs", "gcs", 0, async (url) =>
    timed(() => {
      for (const [path] of shards) {
        const name = encodeURIComponent(`reference/${path}`);
        curl([
          "-T",
          join(release, path),
          "-X",
          "POST",
          "-H",
          "Content-Type: application/octet-stream",
          `${url}/upload/storage/v1/b/bench/o?uploadType=media&name=${name}`,
        ]);
      }
    }),
  );

  const rate = (ms) => bytes / MiB / (ms / 1000);
  console.log(`release: ${(bytes / 2 ** 30).toFixed(2)} GiB in ${shards.length} files`);
  console.log(
    "| destination | publish (end to end) | throughput | curl | curl throughput | ratio (≥ 0.5) | peak RSS (< 300 MiB) | |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const { name, ours, curlMs } of rows) {
    const ratio = rate(ours.ms) / rate(curlMs);
    const rssMiB = ours.maxRssKiB / 1024;
    const ok = ratio >= 0.5 && rssMiB < 300;
    failed ||= !ok;
    console.log(
      `| ${name} | ${(ours.ms / 1000).toFixed(1)} s | ${rate(ours.ms).toFixed(0)} MiB/s | ${(curlMs / 1000).toFixed(1)} s | ${rate(curlMs).toFixed(0)} MiB/s | ${ratio.toFixed(2)}× | ${rssMiB.toFixed(0)} MiB | ${ok ? "✓" : "✗"} |`,
    );
  }
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
