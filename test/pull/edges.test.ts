import { existsSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pullRelease, type PullOptions } from "../../src/pull/pull-release.js";
import type { PullSource } from "../../src/pull/pull-source.js";
import type { PullEvent, PullResult } from "../../src/pull/pull-types.js";
import { BlobCache } from "../../src/pull/blob-cache.js";
import { GcsSource } from "../../src/pull/gcs-source.js";
import { OutputFolder } from "../../src/pull/output-folder.js";
import { seededRandom } from "../../src/publish/retry.js";
import { SigningKey } from "../../src/sign/keys.js";
import { signRelease } from "../../src/sign/sign-release.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { scratch } from "../helpers/temp.js";
import { startGcsServer } from "../servers/index.js";
import { FIXED_TIMESTAMP, fixedKey, writeRelease } from "../sign/fixture.js";
import { FolderSource, type FolderFaults } from "./folder-source.js";
import { flipByte, tree } from "./pull-fixture.js";

const RETRY = { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3, random: seededRandom(3) };

describe("pull, against sources that misbehave", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  /** A small release signed with the fixed key, and the same files signed with another key. */
  let release: string;
  let otherKeyRelease: string;
  let key: SigningKey;
  let n = 0;
  const fresh = (): string => join(tmp.dir, "out", `pull-${++n}`);

  beforeAll(async () => {
    tmp = await scratch();
    key = await fixedKey();
    release = join(tmp.dir, "release");
    await writeRelease(release);
    await signRelease(release, key, { keyId: "k", timestamp: FIXED_TIMESTAMP });
    otherKeyRelease = join(tmp.dir, "other-key");
    await writeRelease(otherKeyRelease);
    await signRelease(otherKeyRelease, await SigningKey.fromSeed(Buffer.alloc(32, 9)), {
      keyId: "intruder",
      timestamp: FIXED_TIMESTAMP,
    });
    await mkdir(join(tmp.dir, "out"));
  });
  afterAll(async () => {
    await tmp.remove();
  });

  async function pull(
    sources: PullSource[],
    extra: Partial<PullOptions> = {},
  ): Promise<PullResult & { events: PullEvent[] }> {
    const events: PullEvent[] = [];
    const result = await pullRelease({
      sources,
      out: fresh(),
      trust: { publicKey: key.publicKey },
      retry: RETRY,
      parallel: 2,
      onEvent: (event) => events.push(event),
      ...extra,
    });
    return { ...result, events };
  }

  const from = (faults: FolderFaults = {}, dir = release): FolderSource =>
    new FolderSource(dir, faults);

  async function attemptOf(faults: FolderFaults): Promise<PullResult["attempts"][number]> {
    const result = await pull([from(faults)]);
    expect(result.ok).toBe(false);
    return (
      result.attempts[0] ?? {
        source: "gcs",
        target: "",
        outcome: "pulled",
        downloaded: 0,
        bytesDownloaded: 0,
        cached: 0,
      }
    );
  }

  const bytes = (text: string): Uint8Array => Buffer.from(text);

  it("refuses a signed manifest that is not JSON, or not one", async () => {
    expect(
      await attemptOf({ replace: new Map([["manifest.sig.json", bytes("{not json")]]) }),
    ).toMatchObject({
      outcome: "refused",
      path: "manifest.sig.json",
      message: "manifest.sig.json there is not valid JSON",
    });
    const wrong = await attemptOf({ replace: new Map([["manifest.sig.json", bytes('{"a":1}')]]) });
    expect(wrong.message).toMatch(/^manifest\.sig\.json there does not match its schema: /);
  });

  it("refuses a source with the signed manifest but no manifest.json, or one that disagrees", async () => {
    const missing = await attemptOf({ missing: new Set(["manifest.json"]) });
    expect(missing).toMatchObject({ outcome: "refused", path: "manifest.json" });
    expect(missing.message).toMatch(/has manifest\.sig\.json but no manifest\.json$/);
    const manifest = JSON.parse(await readFile(join(release, "manifest.json"), "utf8")) as {
      artifacts: { model: { sha256: string } };
    };
    manifest.artifacts.model.sha256 = "0".repeat(64);
    const changed = await attemptOf({
      replace: new Map([["manifest.json", bytes(JSON.stringify(manifest))]]),
    });
    expect(changed).toMatchObject({ outcome: "refused", path: "manifest.json" });
    expect(changed.message).toMatch(/^manifest\.json gives tiny\.safetensors sha256 0{64}/);
  });

  it("names the file that is longer, shorter or missing there", async () => {
    const longer = await attemptOf({
      replace: new Map([["config.json", bytes('{"model_type":"llama"}\n!')]]),
    });
    expect(longer).toMatchObject({
      path: "config.json",
      message: "config.json is longer than the 23 bytes signed",
    });
    const shorter = await attemptOf({ replace: new Map([["config.json", bytes("{}")]]) });
    expect(shorter.message).toBe("config.json is 2 bytes there, signed as 23");
    const missing = await attemptOf({ missing: new Set(["onnx/model.onnx"]) });
    expect(missing).toMatchObject({
      path: "onnx/model.onnx",
      message: "onnx/model.onnx is missing there",
    });
  });

  it("resumes after a dropped connection, also from a server that ignores Range", async () => {
    // A 206 answer goes on from the byte asked for; a 200 one starts over and is skipped into.
    for (const [ignoreRange, offsets] of [
      [false, [0, 10, 20]],
      [true, [0, 10, 10]],
    ] as const) {
      const source = from({ cut: { path: "README.md", after: 10, times: 2 }, ignoreRange });
      const result = await pull([source]);
      expect(result.ok).toBe(true);
      expect(source.requests.filter((r) => r.path === "README.md").map((r) => r.offset)).toEqual(
        offsets,
      );
      expect(await tree(result.dir)).toEqual(await tree(release));
      expect(result.events.filter((e) => e.type === "retry")).toHaveLength(2);
    }
  });

  it("gives up on a source whose resumed answer starts at the wrong byte", async () => {
    const attempt = await attemptOf({
      cut: { path: "README.md", after: 10, times: 1 },
      wrongRange: true,
    });
    expect(attempt.outcome).toBe("failed");
    expect(attempt.message).toMatch(/asked for the bytes from 10 on, got bytes 11-/);
  });

  it("reports a service that keeps answering 500 as failed after the retries", async () => {
    const source = from({ status: 503 });
    const attempt = (await pull([source])).attempts[0];
    expect(attempt).toMatchObject({
      outcome: "failed",
      message: "HTTP 503: manifest.sig.json: HTTP 503",
    });
    expect(source.requests).toHaveLength(3);
  });

  it("with no key given, trusts the first signed manifest's key and holds every other source to it", async () => {
    // The first source is signed by another key and serves a changed file: refused, but its key
    // is now the trusted one, so the publisher's release that follows is refused too.
    const intruder = from(
      { replace: new Map([["config.json", bytes('{"model_type":"evil"}\n')]]) },
      otherKeyRelease,
    );
    const result = await pull([intruder, from()], { trust: { trustEmbeddedKey: true } });
    expect(result.attempts.map((a) => a.outcome)).toEqual(["refused", "refused"]);
    expect(result.attempts[1]?.message).toMatch(/not the trusted key/);
    expect(result.events).toContainEqual(
      expect.objectContaining({
        type: "log",
        level: "warning",
        message: expect.stringMatching(
          /^trusting the key in the signed manifest of .* because no key was given/,
        ),
      }),
    );
    const good = await pull([from()], { trust: { trustEmbeddedKey: true } });
    expect(good.ok).toBe(true);
  });

  it("needs a trusted key, and takes a keyring", async () => {
    await expect(pull([from()], { trust: {} })).rejects.toMatchObject({ code: "USAGE" });
    expect((await pull([from()], { trust: { keyring: { k: key.publicKey } } })).ok).toBe(true);
    const unknown = await pull([from()], { trust: { keyring: { other: key.publicKey } } });
    expect(unknown.attempts[0]?.message).toMatch(/key id "k" is not in the keyring/);
  });

  it("re-checks what the cache hands out and drops an entry that changed", async () => {
    const cacheDir = join(tmp.dir, "cache");
    const first = await pull([from()], { cacheDir });
    expect(first.attempts[0]).toMatchObject({ downloaded: 4, cached: 0 });
    const digest = JSON.parse(await readFile(join(release, "manifest.sig.json"), "utf8")) as {
      manifest: { artifacts: Record<string, { sha256: string }> };
    };
    const readme = digest.manifest.artifacts["README.md"]?.sha256 ?? "";
    const cache = new BlobCache(cacheDir);
    // Damaged in place (the output shares it as a hard link, so an edit there shows here).
    await flipByte(join(first.dir, "README.md"));
    await writeFile(cache.path(digest.manifest.artifacts["config.json"]?.sha256 ?? ""), "{}");
    const source = from();
    const second = await pull([source], { cacheDir });
    expect(second.attempts[0]).toMatchObject({ downloaded: 2, cached: 2 });
    expect(source.requests.map((r) => r.path).sort()).toEqual(
      ["README.md", "config.json", "manifest.json", "manifest.sig.json"].sort(),
    );
    expect((await verifyRelease(second.dir, { publicKey: key.publicKey })).ok).toBe(true);
    expect(await readFile(cache.path(readme), "utf8")).toMatch(/# Tiny/);
  });

  it("copies into and out of a cache on another file system, where it cannot hard-link", async () => {
    const other = ["/dev/shm"].find(
      (dir) => existsSync(dir) && statSync(dir).dev !== statSync(tmp.dir).dev,
    );
    const cacheDir = await mkdtemp(join(other ?? tmp.dir, "pull-cache-"));
    try {
      const first = await pull([from()], { cacheDir });
      const second = await pull([from()], { cacheDir });
      expect(second.attempts[0]).toMatchObject({ downloaded: 0, cached: 4 });
      for (const file of ["README.md", "tiny.safetensors"]) {
        const links = (await stat(join(second.dir, file))).nlink;
        expect(links).toBe(other === undefined ? 3 : 1);
      }
      expect(await tree(second.dir)).toEqual(await tree(first.dir));
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it("never renames over an output that was filled while pulling", async () => {
    const out = fresh();
    await mkdir(out);
    const folder = new OutputFolder(out);
    await folder.check();
    const staging = await folder.staging();
    await writeFile(join(out, "someone-elses"), "x");
    await expect(folder.commit(staging)).rejects.toThrow(
      /was filled by something else while pulling/,
    );
    expect(await readdir(out)).toEqual(["someone-elses"]);
    await folder.discard(staging);
  });

  it("stops on a problem of its own (the cache cannot be written) instead of blaming the source", async () => {
    const blocked = join(tmp.dir, "a-file");
    await writeFile(blocked, "not a folder\n");
    const out = fresh();
    await expect(pull([from(), from()], { cacheDir: blocked, out })).rejects.toMatchObject({
      code: "ENOTDIR",
    });
    expect((await readdir(join(tmp.dir, "out"))).filter((e) => e.startsWith("."))).toEqual([]);
  });

  it("stops when cancelled and leaves nothing behind", async () => {
    const controller = new AbortController();
    const source = from();
    const slow: PullSource = {
      name: "gcs",
      target: "slow",
      read: async (path, offset, signal) => {
        if (path === "tiny.safetensors") controller.abort(new Error("cancelled by the user"));
        signal?.throwIfAborted();
        return source.read(path, offset);
      },
    };
    const out = fresh();
    await expect(pull([slow, from()], { signal: controller.signal, out })).rejects.toThrow(
      "cancelled by the user",
    );
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await readdir(join(tmp.dir, "out"))).filter((e) => e.startsWith("."))).toEqual([]);
  });

  it("reads a GCS bucket that needs credentials with the access token it is given", async () => {
    const token = "ya29.gcs-access-token-Xq81";
    const gcs = await startGcsServer({ buckets: ["private"], token });
    try {
      for (const path of [...(await readdir(release, { recursive: true }))].sort()) {
        if (path === "onnx") continue;
        const upload = await fetch(
          `${gcs.url}/upload/storage/v1/b/private/o?uploadType=media&name=${encodeURIComponent(`m/v1/${path}`)}`,
          {
            method: "POST",
            headers: { Authorization: `Bearer ${token}` },
            body: await readFile(join(release, path)),
          },
        );
        expect(upload.status).toBe(200);
      }
      const options = { bucket: "private", folder: "m/v1", apiEndpoint: gcs.url };
      const anonymous = await pull([new GcsSource(options)]);
      expect(anonymous.attempts[0]).toMatchObject({ outcome: "failed" });
      expect(anonymous.attempts[0]?.message).toMatch(/^HTTP 401: /);
      const signedIn = await pull([
        new GcsSource({ ...options, accessToken: () => Promise.resolve(token) }),
      ]);
      expect(signedIn.ok).toBe(true);
      expect(await tree(signedIn.dir)).toEqual(await tree(release));
      expect(JSON.stringify([anonymous, signedIn])).not.toContain(token);
    } finally {
      await gcs.stop();
      await rm(gcs.storageDir, { recursive: true, force: true });
    }
  });

  it("refuses an output that is a file", async () => {
    const file = join(tmp.dir, "out", "taken");
    await writeFile(file, "x");
    await expect(pull([from()], { out: file })).rejects.toThrow(
      /taken is a file; pull never writes over a folder/,
    );
  });

  it("skips an IPFS source named by the manifest when no other source tells its CID", async () => {
    const ipfs = new FolderSource(release, {}, "ipfs", true);
    const alone = await pull([ipfs]);
    expect(alone.attempts[0]).toMatchObject({ outcome: "skipped" });
    expect(alone.attempts[0]?.message).toMatch(/pull ipfs:\/\/<release root CID>/);
    // This release's manifest.json was never published to IPFS: it names no CID.
    const withGcs = await pull([ipfs, from()]);
    expect(withGcs.attempts.map((a) => a.outcome)).toEqual(["skipped", "pulled"]);
    expect(withGcs.attempts[0]?.message).toMatch(
      /names no IPFS CID: the release was not published to IPFS/,
    );
    const copy = join(tmp.dir, "with-cid");
    await cp(release, copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, "manifest.json"), "utf8")) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(copy, "manifest.json"),
      JSON.stringify({ ...manifest, ipfs: { cid: "bafyfake" } }),
    );
    const located = await pull([new FolderSource(copy, {}, "ipfs", true), from({}, copy)]);
    expect(located.source?.target).toBe(`folder:${copy} at bafyfake`);
  });
});
