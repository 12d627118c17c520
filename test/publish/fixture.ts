import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { buildRelease } from "../../src/pipeline/build.js";
import {
  configureDestinations,
  type DestinationOverrides,
} from "../../src/publish/publish-config.js";
import {
  publishRelease,
  type PublishOptions,
  type PublishResult,
} from "../../src/publish/publish-release.js";
import type { PublishEvent } from "../../src/publish/destination.js";
import { seededRandom } from "../../src/publish/retry.js";
import { SigningKey } from "../../src/sign/keys.js";
import { signRelease } from "../../src/sign/sign-release.js";
import {
  startGcsServer,
  startHubServer,
  startKuboServer,
  startPinningServer,
  type GcsServer,
  type HubServer,
  type KuboServer,
  type PinningServer,
  type RequestLogEntry,
} from "../servers/index.js";
import { repoRoot } from "../helpers/temp.js";

/** The fixed signing seed of the test releases; it must never show in any output. */
export const SIGNING_SEED = new Uint8Array(32).fill(7);
export const SIGNING_KEY_TEXT = Buffer.from(SIGNING_SEED).toString("base64");
export const HF_TOKEN = "hf_test_publish_token_7Ye3kQ9vX2";
export const PINNING_TOKEN = "pinning-secret-token-Zr81mQ";
export const BUCKET = "example-models";
export const REPO = "test-user/tiny-llama";

const example = join(repoRoot, "examples", "tiny-llama", "model-publish.yaml");

/** The bundled example's authored manifest. */
export async function exampleManifest(): Promise<AuthoredManifest> {
  return parse(await readFile(example, "utf8")) as AuthoredManifest;
}

let built: Promise<string> | undefined;
let builtIn: string | undefined;

/** Builds and signs the bundled example once per test file; returns the folder (do not modify). */
export function signedRelease(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-release-"));
    builtIn = dir;
    const result = await buildRelease({
      manifestPath: example,
      outDir: join(dir, "release"),
      context: { ref: "refs/tags/v0.1.0" },
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    if (!result.valid) throw new Error("the example does not build");
    const key = await SigningKey.fromSeed(SIGNING_SEED);
    await signRelease(result.dir, key, {
      keyId: "example-release-key",
      timestamp: "2026-01-01T00:00:00Z",
    });
    return result.dir;
  })();
  return built;
}

/** Removes the built release; for afterAll. */
export async function disposeRelease(): Promise<void> {
  if (builtIn !== undefined) await rm(builtIn, { recursive: true, force: true });
  built = undefined;
  builtIn = undefined;
}

/** A private copy of the signed release (publish writes the published manifest.json into it). */
export async function releaseCopy(into: string): Promise<string> {
  const dir = await mkdtemp(join(into, "release-"));
  await cp(await signedRelease(), dir, { recursive: true });
  return dir;
}

/** The four local services. */
export interface Servers {
  hub: HubServer;
  gcs: GcsServer;
  kubo: KuboServer;
  pinning: PinningServer;
  stop: () => Promise<void>;
}

/**
 * Starts the four services. The gateway URL goes into manifest.json (and so into the CIDs), so
 * tests comparing runs on separate servers pass the same `gatewayPort`.
 */
export async function startServers(options: { gatewayPort?: number } = {}): Promise<Servers> {
  const hub = await startHubServer({
    token: HF_TOKEN,
    lfsMultipartThreshold: 2 << 20,
    lfsPartSize: 1 << 20,
  });
  const gcs = await startGcsServer({ buckets: [BUCKET] });
  const kubo = await startKuboServer(
    options.gatewayPort === undefined ? {} : { gatewayPort: options.gatewayPort },
  );
  const pinning = await startPinningServer({
    token: PINNING_TOKEN,
    queueMs: 5,
    minPinningMs: 5,
    retryMs: 20,
  });
  return {
    hub,
    gcs,
    kubo,
    pinning,
    stop: async () => {
      for (const server of [hub, gcs, kubo, pinning]) {
        await server.stop();
        await rm(server.storageDir, { recursive: true, force: true });
      }
    },
  };
}

