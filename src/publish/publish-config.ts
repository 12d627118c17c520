import { resolve } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Destination, DestinationName } from "./destination.js";
import { GcsDestination, type GcsOptions } from "./gcs.js";
import { HuggingFaceDestination, type HuggingFaceOptions } from "./huggingface.js";
import { IpfsDestination } from "./ipfs.js";
import { KuboProvider } from "./ipfs-kubo.js";
import { PinningProvider } from "./ipfs-pinning.js";
import type { IpfsProvider } from "./ipfs-provider.js";
import { STORACHA_DID, STORACHA_URL, StorachaProvider } from "./ipfs-storacha.js";
import { Secrets } from "./secrets.js";

/** The token variables of the Hub, in the order they are tried (seed 000 §3). */
export const HUB_TOKEN_VARIABLES = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_API_KEY",
] as const;

export const DESTINATION_NAMES: readonly DestinationName[] = ["hf", "gcs", "ipfs"];

/** Settings tests and embedders may pass on top of what the manifest and environment say. */
export interface DestinationOverrides {
  hf?: Partial<HuggingFaceOptions>;
  gcs?: Partial<GcsOptions>;
  pinning?: { pollMs?: number; timeoutMs?: number };
}

export interface DestinationConfig {
  /** The authored manifest: its `destinations`, `variants` and `signing`. */
  manifest: AuthoredManifest;
  env: NodeJS.ProcessEnv;
  /** Only these (`--to`); default every configured one. */
  only?: readonly DestinationName[];
  overrides?: DestinationOverrides;
}

export interface ConfiguredDestinations {
  destinations: Destination[];
  /** Every token and key value of the environment, never to be printed. */
  secrets: Secrets;
  /** Set when IPFS is configured: its CID then goes into manifest.json on every destination. */
  ipfs?: { gateways: string[] };
  publicKey?: string;
}

/** The Hub token: HF_TOKEN, then HUGGING_FACE_HUB_TOKEN, then HUGGINGFACE_API_KEY. */
export function hubToken(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of HUB_TOKEN_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

/**
 * Secret-looking variables whose values must never show, whatever the manifest names: every
 * `*TOKEN`, `*SECRET`, `*PASSWORD`, `*API_KEY`, `*PRIVATE_KEY`… variable, the Hub token variables,
 * and the variables the manifest names for its signing key, IPFS provider tokens and Storacha
 * agent key and delegation.
 */
export function environmentSecrets(env: NodeJS.ProcessEnv, manifest?: AuthoredManifest): Secrets {
  const secrets = new Secrets();
  for (const [name, value] of Object.entries(env)) {
    if (/(TOKEN|SECRET|PASSWORD|PASSPHRASE|API_KEY|PRIVATE_KEY|SIGNING_KEY)$/i.test(name))
      secrets.add(value);
  }
  for (const name of HUB_TOKEN_VARIABLES) secrets.add(env[name]);
  const key = manifest?.signing?.key;
  if (key?.startsWith("env:") === true) secrets.add(env[key.slice(4)]);
  for (const provider of manifest?.destinations?.ipfs?.providers ?? []) {
    if (provider.tokenEnv !== undefined) secrets.add(env[provider.tokenEnv]);
    if (provider.type === "storacha") {
      for (const source of [provider.key ?? STORACHA_KEY, provider.proof ?? STORACHA_PROOF]) {
        if (source.startsWith("env:")) secrets.add(env[source.slice(4)]);
      }
    }
  }
  return secrets;
}

/** The Hub's base URL: `HF_ENDPOINT` when set, else https://huggingface.co (no trailing slash). */
export function hubUrlFrom(env: NodeJS.ProcessEnv): string {
  return (env.HF_ENDPOINT?.trim() || "https://huggingface.co").replace(/\/+$/, "");
}

/**
 * The GCS JSON API endpoint of `STORAGE_EMULATOR_HOST` (a host, or a URL that may end in
 * /storage/v1), or undefined for Google's own with application default credentials.
 */
export function gcsEndpointFrom(env: NodeJS.ProcessEnv): string | undefined {
  const emulator = env.STORAGE_EMULATOR_HOST?.trim();
  if (emulator === undefined || emulator === "") return undefined;
  // The client library reads this variable too, as a base URL that may end in /storage/v1; the
  // endpoint we pass is the host alone, so both agree.
  return (/^https?:\/\//.test(emulator) ? emulator : `http://${emulator}`).replace(
    /\/storage\/v1\/?$/,
    "",
  );
}

/** A gateway URL as the multiaddr a pinning service fetches from (`/dns/host/tcp/443/https`). */
export function gatewayMultiaddr(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme !== "http" && scheme !== "https") return undefined;
  const port = parsed.port || (scheme === "https" ? "443" : "80");
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const kind = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? "ip4" : host.includes(":") ? "ip6" : "dns";
  return `/${kind}/${host}/tcp/${port}/${scheme}`;
}

