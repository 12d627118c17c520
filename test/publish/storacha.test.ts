import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { ed25519 } from "@ucanto/principal";
import { CID } from "multiformats/cid";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { configureDestinations } from "../../src/publish/publish-config.js";
import {
  publishRelease,
  verifyPublished,
  type PublishResult,
} from "../../src/publish/publish-release.js";
import type { PublishEvent } from "../../src/publish/destination.js";
import { scratch } from "../helpers/temp.js";
import { startStorachaServer, type StorachaServer } from "../servers/storacha-server.js";
import { storachaCredentials, type StorachaCredentials } from "../servers/storacha-credentials.js";
import {
  FAST_RETRY,
  SIGNING_KEY_TEXT,
  disposeRelease,
  exampleManifest,
  releaseCopy,
  resigned,
  signedRelease,
} from "./fixture.js";

/** The example manifest with one Storacha provider at the local service, read back through it. */
async function storachaManifest(server: StorachaServer): Promise<AuthoredManifest> {
  const manifest = await exampleManifest();
  manifest.destinations = {
    ipfs: {
      providers: [{ type: "storacha", url: server.url, serviceDid: server.did }],
      gateways: [server.url],
    },
  };
  return manifest;
}

interface Run extends PublishResult {
  events: PublishEvent[];
  /** Everything a user could see: events, the result or error, what the client printed. */
  output: string;
}

/** A publish that stopped before uploading (planning refused): its error and the output. */
interface Refusal {
  error: { code?: string; message: string };
  output: string;
}

async function publish(
  server: StorachaServer,
  dir: string,
  env: NodeJS.ProcessEnv,
  manifest?: AuthoredManifest,
): Promise<Run> {
  const run = await attempt(server, dir, env, manifest);
  if ("error" in run) throw new Error(run.error.message);
  return run;
}

