import { Storage } from "@google-cloud/storage";
import { listCommits, listFiles } from "@huggingface/hub";
import type { Servers } from "./fixture.js";
import { BUCKET, HF_TOKEN } from "./fixture.js";

/**
 * Everything a user can observe on the four services, minus what differs between two identical
 * runs by nature (commit ids and dates, object generations, request ids): the final state two
 * publishes are compared by.
 */
export async function remoteState(
  servers: Servers,
  repo: string,
): Promise<Record<string, unknown>> {
  const creds = { hubUrl: servers.hub.url, accessToken: HF_TOKEN, repo };
  const commits: string[] = [];
  for await (const commit of listCommits(creds)) commits.push(commit.title);
  const refs = (await (
    await fetch(`${servers.hub.url}/api/models/${repo}/refs`, {
      headers: { Authorization: `Bearer ${HF_TOKEN}` },
    })
  ).json()) as { tags: { name: string }[]; branches: { name: string }[] };
  const trees: Record<string, Record<string, string>> = {};
  for (const ref of [...refs.tags, ...refs.branches]) {
    const files: Record<string, string> = {};
    for await (const entry of listFiles({
      ...creds,
      revision: encodeURIComponent(ref.name),
      recursive: true,
    })) {
      if (entry.type === "file") files[entry.path] = entry.lfs?.oid ?? entry.oid ?? "";
    }
    trees[ref.name] = files;
  }
  const storage = new Storage({ apiEndpoint: servers.gcs.url, projectId: "test" });
  const [files] = await storage.bucket(BUCKET).getFiles();
  const objects: Record<string, unknown> = {};
  for (const file of files) {
    const m = file.metadata;
    const body =
      file.name.endsWith("index.json") || file.name.endsWith("latest.json")
        ? (await file.download())[0].toString()
        : undefined;
    objects[file.name] = {
      size: m.size,
      md5: m.md5Hash,
      crc32c: m.crc32c,
      type: m.contentType,
      cache: m.cacheControl,
      metadata: m.metadata,
      body,
    };
  }
  const pins = Object.fromEntries([...servers.kubo.pins()].sort());
  const requests = servers.pinning
    .requests()
    .filter((r) => r.status !== "failed")
    .map((r) => `${r.pin.cid} ${r.pin.name ?? ""} ${r.status}`)
    .sort();
  return { commits, tags: refs.tags.map((t) => t.name).sort(), trees, objects, pins, requests };
}