function usage(message: string): ModelPublishError {
  return new ModelPublishError("USAGE", message);
}

/** Where a storacha provider's agent key and delegation come from unless the manifest says. */
const STORACHA_KEY = "env:STORACHA_KEY";
const STORACHA_PROOF = "env:STORACHA_PROOF";

type ProviderSettings = NonNullable<
  NonNullable<AuthoredManifest["destinations"]>["ipfs"]
>["providers"][number];

function isDid(text: string): text is `did:${string}:${string}` {
  return /^did:[a-z0-9]+:\S+$/.test(text);
}

/** A Storacha provider: the agent key and the proof from the variables (or file) it names. */
function storachaProvider(
  env: NodeJS.ProcessEnv,
  provider: ProviderSettings,
  where: string,
): StorachaProvider {
  const keyFrom = provider.key ?? STORACHA_KEY;
  const proofFrom = provider.proof ?? STORACHA_PROOF;
  const variable = (source: string, what: string, fix: string): string => {
    const value = env[source.slice(4)]?.trim();
    if (value === undefined || value === "")
      throw usage(`${where}: ${source.slice(4)} (${what}) is not set; ${fix}`);
    return value;
  };
  const key = variable(
    keyFrom,
    "the Storacha agent key",
    "set it, as a secret, to the private key `storacha key create` prints, or name another variable with key: env:NAME",
  );
  const proof = proofFrom.startsWith("env:")
    ? {
        env: proofFrom.slice(4),
        value: variable(
          proofFrom,
          "the space's delegation to the agent",
          "set it to what `storacha delegation create <agent DID> --can space/blob/add --can space/index/add --can filecoin/offer --can upload/add --can upload/get --base64` prints, or use proof: file:PATH",
        ),
      }
    : { file: resolve(proofFrom.slice(5)) };
  const serviceDid = provider.serviceDid ?? STORACHA_DID;
  if (!isDid(serviceDid)) throw usage(`${where}: serviceDid ${serviceDid} is not a DID`);
  return new StorachaProvider({
    url: provider.url ?? STORACHA_URL,
    serviceDid,
    key,
    keyFrom,
    proof,
    ...(provider.space === undefined ? {} : { space: provider.space }),
  });
}

