import { cp, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { pullRelease } from "../../src/pull/pull-release.js";
import { openSources } from "../../src/pull/open-sources.js";
import { parseSourceUrl } from "../../src/pull/source-spec.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { FAST_RETRY, publishTo } from "../publish/fixture.js";
import {
  GCS_FOLDER,
  HF_TOKEN,
  REPO,
  BUCKET,
  consumerEnv,
  fileDownloads,
  published,
  pullCli,
  tree,
  type Published,
} from "./pull-fixture.js";

describe("pulling a published release", () => {
  let release: Published;
  let env: NodeJS.ProcessEnv;
  const outputs: string[] = [];
  let n = 0;
  const fresh = (): string => join(release.tmp.dir, `out-${++n}`);

  beforeAll(async () => {
    release = await published();
    env = consumerEnv(release.servers);
  });
  afterAll(async () => {
    await release.stop();
  });

  async function expectSameRelease(out: string, reference = release.dir): Promise<void> {
    expect(await tree(out)).toEqual(await tree(reference));
    const report = await verifyRelease(out, {
      publicKey: Buffer.from(release.publicKey, "base64"),
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  }

  it.each([
    ["gcs", () => `gs://${BUCKET}/${GCS_FOLDER}/`],
    ["ipfs", () => `ipfs://${release.root}`],
    ["hf", () => `hf://${REPO}@v0.1.0`],
  ])(
    "from %s gives a folder that verify accepts, byte for byte the published one",
    async (name, url) => {
      const out = fresh();
      const cache = join(release.tmp.dir, `cache-${name}`);
      const run = await pullCli(
        [
          url(),
          "-o",
          out,
          "--public-key",
          release.publicKey,
          "--gateway",
          release.servers.kubo.gatewayUrl,
          "--cache-dir",
          cache,
        ],
        env,
        release.tmp.dir,
      );
      outputs.push(run.stdout, run.stderr);
      expect(run.stderr).not.toMatch(/✗/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`✓ tiny-llama 0\\.1\\.0 pulled into .* from ${name} `));
      expect(run.stdout).toMatch(/: 7 files, /);
      await expectSameRelease(out);
      // Nothing but the output is left beside it.
      expect((await readdir(release.tmp.dir)).filter((e) => e.startsWith(".out-"))).toEqual([]);
    },
  );

  it("takes the sources from the authored manifest, GCS first, and trusts its signing.publicKey", async () => {
    const manifestPath = join(release.tmp.dir, "model-publish.yaml");
    await writeFile(manifestPath, stringify(release.manifest));
    const out = fresh();
    const run = await pullCli(
      ["model-publish.yaml", "-o", out, "--no-cache", "--json"],
      env,
      release.tmp.dir,
    );
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      source: { name: string; target: string };
      attempts: { outcome: string; downloaded: number; cached: number }[];
      id: string;
      version: string;
      keyId: string;
    };
    expect(result).toMatchObject({
      ok: true,
      id: "tiny-llama",
      version: "0.1.0",
      keyId: "example-release-key",
      source: { name: "gcs", target: `gs://${BUCKET}/${GCS_FOLDER}/` },
    });
    expect(result.attempts).toEqual([
      expect.objectContaining({ outcome: "pulled", downloaded: 7, cached: 0 }),
    ]);
    await expectSameRelease(out);
  });

  it("finds the IPFS CID in manifest.json when the manifest names IPFS", async () => {
    const manifestPath = join(release.tmp.dir, "ipfs-first.yaml");
    await writeFile(manifestPath, stringify(release.manifest));
    const out = fresh();
    const before = release.servers.kubo.gatewayLog.length;
    const run = await pullCli(
      ["ipfs-first.yaml", "-o", out, "--from", "ipfs,hf", "--no-cache", "--json"],
      env,
      release.tmp.dir,
    );
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { source: { name: string; target: string } };
    expect(result.source.name).toBe("ipfs");
    expect(fileDownloads(release.servers.kubo.gatewayLog.slice(before))).toHaveLength(7);
    await expectSameRelease(out);
  });

  it("downloads nothing already verified on the next pull: every file comes from the cache", async () => {
    const cacheDir = join(release.tmp.dir, "shared-cache");
    const sources = () =>
      openSources(
        [parseSourceUrl(`hf://${REPO}@v0.1.0`) ?? { kind: "gcs", bucket: "", folder: "" }],
        {
          env,
        },
      );
    const trust = { publicKey: Buffer.from(release.publicKey, "base64") };
    const first = await pullRelease({
      sources: sources(),
      out: fresh(),
      trust,
      cacheDir,
      retry: FAST_RETRY,
    });
    expect(first.ok).toBe(true);
    expect(first.attempts[0]).toMatchObject({ downloaded: 7, cached: 0 });
    const before = release.servers.hub.log.length;
    const out = fresh();
    const second = await pullRelease({
      sources: sources(),
      out,
      trust,
      cacheDir,
      retry: FAST_RETRY,
    });
    expect(second.ok).toBe(true);
    expect(second.attempts[0]).toMatchObject({ downloaded: 0, cached: 7, bytesDownloaded: 0 });
    const requests = release.servers.hub.log.slice(before);
    expect(fileDownloads(requests)).toEqual([]);
    // Only the two manifests were read.
    expect(requests.filter((e) => e.method === "GET").map((e) => e.path.split("/").at(-1))).toEqual(
      ["manifest.sig.json", "manifest.json"],
    );
    await expectSameRelease(out);
  });

  it("takes a from-tag manifest with --version, a keyring, or the embedded key when told to", async () => {
    await writeFile(
      join(release.tmp.dir, "from-tag.yaml"),
      stringify({ ...release.manifest, version: "from-tag" }),
    );
    const keyring = join(release.tmp.dir, "keyring.json");
    await writeFile(keyring, JSON.stringify({ "example-release-key": release.publicKey }));
    const runs = [
      ["from-tag.yaml", "--version", "v0.1.0", "--from", "hf"],
      [`hf://${REPO}`, "--version", "0.1.0", "--keyring", keyring],
      [`gs://${BUCKET}/${GCS_FOLDER}`, "--trust-embedded-key"],
    ];
    for (const argv of runs) {
      const out = fresh();
      const run = await pullCli([...argv, "-o", out, "--no-cache"], env, release.tmp.dir);
      outputs.push(run.stdout, run.stderr);
      expect(run.code).toBe(0);
      await expectSameRelease(out);
    }
    expect(outputs.at(-1)).toMatch(/^warning: trusting the key in the signed manifest of gs:\/\//m);
  });

  it("finds the files of a variant published on its own Hub branch under that branch's tag", async () => {
    const repo = "test-user/tiny-llama-branches";
    const manifest = structuredClone(release.manifest);
    manifest.destinations = { huggingface: { repo } };
    for (const variant of manifest.variants ?? []) {
      if (variant.scheme === "q4_k_m") variant.branch = "experimental/q4";
    }
    // Published from a copy: publish writes manifest.json (here without an IPFS CID) into it.
    const copy = join(release.tmp.dir, "branches-release");
    await cp(release.dir, copy, { recursive: true });
    const publishedThere = await publishTo(release.servers, copy, { manifest, only: ["hf"] });
    expect(publishedThere.ok).toBe(true);
    const gguf = "tiny-llama-1.3m-q4_k_m.gguf";
    const atTag = await fetch(`${release.servers.hub.url}/${repo}/resolve/v0.1.0/${gguf}`);
    await atTag.body?.cancel();
    expect(atTag.status).toBe(404);
    const out = fresh();
    const run = await pullCli(
      [`hf://${repo}@v0.1.0`, "-o", out, "--public-key", release.publicKey, "--no-cache"],
      env,
      release.tmp.dir,
    );
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    await expectSameRelease(out, copy);
  });

  it("passes over a Hub that refuses the token, without showing it", async () => {
    const wrong = "hf_wrong_token_Qm29xLpA7";
    const run = await pullCli(
      [
        `hf://${REPO}@v0.1.0`,
        `gs://${BUCKET}/${GCS_FOLDER}/`,
        "-o",
        fresh(),
        "--json",
        "--no-cache",
        "--public-key",
        release.publicKey,
      ],
      { ...env, HF_TOKEN: wrong },
      release.tmp.dir,
    );
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { attempts: { outcome: string; message?: string }[] };
    expect(result.attempts[0]).toMatchObject({ outcome: "failed" });
    expect(result.attempts[0]?.message).toMatch(/HTTP 401/);
    expect(run.stdout + run.stderr).not.toContain(wrong);
  });

  it("never shows a token", () => {
    const text = outputs.join("\n");
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(HF_TOKEN);
  });
});
