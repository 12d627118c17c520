import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { pullExitCode } from "../../src/cli/commands/pull.js";
import { openSources } from "../../src/pull/open-sources.js";
import { pullRelease, type PullOptions } from "../../src/pull/pull-release.js";
import type { PullEvent, PullResult } from "../../src/pull/pull-types.js";
import { parseSourceUrl, type SourceSpec } from "../../src/pull/source-spec.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { FAST_RETRY, resigned, publishTo } from "../publish/fixture.js";
import {
  BUCKET,
  GCS_FOLDER,
  HF_TOKEN,
  REPO,
  consumerEnv,
  fileDownloads,
  flipByte,
  gcsBytesPath,
  hubLfsPath,
  kuboBlockPath,
  published,
  pullCli,
  tree,
  type Published,
} from "./pull-fixture.js";

const ALL_SECRETS = [HF_TOKEN];

describe("pull falls back from a source it cannot use", () => {
  let release: Published;
  let env: NodeJS.ProcessEnv;
  let n = 0;
  const outputs: string[] = [];
  const undo: (() => Promise<void>)[] = [];
  const fresh = (): string => join(release.tmp.dir, "pulls", `out-${++n}`);
  const urls = {
    gcs: () => `gs://${BUCKET}/${GCS_FOLDER}/`,
    ipfs: () => `ipfs://${release.root}`,
    hf: () => `hf://${REPO}@v0.1.0`,
  };

  beforeAll(async () => {
    release = await published();
    env = consumerEnv(release.servers);
    await mkdir(join(release.tmp.dir, "pulls"));
  });
  afterEach(async () => {
    for (const step of undo.splice(0)) await step();
    for (const server of [release.servers.gcs, release.servers.hub]) server.faults.clear();
    release.servers.kubo.gatewayFaults.clear();
  });
  afterAll(async () => {
    await release.stop();
  });

  async function pull(
    specs: (SourceSpec | string)[],
    extra: Partial<PullOptions> = {},
  ): Promise<PullResult & { events: PullEvent[] }> {
    const events: PullEvent[] = [];
    const parsed = specs.map((s) => (typeof s === "string" ? parseSourceUrl(s) : s));
    const result = await pullRelease({
      sources: openSources(
        parsed.filter((s): s is SourceSpec => s !== undefined),
        { env, gateways: [release.servers.kubo.gatewayUrl] },
      ),
      out: fresh(),
      trust: { publicKey: Buffer.from(release.publicKey, "base64") },
      retry: FAST_RETRY,
      onEvent: (event) => events.push(event),
      ...extra,
    });
    outputs.push(JSON.stringify(result), JSON.stringify(events));
    return { ...result, events };
  }

  async function expectPublished(result: PullResult): Promise<void> {
    expect(result.ok).toBe(true);
    expect(await tree(result.dir)).toEqual(await tree(release.dir));
    const report = await verifyRelease(result.dir, {
      publicKey: Buffer.from(release.publicKey, "base64"),
    });
    expect(report.ok).toBe(true);
  }

  /** What is beside the outputs: only finished folders, never a staging one. */
  async function leftovers(): Promise<string[]> {
    return (await readdir(join(release.tmp.dir, "pulls"))).filter((e) => e.startsWith("."));
  }

  it("passes over a source that is down and takes the next", async () => {
    release.servers.gcs.faults.add({ kind: "http500", count: 1000 });
    const result = await pull([urls.gcs(), urls.hf()]);
    expect(result.attempts.map((a) => [a.source, a.outcome])).toEqual([
      ["gcs", "failed"],
      ["hf", "pulled"],
    ]);
    expect(result.attempts[0]?.message).toMatch(/HTTP 500/);
    expect(result.source?.name).toBe("hf");
    await expectPublished(result);
    expect(result.events.filter((e) => e.type === "retry").length).toBeGreaterThan(0);
  });

  it("reaches IPFS by the manifest's order even when GCS, which would have told its CID, is down", async () => {
    release.servers.gcs.faults.add({ kind: "http500", count: 1000 });
    const manifestSpecs: SourceSpec[] = [
      { kind: "gcs", bucket: BUCKET, folder: GCS_FOLDER },
      { kind: "ipfs", gateways: [] },
      { kind: "hf", repo: REPO, revision: "v0.1.0" },
    ];
    const result = await pull(manifestSpecs);
    expect(result.attempts.map((a) => [a.source, a.outcome])).toEqual([
      ["gcs", "failed"],
      ["ipfs", "pulled"],
    ]);
    expect(result.source?.target).toContain(`via ${release.servers.kubo.gatewayUrl}`);
    await expectPublished(result);
  });

  it.each<["gcs" | "hf" | "ipfs", string]>([
    ["gcs", "tiny-llama.safetensors"],
    ["hf", "tiny-llama-1.3m-q8_0.gguf"],
    ["ipfs", "config.json"],
  ])(
    "refuses %s when one stored byte of %s changed, names the file, and uses the next",
    async (name, file) => {
      const original = join(release.dir, file);
      const stored =
        name === "gcs"
          ? gcsBytesPath(release.servers, file)
          : name === "hf"
            ? await hubLfsPath(release.servers, original)
            : await kuboBlockPath(release.servers, original);
      undo.push(await flipByte(stored));
      const next = name === "hf" ? urls.gcs() : urls.hf();
      const result = await pull([urls[name](), next], {
        cacheDir: join(release.tmp.dir, `cache-${name}`),
      });
      const [refused, used] = result.attempts;
      expect(refused).toMatchObject({ source: name, outcome: "refused", path: file });
      expect(refused?.message).toMatch(
        new RegExp(
          `^${file.replace(/\./g, "\\.")} has sha256 [0-9a-f]{64} there, signed as [0-9a-f]{64}$`,
        ),
      );
      expect(used?.outcome).toBe("pulled");
      // Files verified before the bad one came from the cache, not from the next source again.
      expect((used?.cached ?? 0) + (used?.downloaded ?? 0)).toBe(7);
      expect(used?.cached).toBe(refused?.downloaded);
      await expectPublished(result);
      expect(await leftovers()).toEqual([]);
    },
  );

  it("resumes a download cut off midway where it stopped, without starting over", async () => {
    const path = `/${REPO}/resolve/v0.1.0/tiny-llama.safetensors`;
    release.servers.hub.faults.add({
      kind: "reset",
      path,
      phase: "response",
      afterBytes: 1 << 20,
      nth: 1,
    });
    const before = release.servers.hub.log.length;
    const result = await pull([urls.hf()]);
    await expectPublished(result);
    const gets = release.servers.hub.log.slice(before).filter((e) => e.path === path);
    expect(gets).toHaveLength(2);
    expect(gets[0]?.fault).toBe("reset");
    // The second request asked for the rest only (206 Partial Content).
    expect(gets[1]?.status).toBe(206);
    expect(result.events).toContainEqual(
      expect.objectContaining({
        type: "retry",
        source: "hf",
        what: "downloading tiny-llama.safetensors",
      }),
    );
  });

  it("reports a destination without the signed manifest as incomplete and tries the next", async () => {
    const next = await resigned(release.tmp.dir, { version: "0.1.1" });
    release.servers.gcs.faults.add({
      kind: "http500",
      where: (r) => (r.query.get("name") ?? "").endsWith("v0.1.1/manifest.sig.json"),
      count: 1000,
    });
    const publishedAgain = await publishTo(release.servers, next, {
      manifest: release.manifest,
      only: ["hf", "gcs"],
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    });
    expect(publishedAgain.failures.map((f) => f.destination)).toEqual(["gcs"]);
    release.servers.gcs.faults.clear();
    const result = await pull([`gs://${BUCKET}/models/tiny-llama/v0.1.1/`, `hf://${REPO}@v0.1.1`], {
      expect: { version: "0.1.1" },
    });
    expect(result.attempts[0]).toMatchObject({
      source: "gcs",
      outcome: "incomplete",
      path: "manifest.sig.json",
    });
    expect(result.attempts[0]?.message).toMatch(
      /has no manifest\.sig\.json: the release is incomplete there/,
    );
    expect(result.attempts[1]?.outcome).toBe("pulled");
    expect(result.version).toBe("0.1.1");
  });

  it("refuses a release signed by another key than the trusted one, everywhere, and writes nothing", async () => {
    const other = Buffer.alloc(32, 1);
    const { SigningKey } = await import("../../src/sign/keys.js");
    const key = await SigningKey.fromSeed(other);
    const out = fresh();
    const logs = [
      release.servers.gcs.log,
      release.servers.kubo.gatewayLog,
      release.servers.hub.log,
    ];
    const before = logs.map((log) => log.length);
    const result = await pull([urls.gcs(), urls.ipfs(), urls.hf()], {
      trust: { publicKey: key.publicKey },
      out,
    });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => a.outcome)).toEqual(["refused", "refused", "refused"]);
    for (const attempt of result.attempts) {
      expect(attempt.path).toBe("manifest.sig.json");
      expect(attempt.message).toMatch(
        /carries public key .*, not the trusted key \(fingerprint [0-9a-f]{16}\)/,
      );
      expect(attempt.downloaded).toBe(0);
    }
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await leftovers()).toEqual([]);
    // No artifact was fetched from anywhere: the signature is checked first.
    logs.forEach((log, i) => {
      expect(fileDownloads(log.slice(before[i]))).toEqual([]);
    });
  });

  it("refuses a source that holds another version than the one asked for", async () => {
    const result = await pull([urls.gcs()], { expect: { id: "tiny-llama", version: "0.2.0" } });
    expect(result.attempts[0]).toMatchObject({ outcome: "refused" });
    expect(result.attempts[0]?.message).toBe(
      "it holds tiny-llama 0.1.0, not tiny-llama 0.2.0 as asked",
    );
  });

  it("never writes into a folder that is not empty, and fills an empty one", async () => {
    const full = fresh();
    await mkdir(full);
    await writeFile(join(full, "notes.txt"), "mine\n");
    const refused = pull([urls.gcs()], { out: full });
    await expect(refused).rejects.toMatchObject({ code: "USAGE" });
    await expect(refused).rejects.toThrow(
      /exists and is not empty; pull never writes over a folder/,
    );
    expect(await readdir(full)).toEqual(["notes.txt"]);
    expect(await readFile(join(full, "notes.txt"), "utf8")).toBe("mine\n");
    const empty = fresh();
    await mkdir(empty);
    await expectPublished(await pull([urls.gcs()], { out: empty }));
  });

  it("through the CLI: exit 1 with every refusal listed when no source serves the release", async () => {
    undo.push(await flipByte(gcsBytesPath(release.servers, "README.md")));
    const out = fresh();
    const run = await pullCli(
      [urls.gcs(), "-o", out, "--public-key", release.publicKey, "--no-cache"],
      env,
      release.tmp.dir,
    );
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✗ gcs gs:\/\/.*: refused: README\.md has sha256 [0-9a-f]+ there, signed as/,
    );
    expect(run.stdout).toMatch(/✗ no source served the signed release; nothing was written to /);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await leftovers()).toEqual([]);
  });

  it("exits 3 when every source keeps failing, 1 when one was refused", async () => {
    release.servers.gcs.faults.add({ kind: "http500", count: 1000 });
    release.servers.hub.faults.add({ kind: "http500", count: 1000 });
    const failed = await pull([urls.gcs(), urls.hf()]);
    expect(failed.attempts.map((a) => a.outcome)).toEqual(["failed", "failed"]);
    expect(pullExitCode(failed)).toBe(3);
    release.servers.hub.faults.clear();
    const refused = await pull([urls.gcs(), urls.hf()], { expect: { version: "9.9.9" } });
    expect(refused.attempts.map((a) => a.outcome)).toEqual(["failed", "refused"]);
    expect(pullExitCode(refused)).toBe(1);
  });

  it("never shows a token", () => {
    const text = outputs.join("\n");
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  });
});
