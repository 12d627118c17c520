import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { delegate } from "@ucanto/core";
import { ed25519 } from "@ucanto/principal";
import { base64 } from "multiformats/bases/base64";
import { CID } from "multiformats/cid";
import { ModelPublishError } from "../../src/errors.js";
import { validateManifestText } from "../../src/manifest/validate.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import type { PublishContext } from "../../src/publish/destination.js";
import { storachaAuth } from "../../src/publish/ipfs-storacha-auth.js";
import { StorachaProvider } from "../../src/publish/ipfs-storacha.js";
import { storachaVerdict } from "../../src/publish/ipfs-storacha-errors.js";
import { configureDestinations } from "../../src/publish/publish-config.js";
import { retryPolicy, seededRandom } from "../../src/publish/retry.js";
import { Secrets } from "../../src/publish/secrets.js";
import type { ReleaseDag } from "../../src/publish/release-dag.js";
import { scratch } from "../helpers/temp.js";
import { storachaCredentials, type StorachaCredentials } from "../servers/storacha-credentials.js";
import { startStorachaServer, type StorachaServer } from "../servers/storacha-server.js";

const LABEL = "storacha https://up.storacha.network";

/** What `storachaAuth` throws, or undefined. */
async function refusal(
  credentials: Pick<StorachaCredentials, "key" | "proof">,
  space?: string,
): Promise<ModelPublishError | undefined> {
  try {
    await storachaAuth(LABEL, {
      key: credentials.key,
      keyFrom: "env:STORACHA_KEY",
      proof: { env: "STORACHA_PROOF", value: credentials.proof },
      ...(space === undefined ? {} : { space }),
    });
    return undefined;
  } catch (error) {
    if (error instanceof ModelPublishError) return error;
    throw error;
  }
}

function manifestWith(provider: { key?: string }): AuthoredManifest {
  return {
    id: "m",
    name: "M",
    version: "1.0.0",
    type: "embedding",
    license: "mit",
    sources: { safetensors: "model.safetensors" },
    destinations: { ipfs: { providers: [{ type: "storacha", ...provider }] } },
  };
}

describe("Storacha credentials", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    tmp = await scratch();
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it("takes the key and the delegation as the CLI prints them; the space comes from the proof", async () => {
    const c = await storachaCredentials({ abilities: ["space/*", "upload/*"] });
    const auth = await storachaAuth(LABEL, {
      key: c.key,
      keyFrom: "env:STORACHA_KEY",
      proof: { env: "STORACHA_PROOF", value: c.proof },
    });
    expect(auth.space).toBe(c.space);
    expect(auth.signer.did()).toBe(c.agent);
    // A proof file: the --base64 text, or the CAR `storacha delegation create -o` writes.
    const text = join(tmp.dir, "proof.txt");
    await writeFile(text, `${c.proof}\n`);
    const car = join(tmp.dir, "proof.ucan");
    await writeFile(car, CID.parse(c.proof, base64).multihash.digest);
    for (const file of [text, car]) {
      const fromFile = await storachaAuth(LABEL, { key: c.key, keyFrom: "env:K", proof: { file } });
      expect(fromFile.space).toBe(c.space);
    }
    await expect(
      storachaAuth(LABEL, { key: c.key, keyFrom: "env:K", proof: { file: join(tmp.dir, "no") } }),
    ).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringContaining("cannot read the proof file"),
    });
  });

  it("refuses malformed, expired, early and mismatched credentials, never quoting the key", async () => {
    const c = await storachaCredentials();
    const badKey = await refusal({ key: "MgCZnot-a-key-at-all", proof: c.proof });
    expect(badKey).toMatchObject({ code: "KEY_INVALID" });
    expect(badKey?.message).toContain("env:STORACHA_KEY is not a Storacha agent key");
    expect(badKey?.message).not.toContain("MgCZnot-a-key-at-all");
    expect(await refusal({ key: c.key, proof: "not a proof" })).toMatchObject({
      code: "KEY_INVALID",
      message: expect.stringContaining("env:STORACHA_PROOF is not a UCAN delegation"),
    });
    const expired = await storachaCredentials({ expiration: Math.floor(Date.now() / 1000) - 60 });
    expect((await refusal(expired))?.message).toMatch(
      /the proof in env:STORACHA_PROOF expired at 20/,
    );
    const early = await storachaCredentials({ notBefore: Math.floor(Date.now() / 1000) + 3600 });
    expect((await refusal(early))?.message).toMatch(/is not valid before 20/);
    expect((await refusal(c, (await ed25519.generate()).did()))?.message).toMatch(
      new RegExp(`does not delegate on the space did:key:\\w+ \\(it names ${c.space}\\)`),
    );
    const two = await storachaCredentials({ secondSpace: true });
    expect(await refusal(two)).toMatchObject({
      code: "USAGE",
      message: expect.stringContaining("names 2 spaces"),
    });
    expect(await refusal(two, two.space)).toBeUndefined();
    // A delegation on something other than a space.
    const agent = await ed25519.generate();
    const account = await delegate({
      issuer: agent,
      audience: agent,
      capabilities: [{ can: "*", with: "ucan:*" }],
    });
    const { formatProof } = await import("../servers/storacha-credentials.js");
    expect(
      await refusal({ key: ed25519.format(agent), proof: await formatProof(account) }),
    ).toMatchObject({ code: "USAGE", message: expect.stringContaining("names no space") });
  });

  it("builds the provider from the manifest and the environment; the key and proof are secrets", async () => {
    const c = await storachaCredentials();
    const env = { STORACHA_KEY: c.key, STORACHA_PROOF: c.proof };
    const config = configureDestinations({ manifest: manifestWith({}), env });
    expect(config.secrets.redact(`${c.key} ${c.proof}`)).toBe("*** ***");
    expect(config.destinations.map((d) => d.name)).toEqual(["ipfs"]);
    expect(() =>
      configureDestinations({ manifest: manifestWith({}), env: { STORACHA_KEY: c.key } }),
    ).toThrow(/STORACHA_PROOF \(the space's delegation to the agent\) is not set/);
    expect(() =>
      configureDestinations({ manifest: manifestWith({ key: "env:CI_AGENT" }), env }),
    ).toThrow(/CI_AGENT \(the Storacha agent key\) is not set; set it, as a secret/);
  });

  it("checks the storacha fields in a manifest", () => {
    const base =
      'id: m\nname: M\nversion: "1.0.0"\ntype: embedding\nlicense: mit\nsources: { safetensors: m.safetensors }\n';
    const ok = validateManifestText(
      `${base}destinations:\n  ipfs:\n    providers:\n      - { type: storacha, key: "env:CI_KEY", proof: "file:proof.ucan", space: "did:key:z6Mkfzh1KrbSihRfwQ8EumoFJYmWC1yEPqBPvqHJStwAQixn" }\n`,
      "model-publish.yaml",
    );
    expect(ok.issues).toEqual([]);
    const misplaced = validateManifestText(
      `${base}destinations:\n  ipfs:\n    providers:\n      - { type: kubo, url: "http://127.0.0.1:5001", proof: "env:P" }\n      - { type: storacha, tokenEnv: TOKEN }\n`,
      "model-publish.yaml",
    );
    expect(misplaced.issues.map((i) => [i.pointer, i.fix])).toEqual([
      ["/destinations/ipfs/providers/0/proof", "remove it, or set `type: storacha`"],
      ["/destinations/ipfs/providers/1/tokenEnv", expect.stringContaining("key: env:STORACHA_KEY")],
    ]);
  });
});