function ipfsProviders(config: DestinationConfig, gateways: readonly string[]): IpfsProvider[] {
  const origins = gateways.map(gatewayMultiaddr).filter((a): a is string => a !== undefined);
  return (config.manifest.destinations?.ipfs?.providers ?? []).map((provider, index) => {
    const where = `destinations.ipfs.providers[${index}]`;
    const token =
      provider.tokenEnv === undefined ? undefined : config.env[provider.tokenEnv]?.trim();
    if (provider.tokenEnv !== undefined && (token === undefined || token === "")) {
      throw usage(
        `${where}: the token variable ${provider.tokenEnv} is not set; set it (as a secret) or remove tokenEnv`,
      );
    }
    switch (provider.type) {
      case "kubo":
        return new KuboProvider({
          url: provider.url ?? "http://127.0.0.1:5001",
          ...(token === undefined ? {} : { token }),
        });
      case "pinning-service":
        if (provider.url === undefined)
          throw usage(`${where}: a pinning service needs its API url`);
        if (token === undefined)
          throw usage(
            `${where}: a pinning service needs tokenEnv, the variable holding its access token`,
          );
        return new PinningProvider({
          url: provider.url,
          token,
          origins,
          ...config.overrides?.pinning,
        });
      case "storacha":
        return storachaProvider(config.env, provider, where);
    }
  });
}

/**
 * The destinations a manifest configures, built from it and the environment: the Hub at
 * `HF_ENDPOINT` (default huggingface.co) with the first token of HF_TOKEN /
 * HUGGING_FACE_HUB_TOKEN / HUGGINGFACE_API_KEY; GCS at `STORAGE_EMULATOR_HOST` when set (else
 * Google, with application default credentials); IPFS providers with the tokens their
 * `tokenEnv` names. Unknown or unconfigured `--to` names are usage errors.
 */
export function configureDestinations(config: DestinationConfig): ConfiguredDestinations {
  const { manifest, env } = config;
  const configured = manifest.destinations ?? {};
  const available: Record<DestinationName, boolean> = {
    hf: configured.huggingface !== undefined,
    gcs: configured.gcs !== undefined,
    ipfs: configured.ipfs !== undefined,
  };
  const only = config.only ?? DESTINATION_NAMES.filter((name) => available[name]);
  for (const name of only) {
    if (!available[name]) {
      const key = name === "hf" ? "huggingface" : name;
      throw usage(
        `--to ${name}: the manifest has no destinations.${key} section; add it or leave ${name} out`,
      );
    }
  }
  if (only.length === 0)
    throw usage("the manifest configures no destination; add a destinations section");
  const destinations: Destination[] = [];
  const gateways = configured.ipfs?.gateways ?? [];
  if (only.includes("hf") && configured.huggingface !== undefined) {
    const hf = configured.huggingface;
    const token = hubToken(env);
    const variantBranches = Object.fromEntries(
      (manifest.variants ?? []).flatMap((v) =>
        v.branch === undefined ? [] : [[v.scheme, v.branch]],
      ),
    );
    destinations.push(
      new HuggingFaceDestination({
        repo: hf.repo,
        hubUrl: hubUrlFrom(env),
        ...(token === undefined ? {} : { token }),
        ...(hf.branch === undefined ? {} : { branch: hf.branch }),
        private: hf.private === true,
        variantBranches,
        ...config.overrides?.hf,
      }),
    );
  }
  if (only.includes("gcs") && configured.gcs !== undefined) {
    const gcs = configured.gcs;
    const apiEndpoint = gcsEndpointFrom(env);
    const projectId = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
    destinations.push(
      new GcsDestination({
        bucket: gcs.bucket,
        prefix: gcs.prefix ?? "",
        ...(gcs.publicBaseUrl === undefined ? {} : { publicBaseUrl: gcs.publicBaseUrl }),
        ...(apiEndpoint === undefined ? {} : { apiEndpoint }),
        ...(projectId === undefined ? {} : { projectId }),
        ...config.overrides?.gcs,
      }),
    );
  }
  if (only.includes("ipfs") && configured.ipfs !== undefined) {
    destinations.push(
      new IpfsDestination({ providers: ipfsProviders(config, gateways), gateways: [...gateways] }),
    );
  }
  return {
    destinations,
    secrets: environmentSecrets(env, manifest),
    ...(configured.ipfs === undefined ? {} : { ipfs: { gateways: [...gateways] } }),
    ...(manifest.signing?.publicKey === undefined ? {} : { publicKey: manifest.signing.publicKey }),
  };
}
