import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Destination, DestinationName } from "./destination.js";
import { GcsDestination, type GcsOptions } from "./gcs.js";
import { HuggingFaceDestination, type HuggingFaceOptions } from "./huggingface.js";
import { IpfsDestination } from "./ipfs.js";
import { KuboProvider } from "./ipfs-kubo.js";
import { PinningProvider } from "./ipfs-pinning.js";
import type { IpfsProvider } from "./ipfs-provider.js";
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

/** Secret-looking variables whose values must never show, whatever the manifest names. */
function environmentSecrets(env: NodeJS.ProcessEnv, manifest: AuthoredManifest): Secrets {
  const secrets = new Secrets();
  for (const [name, value] of Object.entries(env)) {
    if (/(TOKEN|SECRET|PASSWORD|PASSPHRASE|API_KEY|PRIVATE_KEY|SIGNING_KEY)$/i.test(name))
      secrets.add(value);
  }
  for (const name of HUB_TOKEN_VARIABLES) secrets.add(env[name]);
  const key = manifest.signing?.key;
  if (key?.startsWith("env:") === true) secrets.add(env[key.slice(4)]);
  for (const provider of manifest.destinations?.ipfs?.providers ?? []) {
    if (provider.tokenEnv !== undefined) secrets.add(env[provider.tokenEnv]);
  }
  return secrets;
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
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `${where}: Storacha is not supported in this version (its client, @storacha/client, speaks UCAN invocations that are not implemented here); pin through a Kubo node or an IPFS Pinning Service instead`,
        );
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
        hubUrl: (env.HF_ENDPOINT?.trim() || "https://huggingface.co").replace(/\/+$/, ""),
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
    const emulator = env.STORAGE_EMULATOR_HOST?.trim();
    const projectId = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
    destinations.push(
      new GcsDestination({
        bucket: gcs.bucket,
        prefix: gcs.prefix ?? "",
        ...(gcs.publicBaseUrl === undefined ? {} : { publicBaseUrl: gcs.publicBaseUrl }),
        ...(emulator === undefined || emulator === ""
          ? {}
          : {
              // The client library reads this variable too, as a base URL that may end in
              // /storage/v1; the endpoint we pass is the host alone, so both agree.
              apiEndpoint: (/^https?:\/\//.test(emulator)
                ? emulator
                : `http://${emulator}`
              ).replace(/\/storage\/v1\/?$/, ""),
            }),
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
