// `npm run demo`: model-publish on the bundled example (examples/tiny-llama) through the CLI a
// user runs — validate, plan, build, keygen, sign, verify — then a publish to local stand-ins
// for the Hugging Face Hub, GCS and IPFS (test/servers), read back from each, pulled back from
// GCS and IPFS, and a tampered file caught. Nothing leaves this machine; everything it makes is removed at the end.
import { spawn } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./generate.mjs";

const cli = join(root, "bin", "model-publish");
const work = mkdtempSync(join(tmpdir(), "model-publish-demo-"));
const release = join(work, "release");
const key = join(work, "release.key");
const HF_TOKEN = "hf_demo_token_not_a_secret_0000";

// The local servers are test infrastructure written in TypeScript; bundle them to run here.
await build({
  entryPoints: [join(root, "test/servers/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  // Inside the project, so the bundle finds the packages it leaves external.
  outfile: join(root, "node_modules/.cache/model-publish-demo/servers.mjs"),
  logLevel: "warning",
});
const servers = await import(join(root, "node_modules/.cache/model-publish-demo/servers.mjs"));
const hub = await servers.startHubServer({ token: HF_TOKEN });
const gcs = await servers.startGcsServer({ buckets: ["example-models"] });
const kubo = await servers.startKuboServer();

// The example manifest, pointed at the local servers (the real ones are public URLs).
const example = readFileSync(join(root, "examples/tiny-llama/model-publish.yaml"), "utf8");
const manifest = join(work, "model-publish.yaml");
writeFileSync(
  manifest,
  example
    .replace("repo: example-org/tiny-llama", `repo: ${hub.user ?? "demo"}/tiny-llama`)
    .replace("url: http://127.0.0.1:5001", `url: ${kubo.url}`)
    .replace("    providers:", `    gateways: [${kubo.gatewayUrl}]\n    providers:`),
);
for (const file of ["model.pt", "config.json"]) {
  copyFileSync(join(root, "examples/tiny-llama", file), join(work, file));
}

const env = {
  ...process.env,
  // Builds are reproducible: the timestamp comes from here (or the tag's commit), never the clock.
  SOURCE_DATE_EPOCH: "1767225600",
  HF_TOKEN,
  HF_ENDPOINT: hub.url,
  STORAGE_EMULATOR_HOST: `${gcs.url}/storage/v1`,
  GOOGLE_CLOUD_PROJECT: "demo",
};

// Asynchronous: the local servers answer from this process, so it must not block while the CLI runs.
async function step(title, args, expectedStatus = 0, capture = false) {
  console.log(`\n$ model-publish ${args.join(" ")}    # ${title}`);
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: work,
    env,
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
  let stdout = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  const status = await new Promise((resolve) => child.on("close", resolve));
  if (status !== expectedStatus) {
    throw new Error(`"${args[0]}" exited ${status}, expected ${expectedStatus}`);
  }
  return stdout;
}

console.log(`model-publish demo on examples/tiny-llama (Node ${process.version})`);
console.log(
  `local Hub ${hub.url} · GCS ${gcs.url} · Kubo ${kubo.url} (gateway ${kubo.gatewayUrl})`,
);
let failed = false;
try {
  await step("check the manifest and its source files", ["validate", "model-publish.yaml"]);
  await step("what a tag push of v0.1.0 runs", ["plan", "model-publish.yaml", "--tag", "v0.1.0"]);
  await step("build: convert, quantize, evaluate, card", [
    "build",
    "model-publish.yaml",
    "-o",
    "release",
    "--tag",
    "v0.1.0",
  ]);
  const keygen = await step(
    "make a signing key (in CI: a repository secret)",
    ["keygen", "-o", key, "--json"],
    0,
    true,
  );
  const { publicKey } = JSON.parse(keygen);
  console.log(`public key ${publicKey} (the private key stays in ${key}, never printed)`);
  await step("sign the release", [
    "sign",
    "release",
    "--key",
    key,
    "--key-id",
    "example-release-key",
  ]);
  await step("verify it as a consumer would", ["verify", "release", "--public-key", publicKey]);
  await step("publish to the Hub, GCS and IPFS, signed manifests last, then read each back", [
    "publish",
    "release",
    "--manifest",
    "model-publish.yaml",
  ]);
  const again = await step(
    "publishing the same version again changes nothing",
    ["publish", "release", "--manifest", "model-publish.yaml", "--json"],
    0,
    true,
  );
  const receipts = JSON.parse(again).receipts;
  const cid = receipts.find((r) => r.destination === "ipfs")?.details.root;
  for (const r of receipts)
    console.log(`${r.destination}: ${r.uploaded.length} uploaded → ${r.url}`);
  await step("pull it back from GCS: signature and every file checked before the folder appears", [
    "pull",
    "model-publish.yaml",
    "--version",
    "0.1.0",
    "-o",
    "pulled-gcs",
    "--public-key",
    publicKey,
    "--cache-dir",
    "cache",
  ]);
  await step("and from IPFS through the gateway, served from the verified cache", [
    "pull",
    `ipfs://${cid}`,
    "--gateway",
    kubo.gatewayUrl,
    "-o",
    "pulled-ipfs",
    "--public-key",
    publicKey,
    "--cache-dir",
    "cache",
  ]);
  appendFileSync(join(release, "config.json"), " ");
  await step(
    "a changed config.json is caught (exit 1)",
    ["verify", "release", "--public-key", publicKey],
    1,
  );
  console.log(
    [
      "",
      "Done: built, signed, published to three destinations, read back and pulled.",
      `  Hub   ${hub.url}/${hub.user ?? "demo"}/tiny-llama/tree/v0.1.0`,
      `  GCS   gs://example-models/models/tiny-llama/v0.1.0/`,
      `  IPFS  ipfs://${cid} (gateway ${kubo.gatewayUrl})`,
      "Verify a copy anywhere with:",
      `  model-publish pull gs://example-models/models/tiny-llama/v0.1.0/ -o tiny-llama --public-key ${publicKey}`,
      `  model-publish verify tiny-llama --public-key ${publicKey}`,
    ].join("\n"),
  );
} catch (error) {
  failed = true;
  console.error(`\ndemo: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await Promise.all([hub.stop(), gcs.stop(), kubo.stop()]);
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
