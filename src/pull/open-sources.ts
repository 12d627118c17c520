import { gcsEndpointFrom, hubToken, hubUrlFrom } from "../publish/publish-config.js";
import { GatewaySource } from "./gateway-source.js";
import { GcsSource } from "./gcs-source.js";
import { HubSource } from "./hub-source.js";
import type { PullSource } from "./pull-source.js";
import type { SourceSpec } from "./source-spec.js";

/** The public gateway an IPFS source uses when neither the manifest nor `--gateway` names one. */
export const DEFAULT_GATEWAY = "https://ipfs.io";

export interface OpenSourcesOptions {
  /** Endpoints and tokens, as publish reads them: HF_ENDPOINT, HF_TOKEN…, STORAGE_EMULATOR_HOST. */
  env: NodeJS.ProcessEnv;
  /** Gateways for every IPFS source, instead of those the manifest names. */
  gateways?: readonly string[];
}

/**
 * The sources to read, in order. An IPFS source becomes one source per gateway, tried in turn
 * (the manifest's gateways, `gateways` when given, else {@link DEFAULT_GATEWAY}).
 */
export function openSources(
  specs: readonly SourceSpec[],
  options: OpenSourcesOptions,
): PullSource[] {
  const { env } = options;
  return specs.flatMap((spec): PullSource[] => {
    switch (spec.kind) {
      case "gcs": {
        const apiEndpoint = gcsEndpointFrom(env);
        const projectId = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
        return [
          new GcsSource({
            bucket: spec.bucket,
            folder: spec.folder,
            ...(apiEndpoint === undefined ? {} : { apiEndpoint }),
            ...(projectId === undefined ? {} : { projectId }),
          }),
        ];
      }
      case "ipfs": {
        const given = options.gateways ?? [];
        const gateways =
          given.length > 0 ? given : spec.gateways.length > 0 ? spec.gateways : [DEFAULT_GATEWAY];
        return gateways.map((gateway) => new GatewaySource(gateway, spec.cid));
      }
      case "hf": {
        const token = hubToken(env);
        return [
          new HubSource(
            { repo: spec.repo, hubUrl: hubUrlFrom(env), ...(token === undefined ? {} : { token }) },
            spec.revision,
          ),
        ];
      }
    }
  });
}
