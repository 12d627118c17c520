import type { AuthoredManifest, ReleaseManifest } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
import { compareUtf8, merkleRoot } from "../sign/merkle.js";

export interface ReleaseManifestInput {
  authored: AuthoredManifest;
  version: string;
  /** Every file of the release but the two manifests, hashed. */
  artifacts: readonly (Artifact & { sha256: string })[];
  timestamp: string;
  training?: Record<string, number | string | boolean>;
  /** One entry per built variant, with its size, compression and error figures. */
  variants?: NonNullable<ReleaseManifest["optimization"]>["variants"];
}

/** Where a release of this model will be, by the layouts the destinations use. */
function distributionOf(
  authored: AuthoredManifest,
  version: string,
): ReleaseManifest["distribution"] {
  const { gcs, huggingface } = authored.destinations ?? {};
  const locations: NonNullable<ReleaseManifest["distribution"]>["mirrors"] = [];
  if (gcs) {
    const prefix = gcs.prefix ? `${gcs.prefix}/` : "";
    const base = gcs.publicBaseUrl ?? `https://storage.googleapis.com/${gcs.bucket}`;
    locations.push({
      type: "gcs",
      baseUrl: `${base.replace(/\/$/, "")}/${prefix}${authored.id}/v${version}/`,
    });
  }
  if (huggingface) {
    locations.push({ type: "huggingface", repo: huggingface.repo, revision: `v${version}` });
  }
  if (locations.length === 0) return undefined;
  const [primary, ...mirrors] = locations;
  return { primary, ...(mirrors.length > 0 ? { mirrors } : {}) };
}

/**
 * manifest.json as `build` writes it (seed 003 §4.4 shape): the model's identity from the
 * authored manifest, every file keyed by its path with size and SHA-256, the Merkle root and the
 * timestamp. `sign` later checks and completes it; nothing in it depends on the clock.
 */
export function releaseManifestOf(input: ReleaseManifestInput): ReleaseManifest {
  const { authored, version } = input;
  const files = [...input.artifacts].sort((a, b) => compareUtf8(a.path, b.path));
  const artifacts: ReleaseManifest["artifacts"] = {};
  for (const file of files) {
    artifacts[file.path] = {
      filename: file.path,
      size: file.size,
      sha256: file.sha256,
      format: file.format,
      ...(file.variant ? { variant: file.variant } : {}),
    };
  }
  const distribution = distributionOf(authored, version);
  const manifest: ReleaseManifest = {
    id: authored.id,
    name: authored.name,
    version,
    type: authored.type,
    ...(authored.family ? { family: authored.family } : {}),
    ...(authored.description ? { description: authored.description.trim() } : {}),
    ...(authored.architecture ? { architecture: { ...authored.architecture } } : {}),
    ...(input.variants && input.variants.length > 0
      ? { optimization: { variants: input.variants } }
      : {}),
    artifacts,
    merkleRoot: merkleRoot(files),
    timestamp: input.timestamp,
    ...(distribution ? { distribution } : {}),
    ...(authored.requirements ? { requirements: authored.requirements } : {}),
    ...(authored.adapters ? { adapters: authored.adapters } : {}),
    ...(input.training && Object.keys(input.training).length > 0
      ? { training: input.training }
      : {}),
    license: authored.license,
    ...(authored.homepage ? { homepage: authored.homepage } : {}),
    publishedAt: input.timestamp,
    ...(authored.signing ? { publishedBy: authored.signing.keyId } : {}),
  };
  return manifest;
}
