// What the publish and pull benchmarks share: their size arguments, the esbuild bundles of the
// local servers and the library, a generated release (shards of random bytes, each file
// different, with a config and a card), and a stopwatch.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, open, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

/* global performance */

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const MiB = 2 ** 20;
export const TOKEN = "hf_bench_token_000000000000";
// Bundles live under node_modules so that their imports of the client libraries resolve.
export const cache = join(root, "node_modules", ".cache", "model-publish-bench");

/** `--size-gib` and `--files`, with this benchmark's defaults. */
export function releaseSize(defaults) {
  const { values } = parseArgs({
    options: {
      "size-gib": { type: "string", default: String(defaults.sizeGiB) },
      files: { type: "string", default: String(defaults.files) },
    },
  });
  return {
    totalBytes: Math.round(Number(values["size-gib"]) * 2 ** 30),
    fileCount: Math.max(1, Number(values.files)),
  };
}

/** Bundles an entry (or stdin source) into the cache folder, the packages left external. */
export async function bundle(options) {
  await mkdir(cache, { recursive: true });
  return build({
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "error",
    ...options,
  });
}

/** The local servers (test/servers) as one module in the cache folder: `servers.mjs`. */
export function bundleServers() {
  return bundle({
    entryPoints: [join(root, "test", "servers", "index.ts")],
    outfile: join(cache, "servers.mjs"),
  });
}

/** Writes the shards, config.json and README.md of a release of about `totalBytes`; returns the shard names. */
export async function writeReleaseFiles(release, { totalBytes, fileCount }) {
  await mkdir(release, { recursive: true });
  const block = randomBytes(64 * MiB);
  const per = Math.floor(totalBytes / fileCount);
  console.error(
    `generating a ${(totalBytes / 2 ** 30).toFixed(2)} GiB release in ${fileCount} files…`,
  );
  const shards = [];
  for (let f = 0; f < fileCount; f++) {
    const name = `model-${String(f + 1).padStart(5, "0")}-of-${String(fileCount).padStart(5, "0")}.safetensors`;
    shards.push(name);
    const handle = await open(join(release, name), "w");
    for (let written = 0, i = 0; written < per; i++) {
      const n = Math.min(block.length, per - written);
      block.writeUInt32LE(f, 0);
      block.writeUInt32LE(i, 4);
      await handle.write(block, 0, n);
      written += n;
    }
    await handle.close();
  }
  await writeFile(join(release, "config.json"), '{"hidden_size": 4096}\n');
  await writeFile(join(release, "README.md"), "# bench model\n");
  return shards;
}

/** Milliseconds a synchronous piece of work takes. */
export function timed(work) {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * Writes `servers-host.mjs`, which starts one local server (`gcs` or `hub`) in its own process and
 * prints its URL: `node servers-host.mjs <storage> <kind> [hub multipart threshold]`.
 */
export function writeServersHost() {
  return writeFile(
    join(cache, "servers-host.mjs"),
    `import { startHubServer, startGcsServer } from "./servers.mjs";
const [dir, kind, threshold] = process.argv.slice(2);
const server = kind === "gcs"
  ? await startGcsServer({ storageDir: dir, buckets: ["bench"] })
  : await startHubServer({ storageDir: dir, token: ${JSON.stringify(TOKEN)}, ...(threshold ? { lfsMultipartThreshold: Number(threshold) } : {}) });
process.stdout.write(JSON.stringify({ url: server.url }) + "\\n");
setInterval(() => undefined, 1 << 30);
`,
  );
}

/** Starts a server with `servers-host.mjs`; gives the process and, once it listens, its URL. */
export function startServerProcess(storage, kind, threshold) {
  const child = spawn(
    process.execPath,
    [join(cache, "servers-host.mjs"), storage, kind, ...(threshold ? [String(threshold)] : [])],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = new Promise((resolve, reject) => {
    child.stdout.once("data", (data) => resolve(JSON.parse(String(data)).url));
    child.once("exit", () => reject(new Error("the server did not start")));
  });
  return { child, url };
}
