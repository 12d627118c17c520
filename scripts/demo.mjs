// `npm run demo`: model-publish on the bundled example (examples/tiny-llama), through the CLI a
// user runs: validate, plan, build, keygen, sign, verify, and a tampered file caught. It grows
// with the pipeline.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./generate.mjs";

const cli = join(root, "bin", "model-publish");
const manifest = "examples/tiny-llama/model-publish.yaml";
const work = mkdtempSync(join(tmpdir(), "model-publish-demo-"));
const release = join(work, "release");
const key = join(work, "release.key");
// Builds are reproducible: the timestamp comes from here (or the tag's commit), never the clock.
const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };

function step(title, args, expectedStatus = 0, capture = false) {
  console.log(`\n$ model-publish ${args.join(" ")}    # ${title}`);
  const stdio = capture ? ["ignore", "pipe", "inherit"] : "inherit";
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio,
    env,
    encoding: "utf8",
  });
  if (result.status !== expectedStatus) {
    console.error(`\ndemo: "${args[0]}" exited ${result.status}, expected ${expectedStatus}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  return result.stdout;
}

console.log(`model-publish demo on ${manifest} (Node ${process.version})`);
try {
  step("check the manifest and its source files", ["validate", manifest]);
  step("what a tag push of v0.1.0 would run", ["plan", manifest, "--tag", "v0.1.0"]);
  step("build the release folder", ["build", manifest, "-o", release, "--tag", "v0.1.0"]);
  const keygen = step(
    "make a signing key (in CI: a repository secret)",
    ["keygen", "-o", key, "--json"],
    0,
    true,
  );
  const { publicKey } = JSON.parse(keygen);
  console.log(`public key ${publicKey} (the private key stays in ${key}, never printed)`);
  step("sign the release", ["sign", release, "--key", key, "--key-id", "example-release-key"]);
  step("verify it as a consumer would", ["verify", release, "--public-key", publicKey]);
  appendFileSync(join(release, "config.json"), " ");
  step(
    "a changed config.json is caught (exit 1)",
    ["verify", release, "--public-key", publicKey],
    1,
  );
  console.log(`\nDone. The release was in ${release}; the demo removes it now.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
