#!/usr/bin/env node
/**
 * Benchmark: pull a generated release (2 GiB by default) back from the local GCS and Hugging Face
 * Hub servers (test/servers, each in its own process), against `curl` downloading the same files
 * from the same server in the same run:
 *   - curl: every file, one after another, to disk (no check at all);
 *   - curl + sha256sum: the same, then the SHA-256 of each file, what a careful script would do.
 * The pull runs in a child process (the library bundled with esbuild) and reports its own wall
 * time and peak RSS; it is end to end: the signed manifest fetched and verified, every file
 * streamed to disk and hashed on the way, the output folder renamed into place. No cache. One
 * more row is for information: a second pull of the same release with a warm cache (no download,
 * every file hard-linked and hashed again).
 *
 * Bars (pull issue: "stream, don't slurp"): peak RSS of the pulling process < 300 MiB whatever
 * the size; throughput ≥ 0.5× curl's. Exit code 1 when a bar is missed.
 *
 * Run: node_modules/.bin/node bench/pull.mjs [--size-gib 2] [--files 2]
 * Needs about 5× the size in free disk under the system temp folder; everything is deleted.
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

const { totalBytes, fileCount } = releaseSize({ sizeGiB: 2, files: 2 });
await bundleServers();
await bundle({
  stdin: {
    contents: [
      'export { publishRelease } from "./src/publish/publish-release.ts";',
      'export { configureDestinations } from "./src/publish/publish-config.ts";',
      'export { signRelease } from "./src/sign/sign-release.ts";',
      'export { SigningKey } from "./src/sign/keys.ts";',
      'export { pullRelease } from "./src/pull/pull-release.ts";',
      'export { openSources } from "./src/pull/open-sources.ts";',
      'export { parseSourceUrl } from "./src/pull/source-spec.ts";',
    ].join("\n"),
    resolveDir: root,
    loader: "ts",
  },
  outfile: join(cache, "pull-lib.mjs"),
});
await writeServersHost();
await writeFile(
  join(cache, "pull-child.mjs"),
  `import { configureDestinations, publishRelease, pullRelease, openSources, parseSourceUrl } from "./pull-lib.mjs";
const input = JSON.parse(process.env.BENCH_INPUT);
if (input.publish) {
  const config = configureDestinations({ manifest: input.manifest, env: input.env });
  const result = await publishRelease({ dir: input.dir, destinations: config.destinations, secrets: config.secrets });
  process.stdout.write(JSON.stringify({ ok: result.ok, failures: result.failures }) + "\\n");
} else {
  const started = performance.now();
  const result = await pullRelease({
    sources: openSources([parseSourceUrl(input.url)], { env: input.env }),
    out: input.out,
    trust: { publicKey: Buffer.from(input.publicKey, "base64") },
    ...(input.cacheDir ? { cacheDir: input.cacheDir } : {}),
  });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ok: result.ok, attempts: result.attempts, ms, maxRssKiB: process.resourceUsage().maxRSS }) + "\\n");
}
`,
);
const { signRelease, SigningKey } = await import(join(cache, "pull-lib.mjs"));

const dir = await mkdtemp(join(tmpdir(), "model-publish-pull-bench-"));
const servers = [];
const cleanup = async () => {
  for (const server of servers.splice(0)) server.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

async function startServer(kind) {
  const started = startServerProcess(join(dir, `server-${kind}`), kind);
  servers.push(started.child);
  return started.url;
}

function child(input) {
  const result = spawnSync(process.execPath, [join(cache, "pull-child.mjs")], {
    encoding: "utf8",
    env: { ...process.env, BENCH_INPUT: JSON.stringify(input) },
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

let failed = false;
try {
  const release = join(dir, "release");
  await writeReleaseFiles(release, { totalBytes, fileCount });
  const manifestJson = {
    id: "bench-model",
    name: "Bench model",
    version: "1.0.0",
    type: "text-generation",
    artifacts: { "config.json": { filename: "config.json", size: 0, sha256: "0" } },
    license: "mit",
  };
  await writeFile(join(release, "manifest.json"), JSON.stringify(manifestJson));
  const key = await SigningKey.fromSeed(new Uint8Array(32).fill(3));
  await signRelease(release, key, { keyId: "bench", timestamp: "2026-01-01T00:00:00Z" });
  const signature = JSON.parse(await readFile(join(release, "manifest.sig.json"), "utf8"));
  const bytes = Object.values(signature.manifest.artifacts).reduce((sum, a) => sum + a.size, 0);

  const gcs = await startServer("gcs");
  const hub = await startServer("hub");
  const env = { STORAGE_EMULATOR_HOST: gcs, HF_ENDPOINT: hub, HF_TOKEN: TOKEN };
  console.error("publishing it to both servers…");
  const published = child({
    publish: true,
    dir: release,
    env,
    manifest: {
      ...manifestJson,
      sources: {},
      destinations: {
        gcs: { bucket: "bench", prefix: "models" },
        huggingface: { repo: "test-user/bench" },
      },
    },
  });
  if (!published.ok) throw new Error(`publish failed: ${JSON.stringify(published.failures)}`);

  const files = Object.keys(signature.manifest.artifacts);
  const sources = [
    {
      name: "gcs",
      url: "gs://bench/models/bench-model/v1.0.0/",
      fileUrl: (path) =>
        `${gcs}/download/storage/v1/b/bench/o/${encodeURIComponent(`models/bench-model/v1.0.0/${path}`)}?alt=media`,
      headers: [],
    },
    {
      name: "hf",
      url: "hf://test-user/bench@v1.0.0",
      fileUrl: (path) => `${hub}/test-user/bench/resolve/v1.0.0/${path}`,
      headers: ["-H", `Authorization: Bearer ${TOKEN}`],
    },
  ];
  const rows = [];
  for (const source of sources) {
    const target = join(dir, `curl-${source.name}`);
    await mkdir(target);
    const curlMs = timed(() => {
      for (const path of files)
        run("curl", [
          "-sSfL",
          ...source.headers,
          "-o",
          join(target, path.replace(/\//g, "_")),
          source.fileUrl(path),
        ]);
    });
    const hashMs = timed(() => {
      for (const path of files) run("sha256sum", [join(target, path.replace(/\//g, "_"))]);
    });
    await rm(target, { recursive: true, force: true });
    const input = { url: source.url, env, publicKey: key.publicKeyBase64 };
    const ours = child({ ...input, out: join(dir, `pulled-${source.name}`) });
    if (!ours.ok) throw new Error(`pull failed: ${JSON.stringify(ours.attempts)}`);
    await rm(join(dir, `pulled-${source.name}`), { recursive: true, force: true });
    const cacheDir = join(dir, `cache-${source.name}`);
    child({ ...input, out: join(dir, `warm-${source.name}-1`), cacheDir });
    const warm = child({ ...input, out: join(dir, `warm-${source.name}-2`), cacheDir });
    await rm(cacheDir, { recursive: true, force: true });
    for (const n of [1, 2])
      await rm(join(dir, `warm-${source.name}-${n}`), { recursive: true, force: true });
    rows.push({ source: source.name, curlMs, hashMs, ours, warm });
  }

  const rate = (ms) => bytes / MiB / (ms / 1000);
  console.log(`release: ${(bytes / 2 ** 30).toFixed(2)} GiB in ${files.length} files`);
  console.log(
    "| source | curl MiB/s | curl + sha256sum MiB/s | pull MiB/s | pull / curl | pull peak RSS MiB | warm-cache pull s |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const { source, curlMs, hashMs, ours, warm } of rows) {
    const ratio = curlMs / ours.ms;
    const rss = ours.maxRssKiB / 1024;
    console.log(
      `| ${source} | ${rate(curlMs).toFixed(0)} | ${rate(curlMs + hashMs).toFixed(0)} | ${rate(ours.ms).toFixed(0)} | ${ratio.toFixed(2)} | ${rss.toFixed(0)} | ${(warm.ms / 1000).toFixed(2)} |`,
    );
    if (rss >= 300) {
      console.log(`✗ ${source}: peak RSS ${rss.toFixed(0)} MiB ≥ 300 MiB`);
      failed = true;
    }
    if (ratio < 0.5) {
      console.log(`✗ ${source}: throughput ${ratio.toFixed(2)}× curl's, below 0.5×`);
      failed = true;
    }
  }
  if (!failed) console.log("✓ every bar met");
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
