import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Storage } from "@google-cloud/storage";
import type { PublishableRelease } from "../../src/publish/destination.js";
import {
  readJsonObject,
  updateRegistry,
  withLatest,
  withSummary,
} from "../../src/publish/gcs-registry.js";
import { transientVerdict } from "../../src/publish/remote-error.js";
import { retryPolicy, seededRandom, withRetry } from "../../src/publish/retry.js";
import { Secrets } from "../../src/publish/secrets.js";
import { compareVersions } from "../../src/publish/version-order.js";
import { startGcsServer, type GcsServer } from "../servers/index.js";

function release(id: string, version: string): PublishableRelease {
  return {
    dir: "/nowhere",
    id,
    version,
    files: [],
    signed: {
      id,
      version,
      artifacts: { "w.safetensors": { sha256: "0".repeat(64), size: 1000 } },
      merkleRoot: "0".repeat(64),
      timestamp: "2026-01-01T00:00:00Z",
    },
    manifest: {
      id,
      name: id.toUpperCase(),
      version,
      type: "text-generation",
      artifacts: { w: { filename: "w.safetensors", size: 1000, sha256: "0".repeat(64) } },
      optimization: { quantization: "INT4" },
      publishedAt: "2026-01-01T00:00:00Z",
    },
  };
}

const location = {
  bucket: "registry",
  prefix: "models",
  publicBaseUrl: "https://cdn.example/models-bucket",
};

describe("index.json and latest.json", () => {
  let server: GcsServer;
  const bucket = () =>
    new Storage({
      apiEndpoint: server.url,
      projectId: "t",
      retryOptions: { autoRetry: false },
    }).bucket("registry");
  const context = {
    retry: retryPolicy({
      baseDelayMs: 2,
      maxDelayMs: 20,
      random: seededRandom(5),
      maxAttempts: 20,
    }),
    emit: () => undefined,
    secrets: new Secrets(),
  };

  beforeAll(async () => {
    server = await startGcsServer({ buckets: ["registry"] });
  });
  afterAll(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
  });

  it("keeps every entry when releases update them at the same time, through faults", async () => {
    server.faults.random({ rate: 0.2, seed: 4, kinds: ["http500", "reset"] });
    const releases = ["a", "b", "c"].flatMap((id) =>
      ["1.0.0", "1.1.0", "0.9.0"].map((v) => release(id, v)),
    );
    await Promise.all(releases.map((r) => updateRegistry(bucket(), location, r, context, 1000)));
    server.faults.clear();
    const index = (await readJsonObject(bucket(), "models/index.json", 2000)).value as {
      id: string;
      version: string;
      manifest: string;
    }[];
    expect(index.map((e) => `${e.id}@${e.version}`)).toEqual([
      "a@1.1.0",
      "a@1.0.0",
      "a@0.9.0",
      "b@1.1.0",
      "b@1.0.0",
      "b@0.9.0",
      "c@1.1.0",
      "c@1.0.0",
      "c@0.9.0",
    ]);
    expect(index[0]).toEqual({
      id: "a",
      name: "A",
      type: "text-generation",
      quantization: "INT4",
      size: 1000,
      version: "1.1.0",
      publishedAt: "2026-01-01T00:00:00Z",
      manifest: "https://cdn.example/models-bucket/models/a/v1.1.0/manifest.json",
    });
    for (const id of ["a", "b", "c"]) {
      const latest = (await readJsonObject(bucket(), `models/${id}/latest.json`, 2000)).value;
      expect(latest).toMatchObject({
        version: "1.1.0",
        baseUrl: `https://cdn.example/models-bucket/models/${id}/v1.1.0/`,
      });
    }
    expect(server.object("registry", "models/index.json")?.cacheControl).toBe(
      "public, max-age=60, must-revalidate",
    );
  });

  it("changes nothing when the entry is already there, and never moves latest back", async () => {
    const before = server.object("registry", "models/index.json")?.generation;
    expect(await updateRegistry(bucket(), location, release("a", "1.0.0"), context, 2000)).toBe(
      false,
    );
    expect(server.object("registry", "models/index.json")?.generation).toBe(before);
    expect(
      withLatest({ version: "2.0.0" }, { id: "a", version: "1.0.0", manifest: "", baseUrl: "" }),
    ).toBeUndefined();
    expect(
      withSummary("not a list", {
        id: "x",
        name: "x",
        type: "t",
        size: 1,
        version: "1.0.0",
        manifest: "",
      }),
    ).toHaveLength(1);
  });

  it("waits as long as a 429 from GCS asks, through the client library's error", async () => {
    server.faults.add({
      kind: "http429",
      method: "GET",
      path: "/storage/v1/b/registry/o",
      nth: 1,
      retryAfterSeconds: 3,
    });
    const waits: number[] = [];
    const policy = retryPolicy({
      random: seededRandom(1),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const [files] = await withRetry(
      "listing",
      () => bucket().getFiles({ prefix: "models/" }),
      transientVerdict,
      policy,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
  });

  it("orders versions by semantic version precedence", () => {
    const versions = [
      "1.0.0",
      "1.0.0-rc.1",
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-beta.11",
      "1.0.0-beta.2",
      "0.9.10",
      "0.9.9",
      "1.10.0",
      "1.2.0+build",
    ];
    expect([...versions].sort(compareVersions)).toEqual([
      "0.9.9",
      "0.9.10",
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.2.0+build",
      "1.10.0",
    ]);
  });
});
