import { describe, expect, it } from "@jest/globals";
import { ModelPublishError } from "../../src/errors.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import {
  configureDestinations,
  gatewayMultiaddr,
  hubToken,
} from "../../src/publish/publish-config.js";
import { Secrets } from "../../src/publish/secrets.js";
import { exampleManifest } from "./fixture.js";

async function manifest(destinations: AuthoredManifest["destinations"]): Promise<AuthoredManifest> {
  return { ...(await exampleManifest()), destinations };
}

describe("destination settings from the manifest and the environment", () => {
  it("takes the Hub token from HF_TOKEN, then HUGGING_FACE_HUB_TOKEN, then HUGGINGFACE_API_KEY", () => {
    expect(
      hubToken({ HF_TOKEN: "hf_a", HUGGING_FACE_HUB_TOKEN: "hf_b", HUGGINGFACE_API_KEY: "hf_c" }),
    ).toBe("hf_a");
    expect(
      hubToken({ HF_TOKEN: " ", HUGGING_FACE_HUB_TOKEN: "hf_b", HUGGINGFACE_API_KEY: "hf_c" }),
    ).toBe("hf_b");
    expect(hubToken({ HUGGINGFACE_API_KEY: "hf_c" })).toBe("hf_c");
    expect(hubToken({})).toBeUndefined();
  });

  it("turns gateway URLs into the multiaddrs a pinning service fetches from", () => {
    expect(gatewayMultiaddr("https://ipfs.io")).toBe("/dns/ipfs.io/tcp/443/https");
    expect(gatewayMultiaddr("http://127.0.0.1:8080/")).toBe("/ip4/127.0.0.1/tcp/8080/http");
    expect(gatewayMultiaddr("http://[::1]:8080")).toBe("/ip6/::1/tcp/8080/http");
    expect(gatewayMultiaddr("ftp://x")).toBeUndefined();
    expect(gatewayMultiaddr("not a url")).toBeUndefined();
  });

  it("builds every configured destination, or only those asked for", async () => {
    const m = await manifest({
      huggingface: { repo: "org/model" },
      gcs: { bucket: "models-bucket", prefix: "m" },
      ipfs: { providers: [{ type: "kubo" }], gateways: ["https://ipfs.io"] },
    });
    const all = configureDestinations({
      manifest: m,
      env: { STORAGE_EMULATOR_HOST: "localhost:4443" },
    });
    expect(all.destinations.map((d) => d.name)).toEqual(["hf", "gcs", "ipfs"]);
    expect(all.ipfs).toEqual({ gateways: ["https://ipfs.io"] });
    const some = configureDestinations({ manifest: m, env: {}, only: ["gcs"] });
    expect(some.destinations.map((d) => d.name)).toEqual(["gcs"]);
    // The CID goes into manifest.json even when IPFS is not among the destinations this time.
    expect(some.ipfs).toEqual({ gateways: ["https://ipfs.io"] });
  });

  it("refuses what cannot work, naming the setting", async () => {
    const none = await manifest(undefined);
    expect(() => configureDestinations({ manifest: none, env: {} })).toThrow(
      /configures no destination/,
    );
    const hf = await manifest({ huggingface: { repo: "org/model" } });
    expect(() => configureDestinations({ manifest: hf, env: {}, only: ["ipfs"] })).toThrow(
      /no destinations\.ipfs section/,
    );
    const pinning = await manifest({
      ipfs: { providers: [{ type: "pinning-service", tokenEnv: "PIN_TOKEN" }] },
    });
    expect(() =>
      configureDestinations({ manifest: pinning, env: { PIN_TOKEN: "abcdefgh" } }),
    ).toThrow(/needs its API url/);
    const noToken = await manifest({
      ipfs: { providers: [{ type: "pinning-service", url: "https://pin.example" }] },
    });
    expect(() => configureDestinations({ manifest: noToken, env: {} })).toThrow(/needs tokenEnv/);
    const storacha = await manifest({ ipfs: { providers: [{ type: "storacha" }] } });
    const error = (() => {
      try {
        configureDestinations({ manifest: storacha, env: {} });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ModelPublishError);
    expect(error).toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/STORACHA_KEY \(the Storacha agent key\) is not set/),
    });
  });

  it("collects the environment's secrets: tokens, provider tokens, the signing key", async () => {
    const m = await manifest({ ipfs: { providers: [{ type: "kubo", tokenEnv: "KUBO_AUTH" }] } });
    const { secrets } = configureDestinations({
      manifest: m,
      env: {
        HF_TOKEN: "hf_secret_value",
        KUBO_AUTH: "kubo-auth-value",
        MODEL_SIGNING_KEY: "c2lnbmluZyBrZXk=",
        GITHUB_TOKEN: "ghp_abcdef",
        HOME: "/home/runner",
      },
    });
    expect(
      secrets.redact("hf_secret_value kubo-auth-value c2lnbmluZyBrZXk= ghp_abcdef /home/runner"),
    ).toBe("*** *** *** *** /home/runner");
  });
});

describe("secrets", () => {
  it("masks every known value, whole, and in encoded form, and ignores short ones", () => {
    const secrets = new Secrets()
      .add("abc")
      .add("token/with+chars")
      .add("token/with+chars-longer")
      .add(undefined);
    expect(secrets.redact("abc token/with+chars-longer token%2Fwith%2Bchars")).toBe("abc *** ***");
    const error = secrets.redactError(
      new ModelPublishError("REMOTE_FAILED", "bad token/with+chars", { cause: new Error("x") }),
    );
    expect(error).toMatchObject({ code: "REMOTE_FAILED", message: "bad ***" });
    expect(error.cause).toBeUndefined();
    expect(secrets.redactError("plain token/with+chars").message).toBe("plain ***");
    expect(secrets.redactValue({ a: ["token/with+chars"] })).toEqual({ a: ["***"] });
    expect(new Secrets().merge(secrets).redact("token/with+chars")).toBe("***");
  });
});
