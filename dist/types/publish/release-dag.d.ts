import { type DagBlock, type DagDirectory, type DagSource } from "../formats/unixfs-dag.js";
import type { PublishableRelease, ReleaseFile } from "./destination.js";
/**
 * A release as IPFS DAGs. `content` is the directory of the signed files (its CID goes into
 * manifest.json, which cannot name a directory that holds itself); `root` is that directory plus
 * manifest.json and manifest.sig.json, the whole release folder as `ipfs add -r --cid-version=1`
 * gives it. Both are pinned; the root goes last (commit point).
 */
export interface ReleaseDag {
    content: DagDirectory;
    root: DagDirectory;
    /** The blocks of the two manifests (small: kept in memory). */
    manifestBlocks: DagBlock[];
}
/** A file's bytes as the importer reads them, from disk or memory. */
export declare function dagSource(file: ReleaseFile): DagSource;
/** Computes the content directory of the signed files (hashing them; no blocks are kept). */
export declare function contentDirectory(files: readonly ReleaseFile[]): Promise<DagDirectory>;
/** The release DAG: the content directory known, the manifests imported and linked in. */
export declare function releaseDag(release: PublishableRelease): Promise<ReleaseDag>;
/** The CAR of the signed files and the content directory (roots: the content CID). */
export declare function contentCar(release: PublishableRelease, dag: ReleaseDag): AsyncGenerator<Uint8Array>;
/**
 * The whole release as one CAR: the artifacts' blocks and the content directory, then the
 * manifests and the release root directory. `root` is the CID its header names: the release
 * root for a file people import, the content directory where a service registers the CAR's root
 * first and the release root after it.
 */
export declare function releaseCar(release: PublishableRelease, dag: ReleaseDag, root?: "release" | "content"): AsyncGenerator<Uint8Array>;
/** The CAR of the two manifests and the release root directory (roots: the release CID). */
export declare function rootCar(dag: ReleaseDag): AsyncGenerator<Uint8Array>;
