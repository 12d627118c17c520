import { CID } from "multiformats/cid";
import { ModelPublishError } from "../errors.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { DestinationName } from "../publish/destination.js";
import { versionFolder } from "../publish/gcs-layout.js";

/** Where a release is, as the user named it (a URL) or the authored manifest configures it. */
export type SourceSpec =
  | { kind: "gcs"; bucket: string; folder: string }
  /** Without a CID, the release's content CID is read from manifest.json as another source has it. */
  | { kind: "ipfs"; cid?: string; gateways: string[] }
  | { kind: "hf"; repo: string; revision: string };

/** The order sources named by an authored manifest are tried in: the CDN, then IPFS, then the Hub. */
export const DEFAULT_ORDER: readonly DestinationName[] = ["gcs", "ipfs", "hf"];

function usage(message: string): ModelPublishError {
  return new ModelPublishError("USAGE", `pull: ${message}`);
}

function specName(spec: SourceSpec): DestinationName {
  return spec.kind;
}

function parseGs(rest: string, text: string): SourceSpec {
  const [bucket = "", ...parts] = rest.split("/");
  const folder = parts.filter((p) => p !== "").join("/");
  if (!/^[a-z0-9][a-z0-9._-]{1,220}$/.test(bucket) || folder === "") {
    throw usage(
      `${text}: give the version folder, as publish prints it: gs://BUCKET/PREFIX/ID/vVERSION/`,
    );
  }
  return { kind: "gcs", bucket, folder };
}

function parseIpfs(rest: string, text: string): SourceSpec {
  const cid = rest.replace(/\/+$/, "");
  try {
    return { kind: "ipfs", cid: CID.parse(cid).toString(), gateways: [] };
  } catch {
    throw usage(
      `${text}: "${cid}" is not a CID; give the release root publish prints: ipfs://bafy…`,
    );
  }
}

function parseHf(rest: string, text: string, version: string | undefined): SourceSpec {
  const at = rest.indexOf("@");
  const repo = (at < 0 ? rest : rest.slice(0, at)).replace(/\/+$/, "");
  const revision = at < 0 ? (version === undefined ? "" : `v${version}`) : rest.slice(at + 1);
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw usage(`${text}: give the repository as hf://OWNER/NAME@vVERSION`);
  }
  if (revision === "") {
    throw usage(`${text}: say which release: hf://${repo}@vVERSION, or --version VERSION`);
  }
  return { kind: "hf", repo, revision };
}

/**
 * A source named by URL: `gs://bucket/prefix/id/v1.2.0/` (the version folder), `ipfs://<root
 * CID>` (the release root that publish prints), `hf://owner/name@v1.2.0` (a revision; without
 * `@`, the tag `v{version}`). Undefined for anything else (a manifest path).
 */
export function parseSourceUrl(text: string, version?: string): SourceSpec | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text.trim());
  if (match === null) return undefined;
  const scheme = (match[1] ?? "").toLowerCase();
  const rest = match[2] ?? "";
  if (scheme === "gs") return parseGs(rest, text);
  if (scheme === "ipfs") return parseIpfs(rest, text);
  if (scheme === "hf") return parseHf(rest, text, version);
  throw usage(`${text}: pull reads gs://, ipfs:// and hf:// sources, or an authored manifest`);
}

/**
 * The sources an authored manifest configures for a version, in the default order (GCS, IPFS,
 * the Hub): its bucket folder, its IPFS gateways, its Hub repository at the tag `v{version}`.
 */
export function manifestSources(manifest: AuthoredManifest, version: string): SourceSpec[] {
  const destinations = manifest.destinations ?? {};
  const specs: SourceSpec[] = [];
  if (destinations.gcs !== undefined) {
    const location = { bucket: destinations.gcs.bucket, prefix: destinations.gcs.prefix ?? "" };
    specs.push({
      kind: "gcs",
      bucket: location.bucket,
      folder: versionFolder(location, manifest.id, version),
    });
  }
  if (destinations.ipfs !== undefined) {
    specs.push({ kind: "ipfs", gateways: [...(destinations.ipfs.gateways ?? [])] });
  }
  if (destinations.huggingface !== undefined) {
    specs.push({ kind: "hf", repo: destinations.huggingface.repo, revision: `v${version}` });
  }
  return orderSources(specs, DEFAULT_ORDER);
}

/** Parses `--from gcs,ipfs,hf`. */
export function parseOrder(text: string): DestinationName[] {
  const names = text
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  for (const name of names) {
    if (!DEFAULT_ORDER.includes(name as DestinationName)) {
      throw usage(
        `--from takes gcs, ipfs, hf (comma-separated, in the order to try), got "${name}"`,
      );
    }
  }
  if (names.length === 0) throw usage("--from names no source");
  return names as DestinationName[];
}

/** Keeps the sources of the kinds named, ordered as named (stable within a kind). */
export function orderSources(
  specs: readonly SourceSpec[],
  order: readonly DestinationName[],
): SourceSpec[] {
  return order.flatMap((name) => specs.filter((spec) => specName(spec) === name));
}
