import { createHash } from "node:crypto";
import { open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { SigningKey } from "../../src/sign/keys.js";
import { parseCommandArgs } from "../../src/cli/command.js";
import { pullCommand } from "../../src/cli/commands/pull.js";
import { exitCodeFor } from "../../src/errors.js";
import { DiskBlockstore } from "../servers/blockstore.js";
import type { RequestLogEntry } from "../servers/index.js";
import { scratch } from "../helpers/temp.js";
import {
  BUCKET,
  HF_TOKEN,
  REPO,
  SIGNING_SEED,
  disposeRelease,
  manifestFor,
  publishTo,
  releaseCopy,
  signedRelease,
  startServers,
  type Servers,
} from "../publish/fixture.js";

export { BUCKET, HF_TOKEN, REPO };

/** The folder of the release on GCS, as publish lays it out. */
export const GCS_FOLDER = "models/tiny-llama/v0.1.0";

/** A release published to the local Hub, GCS and Kubo, for pulling back. */
export interface Published {
  servers: Servers;
  /** The release folder as published (manifest.json with the IPFS CID). */
  dir: string;
  /** The release root CID publish printed. */
  root: string;
  /** The authored manifest, with its destinations and signing.publicKey. */
  manifest: AuthoredManifest;
  publicKey: string;
  tmp: Awaited<ReturnType<typeof scratch>>;
  stop: () => Promise<void>;
}

/** The signing key's public half (base64), as a publisher hands it out. */
export async function publicKeyBase64(seed = SIGNING_SEED): Promise<string> {
  return (await SigningKey.fromSeed(seed)).publicKeyBase64;
}

/** Builds, signs and publishes the example to local Hub, GCS and Kubo servers. */
export async function published(): Promise<Published> {
  await signedRelease();
  const servers = await startServers();
  const tmp = await scratch();
  const dir = await releaseCopy(tmp.dir);
  const publicKey = await publicKeyBase64();
  const manifest = await manifestFor(servers, (m) => {
    m.version = "0.1.0";
    if (m.signing !== undefined) m.signing.publicKey = publicKey;
    // The pinning service adds nothing to what a gateway serves: Kubo alone keeps tests fast.
    if (m.destinations?.ipfs)
      m.destinations.ipfs.providers = [{ type: "kubo", url: servers.kubo.url }];
  });
  const result = await publishTo(servers, dir, { manifest });
  if (!result.ok) throw new Error(`publishing failed: ${JSON.stringify(result.failures)}`);
  const root = result.receipts.find((r) => r.destination === "ipfs")?.details.root ?? "";
  return {
    servers,
    dir,
    root,
    manifest,
    publicKey,
    tmp,
    stop: async () => {
      await servers.stop();
      await tmp.remove();
      await disposeRelease();
    },
  };
}

/** What a consumer's environment holds: endpoints, and a Hub token that must never show. */
export function consumerEnv(servers: Servers): NodeJS.ProcessEnv {
  return {
    HF_ENDPOINT: servers.hub.url,
    HF_TOKEN,
    STORAGE_EMULATOR_HOST: servers.gcs.url,
    HOME: "/nonexistent-home",
  };
}

/** Every file under a folder, by relative path, with the SHA-256 of its bytes (sorted by path). */
export async function tree(dir: string): Promise<Record<string, string>> {
  const files: [string, string][] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const digest = entry.isFile()
      ? createHash("sha256")
          .update(await readFile(path))
          .digest("hex")
      : entry.isDirectory()
        ? "folder"
        : "other";
    files.push([path.slice(dir.length + 1), digest]);
  }
  return Object.fromEntries(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Flips one byte in the middle of a stored file; returns the undo. */
export async function flipByte(path: string): Promise<() => Promise<void>> {
  const handle = await open(path, "r+");
  try {
    const { size } = await handle.stat();
    const at = Math.floor(size / 2);
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    await handle.write(Buffer.of((byte[0] ?? 0) ^ 0x01), 0, 1, at);
    return async () => {
      const again = await open(path, "r+");
      await again.write(byte, 0, 1, at);
      await again.close();
    };
  } finally {
    await handle.close();
  }
}

/** Where the GCS stand-in keeps the bytes of an object of the release. */
export function gcsBytesPath(servers: Servers, path: string): string {
  const object = servers.gcs.object(BUCKET, `${GCS_FOLDER}/${path}`);
  if (object === undefined) throw new Error(`no object ${path}`);
  return join(servers.gcs.storageDir, "buckets", BUCKET, "data", object.generation);
}

/** Where the Hub stand-in keeps an LFS file, by its SHA-256. */
export async function hubLfsPath(servers: Servers, file: string): Promise<string> {
  const oid = createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
  return join(servers.hub.storageDir, "lfs", oid);
}

/** Where Kubo keeps a small file (one raw block: its CID is that of its bytes). */
export async function kuboBlockPath(servers: Servers, file: string): Promise<string> {
  const cid = CID.create(1, raw.code, await sha256.digest(await readFile(file)));
  return new DiskBlockstore(servers.kubo.blocksDir).path(cid);
}

/** Downloads of release files a server answered (GCS media, Hub resolve, gateway paths). */
export function fileDownloads(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter(
    (e) =>
      e.method === "GET" &&
      (e.query.includes("alt=media") ||
        e.path.includes("/resolve/") ||
        e.path.startsWith("/ipfs/")) &&
      !/manifest(\.sig)?\.json$/.test(decodeURIComponent(e.path)),
  );
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pull` as the CLI's main does: parse, run, a thrown error mapped to its exit code. */
export async function pullCli(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    env,
    cwd,
  };
  let code: number;
  try {
    code = await pullCommand.run(parseCommandArgs(pullCommand, argv), io);
  } catch (error) {
    stderr += `model-publish: ${error instanceof Error ? error.message : String(error)}\n`;
    code = exitCodeFor(error);
  }
  return { code, stdout, stderr };
}
