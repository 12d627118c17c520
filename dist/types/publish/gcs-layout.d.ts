/** Where a release goes in a bucket (PRODUCT.md "GCS layout") and how its objects are served. */
export interface GcsLocation {
    bucket: string;
    /** Folder inside the bucket, without slashes at either end; "" for the top. */
    prefix: string;
    /** The CDN URL in front of the bucket; default `https://storage.googleapis.com/{bucket}`. */
    publicBaseUrl?: string;
}
/** `{prefix}/{id}/v{version}` */
export declare function versionFolder(location: GcsLocation, id: string, version: string): string;
/** `{prefix}/{id}/v{version}/{file}` */
export declare function objectName(location: GcsLocation, id: string, version: string, path: string): string;
/** `{prefix}/{id}/latest.json` */
export declare function latestName(location: GcsLocation, id: string): string;
/** `{prefix}/index.json` */
export declare function indexName(location: GcsLocation): string;
/** The public URL of an object. */
export declare function publicUrl(location: GcsLocation, name: string): string;
/** A published version never changes: caches may keep it for a year. */
export declare const IMMUTABLE = "public, max-age=31536000, immutable";
/** latest.json and index.json change with every release: a minute at most. */
export declare const SHORT_LIVED = "public, max-age=60, must-revalidate";
/** Content-Type by extension; weights are opaque bytes (and are never gzipped). */
export declare function contentType(path: string): string;
