import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CarReader } from "@ipld/car";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { run } from "../../src/cli/main.js";
import { SigningKey } from "../../src/sign/keys.js";
import { folderFiles } from "../helpers/folder-files.js";
import { runnerEnv } from "../helpers/runner.js";
import { runAction } from "../helpers/run-action.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import {
  envFor,
  HF_TOKEN,
  manifestFor,
  PINNING_TOKEN,
  SIGNING_KEY_TEXT,
  SIGNING_SEED,
  startServers,
  type Servers,
} from "../publish/fixture.js";

const events = join(repoRoot, "test", "fixtures", "events");

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = "";
  const code = await run(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    env,
    cwd: repoRoot,
  });
  return { code, out };
}

/**
 * A tag push as the runner runs the action: the built entry with INPUT_*, the real push event,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, publishing to the local Hub, GCS and IPFS services.
 */
describe("the action on a tag push (end to end)", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let servers: Servers;
  let outputs: Record<string, string>;
  let stdout: string;
  let summary: string;

  beforeAll(async () => {
    tmp = await scratch();
    servers = await startServers();
    await cp(join(repoRoot, "examples", "tiny-llama"), join(tmp.dir, "model"), {
      recursive: true,
    });
    const manifest = await manifestFor(servers, (m) => {
      m.version = "from-tag";
      m.signing = { keyId: "acme-release", key: "env:MODEL_SIGNING_KEY" };
    });
    await writeFile(join(tmp.dir, "model", "model-publish.yaml"), stringify(manifest));
    const { MODEL_SIGNING_KEY: _key, ...env } = envFor(servers) as Record<string, string>;
    const runner = await runnerEnv(
      tmp.dir,
      {
        manifest: "model-publish.yaml",
        "working-directory": "model",
        "release-dir": "release",
        "signing-key": SIGNING_KEY_TEXT,
      },
      {
        ...env,
        // As a runner sets it for the emulator: the JSON API root.
        STORAGE_EMULATOR_HOST: `${servers.gcs.url}/storage/v1`,
        GOOGLE_CLOUD_PROJECT: "acme",
        GITHUB_EVENT_NAME: "push",
        GITHUB_EVENT_PATH: join(events, "push-tag.json"),
        GITHUB_REF: "refs/tags/v1.2.0",
        GITHUB_SHA: "9c1f3b2a7d4e5f60718293a4b5c6d7e8f9012345",
        GITHUB_REPOSITORY: "acme/models",
        SOURCE_DATE_EPOCH: "1767225600",
      },
    );
    const run = await runAction(runner.env, tmp.dir);
    stdout = run.stdout;
    expect(stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    outputs = await runner.outputs();
    summary = await runner.summary();
  }, 120_000);
  afterAll(async () => {
    await servers.stop();
    await tmp.remove();
  });

  it("publishes to every destination and sets the outputs", () => {
    expect(outputs).toMatchObject({ mode: "release", version: "1.2.0", "model-id": "tiny-llama" });
    expect(outputs["hf-commit"]).toMatch(/^[0-9a-f]{40}$/);
    expect(outputs["hf-url"]).toMatch(/test-user\/tiny-llama\/tree\/v1\.2\.0$/);
    expect(outputs["gcs-base-url"]).toMatch(/example-models\/models\/tiny-llama\/v1\.2\.0\/$/);
    expect(outputs["ipfs-cid"]).toMatch(/^bafy/);
    expect(outputs["merkle-root"]).toMatch(/^[0-9a-f]{64}$/);
    expect(
      servers.gcs.object("example-models", "models/tiny-llama/v1.2.0/manifest.sig.json"),
    ).toBeDefined();
  });

  it("writes the release as one CAR whose root is the published CID and whose blocks hash right", async () => {
    const path = outputs["car-path"] ?? "";
    expect(path).toMatch(/tiny-llama-v1\.2\.0\.car$/);
    const reader = await CarReader.fromBytes(await readFile(path));
    expect((await reader.getRoots()).map(String)).toEqual([outputs["ipfs-cid"]]);
    const { sha256 } = await import("multiformats/hashes/sha2");
    let blocks = 0;
    for await (const block of reader.blocks()) {
      const digest = await sha256.digest(block.bytes);
      expect(Buffer.from(digest.digest).equals(Buffer.from(block.cid.multihash.digest))).toBe(true);
      blocks += 1;
    }
    expect(blocks).toBeGreaterThan(3);
  });

  it("gives a summary a person reads in ten seconds, and never prints a secret", () => {
    expect(summary).toMatch(/signed by <code>acme-release<\/code>/);
    expect(summary).toMatch(/Where it went/);
    expect(summary).toContain(outputs["hf-url"] ?? "(none)");
    for (const secret of [SIGNING_KEY_TEXT, HF_TOKEN, PINNING_TOKEN]) {
      expect(stdout.split(secret).length).toBeLessThanOrEqual(2); // at most its ::add-mask:: line
      expect(summary).not.toContain(secret);
    }
  });

  it("is a release `model-publish verify` accepts, and a re-run publishes nothing", async () => {
    const key = await SigningKey.fromSeed(SIGNING_SEED);
    const verified = await cli([
      "verify",
      join(tmp.dir, "release"),
      "--public-key",
      key.publicKeyBase64,
    ]);
    expect(verified.code).toBe(0);
    const again = await cli(
      [
        "publish",
        join(tmp.dir, "release"),
        "--manifest",
        join(tmp.dir, "model", "model-publish.yaml"),
        "--verify-only",
      ],
      { ...envFor(servers) },
    );
    expect(again.code).toBe(0);
  });

  it("is pulled back from each destination, verified, byte for byte", async () => {
    const key = (await SigningKey.fromSeed(SIGNING_SEED)).publicKeyBase64;
    const env = {
      HF_ENDPOINT: servers.hub.url,
      HF_TOKEN,
      STORAGE_EMULATOR_HOST: servers.gcs.url,
    };
    const sources = {
      gcs: "gs://example-models/models/tiny-llama/v1.2.0/",
      ipfs: `ipfs://${outputs["ipfs-cid"] ?? ""}`,
      hf: "hf://test-user/tiny-llama@v1.2.0",
    };
    const published = await folderFiles(join(tmp.dir, "release"));
    for (const [name, source] of Object.entries(sources)) {
      const out = join(tmp.dir, `pulled-${name}`);
      const pulled = await cli(
        [
          "pull",
          source,
          "-o",
          out,
          "--public-key",
          key,
          "--gateway",
          servers.kubo.gatewayUrl,
          "--cache-dir",
          join(tmp.dir, `cache-${name}`),
        ],
        env,
      );
      expect(`${name}: ${String(pulled.code)}`).toBe(`${name}: 0`);
      expect(await folderFiles(out)).toEqual(published);
    }
  });
});