/** Publishes, returning the refusal when publishing stops with an error. */
async function attempt(
  server: StorachaServer,
  dir: string,
  env: NodeJS.ProcessEnv,
  manifest?: AuthoredManifest,
): Promise<Run | Refusal> {
  const config = configureDestinations({
    manifest: manifest ?? (await storachaManifest(server)),
    env: { MODEL_SIGNING_KEY: SIGNING_KEY_TEXT, ...env },
  });
  const events: PublishEvent[] = [];
  const printed: string[] = [];
  const spies = (["log", "warn", "error", "info"] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ""}` : JSON.stringify(a)))
          .join(" "),
      );
    }),
  );
  try {
    const result = await publishRelease({
      dir,
      destinations: config.destinations,
      secrets: config.secrets,
      retry: FAST_RETRY,
      onEvent: (event) => events.push(event),
      ...(config.ipfs === undefined ? {} : { ipfs: config.ipfs }),
    });
    return {
      ...result,
      events,
      output: [JSON.stringify(result), JSON.stringify(events), ...printed].join("\n"),
    };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = "code" in e && typeof e.code === "string" ? e.code : undefined;
    return {
      error: { message: e.message, ...(code === undefined ? {} : { code }) },
      output: [e.message, e.stack ?? "", JSON.stringify(events), ...printed].join("\n"),
    };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const envOf = (c: StorachaCredentials) => ({ STORACHA_KEY: c.key, STORACHA_PROOF: c.proof });

describe("publishing to Storacha through @storacha/client", () => {
  let server: StorachaServer;
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let credentials: StorachaCredentials;

  beforeAll(async () => {
    await signedRelease();
    server = await startStorachaServer();
    tmp = await scratch();
    credentials = await storachaCredentials();
  });
  afterAll(async () => {
    await server.stop();
    await tmp.remove();
    await disposeRelease();
  });

  it("uploads the release CAR; the service registers the root computed here", async () => {
    const dir = await releaseCopy(tmp.dir);
    const run = await publish(server, dir, envOf(credentials));
    expect(run.failures).toEqual([]);
    expect(run.ok).toBe(true);
    const receipt = run.receipts.find((r) => r.destination === "ipfs");
    const root = receipt?.details.root ?? "";
    const content = receipt?.details.content ?? "";
    expect(root).toMatch(/^bafy/);
    const uploads = server.uploads().get(credentials.space) ?? [];
    expect(uploads.map((u) => u.root).sort()).toEqual([content, root].sort());
    // Both uploads name the same shards: the one CAR holds the content and the manifests.
    expect(uploads[0]?.shards.length).toBeGreaterThan(0);
    expect(uploads[0]?.shards).toEqual(uploads[1]?.shards);
    // Read back: the service's uploads, and every block through the gateway, re-hashed.
    const report = run.reports.find((r) => r.destination === "ipfs");
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(server.log.some((e) => e.path === `/ipfs/${root}`)).toBe(true);
    expect(run.output).not.toContain(credentials.key);
    expect(run.output).not.toContain(credentials.proof);

    // A second run finds both uploads and sends nothing.
    const before = server.log.length;
    const again = await publish(server, dir, envOf(credentials));
    expect(again.ok).toBe(true);
    expect(again.plans[0]?.published).toBe(true);
    const writes = server.log.slice(before).filter((e) => e.method === "PUT");
    expect(writes).toEqual([]);
    expect(server.uploads().get(credentials.space)).toHaveLength(2);

    // Read-back trusts no byte: a damaged block on the service is found.
    for await (const block of server.store.blocks.walk(CID.parse(root))) {
      if (block.cid.code !== 0x55) continue;
      await writeFile(server.store.blocks.path(block.cid), "damaged");
      break;
    }
    const config = configureDestinations({
      manifest: await storachaManifest(server),
      env: envOf(credentials),
    });
    const [damaged] = await verifyPublished({
      dir,
      destinations: config.destinations,
      retry: FAST_RETRY,
      ...(config.ipfs === undefined ? {} : { ipfs: config.ipfs }),
    });
    expect(damaged?.ok).toBe(false);
    expect(damaged?.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(
        /^gateway http:\/\/127\.0\.0\.1:\d+: block \w+ does not match its hash$/,
      ),
    );
  });

  it("retries a 503 and a failed blob PUT, then finishes", async () => {
    // Another version: its CAR differs, so its shard is PUT (blobs already held are not).
    const dir = await resigned(tmp.dir, { version: "0.1.1" });
    const fresh = await storachaCredentials();
    server.unavailable(2);
    server.faults.add({ kind: "http500", method: "PUT", path: "/blob/*", nth: 1 });
    const run = await publish(server, dir, envOf(fresh));
    expect(run.failures).toEqual([]);
    const retries = run.events.flatMap((e) => (e.type === "retry" ? [e.reason] : []));
    expect(retries).toEqual(expect.arrayContaining(["HTTP 503", "HTTP 500"]));
    expect(server.uploads().get(fresh.space)).toHaveLength(2);
    expect(server.faults.fired.map((f) => f.kind)).toEqual(["http500"]);
    expect(run.output).not.toContain(fresh.key);
  });

  it("refuses a key the proof is not for, before sending anything", async () => {
    const dir = await releaseCopy(tmp.dir);
    const other = ed25519.format(await ed25519.generate());
    const before = server.log.length;
    const run = await attempt(server, dir, { ...envOf(credentials), STORACHA_KEY: other });
    expect(run).toMatchObject({
      error: {
        code: "KEY_INVALID",
        message: expect.stringMatching(
          new RegExp(
            `the proof in env:STORACHA_PROOF delegates to ${credentials.agent}, not to the key in env:STORACHA_KEY \\(did:key:.+\\); create one for this key with \`storacha delegation create did:key:`,
          ),
        ),
      },
    });
    expect(server.log.length).toBe(before);
    expect(run.output).not.toContain(other);
  });

  it("names the missing ability and the command that grants it", async () => {
    const dir = await releaseCopy(tmp.dir);
    const partial = await storachaCredentials({
      abilities: ["space/blob/add", "space/index/add", "upload/get"],
    });
    const run = await attempt(server, dir, envOf(partial));
    expect(run).toMatchObject({ error: { code: "KEY_INVALID" } });
    expect("error" in run && run.error.message).toContain(
      `the proof in env:STORACHA_PROOF does not delegate upload/add on ${partial.space} to ${partial.agent}; create one with \`storacha delegation create ${partial.agent} --can space/blob/add`,
    );
  });

  it("reports the service's refusal of a delegation the space did not sign", async () => {
    const dir = await releaseCopy(tmp.dir);
    const forged = await storachaCredentials({ issuer: await ed25519.generate() });
    const run = await attempt(server, dir, envOf(forged));
    expect(run).toMatchObject({ error: { code: "KEY_INVALID" } });
    expect("error" in run && run.error.message).toMatch(
      new RegExp(
        `storacha ${server.url}: the service refused .+ in space ${forged.space}: the proof in env:STORACHA_PROOF does not authorize ${forged.agent} \\(.*Unauthorized`,
      ),
    );
    expect(server.uploads().get(forged.space)).toBeUndefined();
    expect(run.output).not.toContain(forged.key);
  });
});
