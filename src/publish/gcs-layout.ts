/** Where a release goes in a bucket (PRODUCT.md "GCS layout") and how its objects are served. */

export interface GcsLocation {
  bucket: string;
  /** Folder inside the bucket, without slashes at either end; "" for the top. */
  prefix: string;
  /** The CDN URL in front of the bucket; default `https://storage.googleapis.com/{bucket}`. */
  publicBaseUrl?: string;
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== "").join("/");
}

/** `{prefix}/{id}/v{version}` */
export function versionFolder(location: GcsLocation, id: string, version: string): string {
  return join(location.prefix, id, `v${version}`);
}

/** `{prefix}/{id}/v{version}/{file}` */
export function objectName(
  location: GcsLocation,
  id: string,
  version: string,
  path: string,
): string {
  return join(versionFolder(location, id, version), path);
}

/** `{prefix}/{id}/latest.json` */
export function latestName(location: GcsLocation, id: string): string {
  return join(location.prefix, id, "latest.json");
}

/** `{prefix}/index.json` */
export function indexName(location: GcsLocation): string {
  return join(location.prefix, "index.json");
}

/** The public URL of an object. */
export function publicUrl(location: GcsLocation, name: string): string {
  const base = (
    location.publicBaseUrl ?? `https://storage.googleapis.com/${location.bucket}`
  ).replace(/\/$/, "");
  return `${base}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** A published version never changes: caches may keep it for a year. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** latest.json and index.json change with every release: a minute at most. */
export const SHORT_LIVED = "public, max-age=60, must-revalidate";

const TYPES: Record<string, string> = {
  json: "application/json",
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  safetensors: "application/octet-stream",
  gguf: "application/octet-stream",
  onnx: "application/octet-stream",
  bin: "application/octet-stream",
  model: "application/octet-stream",
};

/** Content-Type by extension; weights are opaque bytes (and are never gzipped). */
export function contentType(path: string): string {
  const ext = path.includes(".") ? (path.split(".").at(-1) ?? "").toLowerCase() : "";
  return TYPES[ext] ?? "application/octet-stream";
}