/** The example manifest pointed at the local services. */
export async function manifestFor(
  servers: Servers,
  edit?: (m: AuthoredManifest) => void,
): Promise<AuthoredManifest> {
  const manifest = await exampleManifest();
  manifest.destinations = {
    huggingface: { repo: REPO },
    gcs: { bucket: BUCKET, prefix: "models" },
    ipfs: {
      providers: [
        { type: "kubo", url: servers.kubo.url },
        { type: "pinning-service", url: servers.pinning.url, tokenEnv: "PINNING_TOKEN" },
      ],
      gateways: [servers.kubo.gatewayUrl],
    },
  };
  edit?.(manifest);
  return manifest;
}

/** The environment a CI job would give: tokens, endpoints and the signing key. */
export function envFor(servers: Servers): NodeJS.ProcessEnv {
  return {
    HF_TOKEN,
    HF_ENDPOINT: servers.hub.url,
    STORAGE_EMULATOR_HOST: servers.gcs.url,
    PINNING_TOKEN,
    MODEL_SIGNING_KEY: SIGNING_KEY_TEXT,
  };
}

/** Quick retries for tests; the seed fixes the jitter. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 50, random: seededRandom(1) };
export const FAST_OVERRIDES: DestinationOverrides = {
  pinning: { pollMs: 10, timeoutMs: 20_000 },
  gcs: { resumableAbove: 1 << 20, chunkSize: 256 << 10, timeoutMs: 3000 },
};

/** Publishes a release folder to the local services as the CLI would. */
export async function publishTo(
  servers: Servers,
  dir: string,
  extra: Partial<PublishOptions> & {
    manifest?: AuthoredManifest;
    only?: ("hf" | "gcs" | "ipfs")[];
    overrides?: DestinationOverrides;
  } = {},
): Promise<PublishResult & { events: PublishEvent[] }> {
  const { manifest, only, overrides, ...rest } = extra;
  const config = configureDestinations({
    manifest: manifest ?? (await manifestFor(servers)),
    env: envFor(servers),
    overrides: { ...FAST_OVERRIDES, ...overrides },
    ...(only === undefined ? {} : { only }),
  });
  const events: PublishEvent[] = [];
  const result = await publishRelease({
    dir,
    destinations: config.destinations,
    secrets: config.secrets,
    retry: FAST_RETRY,
    onEvent: (event) => events.push(event),
    ...(config.ipfs === undefined ? {} : { ipfs: config.ipfs }),
    ...rest,
  });
  return { ...result, events };
}

/** Requests that change state on a server (everything but reads). */
export function writes(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((entry) => {
    if (entry.method === "GET" || entry.method === "HEAD") return false;
    if (entry.path === "/api/v0/add" && entry.query.includes("only-hash=true")) return false;
    // Read-only POSTs of the Hub and Kubo APIs.
    return !/\/(preupload|paths-info)\/|\/lfs\/objects\/batch$|\/api\/v0\/(pin\/ls|version|id|dag\/export|block\/(get|stat))$/.test(
      entry.path,
    );
  });
}

/**
 * Another signed release from the example: a copy with manifest.json edited (another version)
 * and/or a file changed, signed again with the same key.
 */
export async function resigned(
  into: string,
  change: { version?: string; touch?: string },
): Promise<string> {
  const dir = await releaseCopy(into);
  const manifestPath = join(dir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
  if (change.version !== undefined) manifest.version = change.version;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  if (change.touch !== undefined) await appendFile(join(dir, change.touch), "\nchanged\n");
  const key = await SigningKey.fromSeed(SIGNING_SEED);
  await signRelease(dir, key, { keyId: "example-release-key", timestamp: "2026-01-01T00:00:00Z" });
  return dir;
}
