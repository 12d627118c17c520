import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Storage } from "@google-cloud/storage";
import { create } from "kubo-rpc-client";
import { verifyPublished } from "../../src/publish/publish-release.js";
import { configureDestinations } from "../../src/publish/publish-config.js";
import { scratch } from "../helpers/temp.js";
import {
  BUCKET,
  FAST_OVERRIDES,
  FAST_RETRY,
  HF_TOKEN,
  PINNING_TOKEN,
  REPO,
  SIGNING_KEY_TEXT,
  envFor,
  manifestFor,
  publishTo,
  releaseCopy,
  resigned,
  disposeRelease,
  signedRelease,
  startServers,
  writes,
  type Servers,
} from "./fixture.js";
import { remoteState } from "./remote-state.js";

const SECRETS = [HF_TOKEN, PINNING_TOKEN, SIGNING_KEY_TEXT];

/** Sequence numbers of the requests that wrote each object (GCS logs the name in the query). */
function gcsWrites(servers: Servers): Map<string, number[]> {
  const byObject = new Map<string, number[]>();
  for (const entry of writes(servers.gcs.log)) {
    const name = new URLSearchParams(entry.query).get("name");
    if (name === null) continue;
    byObject.set(name, [...(byObject.get(name) ?? []), entry.seq]);
  }
  return byObject;
}

