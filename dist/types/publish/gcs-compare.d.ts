import type { ReleaseFile } from "./destination.js";
import type { ObjectHashes } from "./object-hashes.js";
import { type RemoteObject } from "./gcs-upload.js";
/**
 * What in a version folder is not this release: an object with other bytes than the file of the
 * same path, or an object the release has no file for. Local hashes are computed only for
 * objects that carry no checksum to compare.
 */
export declare function folderDifferences(remote: ReadonlyMap<string, RemoteObject>, files: readonly ReleaseFile[], hashesOf: (file: ReleaseFile) => Promise<ObjectHashes>): Promise<string[]>;
