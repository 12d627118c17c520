import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listCommits, listFiles } from "@huggingface/hub";
import { scratch } from "../helpers/temp.js";
import {
  HF_TOKEN,
  manifestFor,
  publishTo,
  releaseCopy,
  disposeRelease,
  signedRelease,
  startServers,
  writes,
  type Servers,
} from "./fixture.js";

async function titles(servers: Servers, repo: string, revision = "main"): Promise<string[]> {
  const out: string[] = [];
  for await (const c of listCommits({
    hubUrl: servers.hub.url,
    accessToken: HF_TOKEN,
    repo,
    revision,
  }))
    out.push(c.title);
  return out;
}

async function paths(servers: Servers, repo: string, revision: string): Promise<string[]> {
  const out: string[] = [];
  for await (const f of listFiles({
    hubUrl: servers.hub.url,
    accessToken: HF_TOKEN,
    repo,
    revision: encodeURIComponent(revision),
    recursive: true,
  })) {
    if (f.type === "file") out.push(f.path);
  }
  return out.sort();
}

describe("Hugging Face Hub specifics", () => {
  let servers: Servers;
  let tmp: Awaited<ReturnType<typeof scratch>>;

  beforeAll(async () => {
    await signedRelease();
    servers = await startServers();
    tmp = await scratch();
  });
  afterAll(async () => {
    await servers.stop();
    await tmp.remove();
    await disposeRelease();
  });

  it("publishes experimental variants on their own branch, each branch tagged", async () => {
    const repo = "test-org/tiny-llama-variants";
    const manifest = await manifestFor(servers, (m) => {
      m.destinations = { huggingface: { repo, private: true } };
      m.variants = (m.variants ?? []).map((v) =>
        v.scheme === "q4_k_m" ? { ...v, branch: "experimental/q4" } : v,
      );
    });
    const result = await publishTo(servers, await releaseCopy(tmp.dir), { manifest });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(servers.hub.repo(repo)?.private).toBe(true);
    const main = await paths(servers, repo, "v0.1.0");
    const branch = await paths(servers, repo, "v0.1.0-experimental-q4");
    expect(main).not.toContain("tiny-llama-1.3m-q4_k_m.gguf");
    expect(main).toContain("tiny-llama-1.3m-q8_0.gguf");
    expect(branch).toContain("tiny-llama-1.3m-q4_k_m.gguf");
    expect(branch).toContain("manifest.sig.json");
    expect(Object.keys(servers.hub.repo(repo)?.tags ?? {}).sort()).toEqual([
      "v0.1.0",
      "v0.1.0-experimental-q4",
    ]);
    // And again: nothing to do.
    const before = servers.hub.log.length;
    expect((await publishTo(servers, await releaseCopy(tmp.dir), { manifest })).ok).toBe(true);
    expect(writes(servers.hub.log.slice(before))).toEqual([]);
  });

  it("publishes on the branch the manifest names, creating it from main", async () => {
    const repo = "test-user/tiny-llama-branch";
    const manifest = await manifestFor(servers, (m) => {
      m.destinations = { huggingface: { repo, branch: "releases" } };
    });
    const result = await publishTo(servers, await releaseCopy(tmp.dir), { manifest });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(await titles(servers, repo, "releases")).toEqual(["Release v0.1.0", "initial commit"]);
    expect(await titles(servers, repo, "main")).toEqual(["initial commit"]);
    expect(servers.hub.repo(repo)?.tags["v0.1.0"]?.commit).toBe(
      servers.hub.repo(repo)?.branches.releases,
    );
  });

  it("splits many files into ordered commits, the manifests in the last, and resumes them", async () => {
    const repo = "test-user/tiny-llama-split";
    const manifest = await manifestFor(servers, (m) => {
      m.destinations = { huggingface: { repo } };
    });
    const dir = await releaseCopy(tmp.dir);
    const overrides = { hf: { filesPerCommit: 3 } };
    servers.hub.faults.add({
      kind: "http500",
      method: "POST",
      path: `/api/models/${repo}/commit/main`,
      nth: 2,
      count: 10,
    });
    const failed = await publishTo(servers, dir, {
      manifest,
      overrides,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    expect(failed.failures.map((f) => f.code)).toEqual(["REMOTE_FAILED"]);
    expect(await titles(servers, repo)).toEqual(["Release v0.1.0 (part 1 of 3)", "initial commit"]);
    expect(await paths(servers, repo, "main")).not.toContain("manifest.sig.json");
    servers.hub.faults.clear();
    const resumed = await publishTo(servers, dir, { manifest, overrides });
    expect(resumed.ok).toBe(true);
    expect(await titles(servers, repo)).toEqual([
      "Release v0.1.0 (part 2 of 2)",
      "Release v0.1.0 (part 1 of 2)",
      "Release v0.1.0 (part 1 of 3)",
      "initial commit",
    ]);
    const receipt = resumed.receipts[0];
    expect(receipt?.uploaded).toHaveLength(6);
    expect(receipt?.skipped).toHaveLength(3);
  });
});