describe("the Storacha provider against the service", () => {
  let server: StorachaServer;
  let warn: { mockRestore: () => void };
  beforeAll(async () => {
    server = await startStorachaServer();
    // The client reports each failed attempt on console.warn; the tests assert on the errors.
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterAll(async () => {
    warn.mockRestore();
    await server.stop();
  });

  const context = (): PublishContext & { retries: string[] } => {
    const retries: string[] = [];
    return {
      retries,
      retry: retryPolicy({
        baseDelayMs: 1,
        maxDelayMs: 5,
        random: seededRandom(3),
        maxAttempts: 3,
      }),
      emit: (event) => {
        if (event.type === "retry") retries.push(event.reason);
      },
      secrets: new Secrets(),
    };
  };
  const dag = {
    content: { root: CID.parse("bafkqaaa") },
    root: { root: CID.parse("bafkqaaa") },
  } as unknown as ReleaseDag;

  it("tells a service DID that does not match the service at the URL", async () => {
    const c = await storachaCredentials();
    const provider = new StorachaProvider({
      url: server.url,
      serviceDid: "did:web:up.storacha.network",
      key: c.key,
      keyFrom: "env:STORACHA_KEY",
      proof: { env: "STORACHA_PROOF", value: c.proof },
    });
    const release = { id: "m", version: "1.0.0" } as Parameters<StorachaProvider["state"]>[0];
    await expect(provider.state(release, dag, context())).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringContaining(
        `the service at ${server.url} is not did:web:up.storacha.network`,
      ),
    });
  });

  it("retries while the service is unavailable, then gives up with the service's words", async () => {
    const c = await storachaCredentials();
    const provider = new StorachaProvider({
      url: server.url,
      serviceDid: server.did,
      key: c.key,
      keyFrom: "env:STORACHA_KEY",
      proof: { env: "STORACHA_PROOF", value: c.proof },
    });
    const release = { id: "m", version: "1.0.0" } as Parameters<StorachaProvider["state"]>[0];
    const ctx = context();
    server.unavailable(2);
    expect(await provider.state(release, dag, ctx)).toEqual({ content: false, root: false });
    expect(ctx.retries).toEqual(["HTTP 503", "HTTP 503"]);
    server.unavailable(10);
    await expect(provider.readBack(release, dag, context())).rejects.toMatchObject({
      code: "REMOTE_FAILED",
      message: expect.stringMatching(
        new RegExp(
          `storacha ${server.url} \\(space ${c.space}\\): looking up the upload bafkqaaa failed \\(HTTP 503\\)`,
        ),
      ),
    });
    server.unavailable(0);
    expect(await provider.readBack(release, dag, context())).toEqual([
      expect.objectContaining({ incomplete: true }),
    ]);
    expect(storachaVerdict(new Error("upload failed: 502"))).toEqual({
      retry: true,
      reason: "HTTP 502",
    });
    expect(storachaVerdict(new Error("upload failed: 400"))).toEqual({ retry: false });
  });
});