describe("publishing a signed release to the Hub, GCS and IPFS", () => {
  let servers: Servers;
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let dir: string;
  const outputs: string[] = [];

  beforeAll(async () => {
    await signedRelease();
    servers = await startServers();
    tmp = await scratch();
    dir = await releaseCopy(tmp.dir);
  });
  afterAll(async () => {
    await servers.stop();
    await tmp.remove();
    await disposeRelease();
  });

  it("plans a dry run file by file and writes nothing anywhere", async () => {
    const result = await publishTo(servers, dir, { dryRun: true });
    outputs.push(JSON.stringify(result));
    expect(result.failures).toEqual([]);
    expect(result.plans.map((p) => p.destination)).toEqual(["hf", "gcs", "ipfs"]);
    for (const plan of result.plans) {
      expect(plan.published).toBe(false);
      expect(plan.files.map((f) => f.path)).toContain("tiny-llama.safetensors");
      expect(plan.files.every((f) => f.action === "upload")).toBe(true);
    }
    const gcs = result.plans[1]?.files.find((f) => f.path === "manifest.sig.json");
    expect(gcs).toMatchObject({ url: `gs://${BUCKET}/models/tiny-llama/v0.1.0/manifest.sig.json` });
    expect(result.plans[0]?.steps).toContain(`create the public repository ${REPO}`);
    for (const server of [servers.hub, servers.gcs, servers.kubo, servers.pinning]) {
      expect(writes(server.log)).toEqual([]);
    }
    expect(servers.hub.repo(REPO)).toBeUndefined();
    // A dry run leaves the folder as it was, too.
    expect(await readFile(join(dir, "manifest.json"))).toEqual(
      await readFile(join(await signedRelease(), "manifest.json")),
    );
  });

  it("uploads to all three and reads every file back", async () => {
    const result = await publishTo(servers, dir);
    outputs.push(JSON.stringify(result));
    expect(result.failures).toEqual([]);
    expect(result.reports.map((r) => [r.destination, r.ok, r.checked])).toEqual([
      ["hf", true, 9],
      ["gcs", true, 9],
      ["ipfs", true, 9],
    ]);
    expect(result.ok).toBe(true);
    const signature = JSON.parse(await readFile(join(dir, "manifest.sig.json"), "utf8")) as {
      manifest: { artifacts: Record<string, { sha256: string }> };
    };
    // Hub: one release commit, tagged; LFS oids are the signed digests.
    const state = await remoteState(servers, REPO);
    expect(state.commits).toEqual(["Release v0.1.0", "initial commit"]);
    const atTag = (state.trees as Record<string, Record<string, string>>)["v0.1.0"] ?? {};
    expect(atTag["tiny-llama.safetensors"]).toBe(
      signature.manifest.artifacts["tiny-llama.safetensors"]?.sha256,
    );
    // manifest.json as published carries the CID of the signed files, on every destination.
    const published = await readFile(join(dir, "manifest.json"));
    const manifest = JSON.parse(published.toString()) as {
      ipfs: { cid: string; chunkSize: number };
    };
    const receipt = result.receipts.find((r) => r.destination === "ipfs");
    expect(manifest.ipfs).toMatchObject({ cid: receipt?.details.content, chunkSize: 262144 });
    const [gcsCopy] = await new Storage({ apiEndpoint: servers.gcs.url, projectId: "t" })
      .bucket(BUCKET)
      .file("models/tiny-llama/v0.1.0/manifest.json")
      .download();
    expect(gcsCopy.equals(published)).toBe(true);
    const hubCopy = await fetch(`${servers.hub.url}/${REPO}/resolve/v0.1.0/manifest.json`);
    expect(Buffer.from(await hubCopy.arrayBuffer()).equals(published)).toBe(true);
    const ipfsCopy = await fetch(
      `${servers.kubo.gatewayUrl}/ipfs/${receipt?.details.root ?? ""}/manifest.json`,
    );
    expect(Buffer.from(await ipfsCopy.arrayBuffer()).equals(published)).toBe(true);
    // GCS metadata: immutable versioned objects, short-lived registry, custom metadata.
    const object = servers.gcs.object(BUCKET, "models/tiny-llama/v0.1.0/tiny-llama.safetensors");
    expect(object).toMatchObject({
      contentType: "application/octet-stream",
      cacheControl: "public, max-age=31536000, immutable",
      metadata: {
        "model-version": "0.1.0",
        "model-checksum": `sha256:${signature.manifest.artifacts["tiny-llama.safetensors"]?.sha256 ?? ""}`,
      },
    });
    expect(object?.contentEncoding).toBeUndefined();
    expect(servers.gcs.object(BUCKET, "models/index.json")?.cacheControl).toBe(
      "public, max-age=60, must-revalidate",
    );
    // IPFS: the root is what `ipfs add -r --cid-version=1` gives for the folder, computed by the node.
    const files = [];
    for (const name of (await readdir(dir)).sort())
      files.push({ path: name, content: await readFile(join(dir, name)) });
    const added = [];
    for await (const entry of create({ url: servers.kubo.url }).addAll(files, {
      cidVersion: 1,
      rawLeaves: true,
      chunker: "size-262144",
      wrapWithDirectory: true,
      onlyHash: true,
    })) {
      added.push(entry);
    }
    expect(added.find((e) => e.path === "")?.cid.toString()).toBe(receipt?.details.root);
    expect(servers.kubo.pins().get(receipt?.details.root ?? "")).toBe("recursive");
    expect(servers.pinning.requests().map((r) => [r.pin.cid, r.status])).toEqual(
      expect.arrayContaining([
        [receipt?.details.root, "pinned"],
        [receipt?.details.content, "pinned"],
      ]),
    );
  });

  it("sent the signed manifest last on every destination", () => {
    // Hub: every LFS upload, then one commit carrying the manifests, then the tag.
    const hub = writes(servers.hub.log);
    const commits = hub.filter((e) => e.path.endsWith("/commit/main"));
    expect(commits).toHaveLength(1);
    const commit = commits[0]?.seq ?? 0;
    const lfs = hub.filter((e) => /^\/lfs-(upload|multipart)\//.test(e.path));
    expect(lfs.length).toBeGreaterThan(0);
    expect(Math.max(...lfs.map((e) => e.seq))).toBeLessThan(commit);
    expect(hub.at(-1)?.path).toBe(
      `/api/models/${REPO}/tag/${hub.at(-1)?.path.split("/").at(-1) ?? ""}`,
    );
    // GCS: all artifacts, then manifest.json, then manifest.sig.json, then the registry.
    const gcs = gcsWrites(servers);
    const folder = "models/tiny-llama/v0.1.0/";
    const sig = gcs.get(`${folder}manifest.sig.json`) ?? [];
    const manifest = gcs.get(`${folder}manifest.json`) ?? [];
    const artifacts = [...gcs].filter(
      ([name]) => name.startsWith(folder) && !name.includes("manifest"),
    );
    expect(artifacts).toHaveLength(7);
    expect(Math.max(...artifacts.flatMap(([, seqs]) => seqs))).toBeLessThan(Math.min(...manifest));
    expect(Math.max(...manifest)).toBeLessThan(Math.min(...sig));
    expect(Math.max(...sig)).toBeLessThan(Math.min(...(gcs.get("models/index.json") ?? [0])));
    // Kubo: the content CAR and its pin, then the manifests' CAR and the release root's pin.
    const kubo = writes(servers.kubo.log).map((e) => e.path);
    expect(kubo).toEqual([
      "/api/v0/dag/import",
      "/api/v0/pin/add",
      "/api/v0/dag/import",
      "/api/v0/pin/add",
    ]);
    const pins = [...servers.pinning.requests()].sort((a, b) => (a.created < b.created ? -1 : 1));
    expect(pins.map((p) => p.pin.name)).toEqual(["tiny-llama@0.1.0 files", "tiny-llama@0.1.0"]);
  });

  it("re-publishes identical bytes as a no-op: nothing is written", async () => {
    const before = [servers.hub, servers.gcs, servers.kubo, servers.pinning].map(
      (s) => s.log.length,
    );
    const result = await publishTo(servers, dir);
    outputs.push(JSON.stringify(result));
    expect(result.ok).toBe(true);
    expect(result.plans.every((p) => p.published)).toBe(true);
    expect(result.receipts.every((r) => r.uploaded.length === 0)).toBe(true);
    [servers.hub, servers.gcs, servers.kubo, servers.pinning].forEach((server, i) => {
      expect(writes(server.log.slice(before[i]))).toEqual([]);
    });
  });

  it.each(["hf", "gcs", "ipfs"] as const)(
    "refuses different bytes under the published version on %s and changes nothing",
    async (destination) => {
      const other = await resigned(tmp.dir, { touch: "README.md" });
      const state = await remoteState(servers, REPO);
      const before = [servers.hub, servers.gcs, servers.kubo, servers.pinning].map(
        (s) => s.log.length,
      );
      const attempt = publishTo(servers, other, { only: [destination] });
      await expect(attempt).rejects.toMatchObject({ code: "VERIFY_FAILED" });
      await attempt.catch((error: unknown) => outputs.push(String(error)));
      await expect(attempt).rejects.toThrow(/already (published|pinned|exists|holds)/);
      [servers.hub, servers.gcs, servers.kubo, servers.pinning].forEach((server, i) => {
        expect(writes(server.log.slice(before[i]))).toEqual([]);
      });
      expect(await remoteState(servers, REPO)).toEqual(state);
    },
  );

  it("reads a destination without the signed manifest as an incomplete release, then resumes", async () => {
    const next = await resigned(tmp.dir, { version: "0.1.1" });
    servers.hub.faults.add({
      kind: "http500",
      method: "POST",
      path: `/api/models/${REPO}/commit/*`,
      count: 100,
    });
    servers.gcs.faults.add({
      kind: "http500",
      where: (r) => (r.query.get("name") ?? "").endsWith("v0.1.1/manifest.sig.json"),
      count: 100,
    });
    // The signed files are those of v0.1.0, already pinned: only the new root goes up, and fails.
    servers.kubo.faults.add({ kind: "http500", path: "/api/v0/dag/import", count: 100 });
    const failed = await publishTo(servers, next, { retry: { ...FAST_RETRY, maxAttempts: 2 } });
    outputs.push(JSON.stringify(failed));
    expect(failed.ok).toBe(false);
    expect(failed.failures.map((f) => [f.destination, f.code])).toEqual([
      ["hf", "REMOTE_FAILED"],
      ["gcs", "REMOTE_FAILED"],
      ["ipfs", "REMOTE_FAILED"],
    ]);
    const config = configureDestinations({
      manifest: await manifestFor(servers),
      env: envFor(servers),
      overrides: FAST_OVERRIDES,
    });
    const reports = await verifyPublished({
      dir: next,
      destinations: config.destinations,
      retry: FAST_RETRY,
      ...(config.ipfs ? { ipfs: config.ipfs } : {}),
    });
    outputs.push(JSON.stringify(reports));
    expect(reports.map((r) => [r.destination, r.ok, r.incomplete])).toEqual([
      ["hf", false, true],
      ["gcs", false, true],
      ["ipfs", false, true],
    ]);
    for (const server of [servers.hub, servers.gcs, servers.kubo]) server.faults.clear();
    const resumed = await publishTo(servers, next);
    expect(resumed.failures).toEqual([]);
    expect(resumed.ok).toBe(true);
    expect((await remoteState(servers, REPO)).commits).toEqual([
      "Release v0.1.1",
      "Release v0.1.0",
      "initial commit",
    ]);
    // latest.json moved on; index.json lists both versions.
    const index = JSON.parse(
      (
        await readFile(
          join(
            servers.gcs.storageDir,
            "buckets",
            BUCKET,
            "data",
            servers.gcs.object(BUCKET, "models/index.json")?.generation ?? "",
          ),
        )
      ).toString(),
    ) as { version: string }[];
    expect(index.map((e) => e.version)).toEqual(["0.1.1", "0.1.0"]);
  });

  it("never shows a token or the signing key", () => {
    const text = outputs.join("\n");
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
