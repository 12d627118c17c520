import type { CID } from "multiformats/cid";
import type { BlockSink, DagBlock } from "./unixfs-dag.js";
/**
 * The CAR of the blocks `produce` gives to its sink, with `roots` in the header, as a stream of
 * bytes. Memory stays at a block or two: `produce` waits until the bytes are taken.
 */
export declare function writeCar(roots: readonly CID[], produce: (sink: BlockSink) => Promise<void>): AsyncGenerator<Uint8Array>;
/** Whether `bytes` hash to the digest in `cid` (SHA-256 CIDs only: the only kind releases use). */
export declare function blockMatches(cid: CID, bytes: Uint8Array): Promise<boolean>;
/** The CIDs a block links to (dag-pb); raw blocks link to nothing. */
export declare function blockLinks(cid: CID, bytes: Uint8Array): CID[];
/** What a trustless read of a CAR found. */
export interface CarCheck {
    roots: CID[];
    blocks: number;
    bytes: number;
    /** Blocks whose bytes do not hash to their CID. */
    corrupt: string[];
    /** Blocks the DAG under `root` links to that the CAR did not carry. */
    missing: string[];
    /** Whether the root itself was in the CAR. */
    hasRoot: boolean;
}
/**
 * Reads a CAR and checks it against `root` without trusting the sender: every block's bytes must
 * hash to its CID, and every block the DAG under `root` links to must be present.
 */
export declare function checkCar(stream: AsyncIterable<Uint8Array>, root: CID, onBlock?: (block: DagBlock) => void): Promise<CarCheck>;
