import type { PublishableRelease, ReadBackProblem, ReleaseFile } from "./destination.js";
import { type RemoteObject } from "./gcs-upload.js";
import type { ObjectHashes } from "./object-hashes.js";
/**
 * Checks the objects of a version folder against the release: each file present, with the size,
 * MD5 and CRC-32C the server computed equal to the local file's. Without manifest.sig.json the
 * release is incomplete there.
 */
export declare function compareObjects(release: PublishableRelease, remote: ReadonlyMap<string, RemoteObject>, hashesOf: (file: ReleaseFile) => Promise<ObjectHashes>, nameOf: (path: string) => string): Promise<{
    problems: ReadBackProblem[];
    checked: number;
}>;
