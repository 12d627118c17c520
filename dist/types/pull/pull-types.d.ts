import type { DestinationName } from "../publish/destination.js";
/** How trying one source ended. */
export type AttemptOutcome = 
/** The release came from here. */
"pulled"
/** No signed manifest there: the release is not (completely) published there. */
 | "incomplete"
/** What it serves does not match the signed manifest, or the signature is not the trusted one. */
 | "refused"
/** The service kept failing (after retries), or could not be reached. */
 | "failed"
/** It could not be tried (an IPFS source whose CID no other source could tell). */
 | "skipped";
/** One source tried, in order. */
export interface SourceAttempt {
    source: DestinationName;
    target: string;
    outcome: AttemptOutcome;
    /** Why it was not used; absent when pulled. */
    message?: string;
    /** The release file at fault, when one is. */
    path?: string;
    /** Files fetched from this source, and their bytes. */
    downloaded: number;
    bytesDownloaded: number;
    /** Files taken from the cache (verified again) instead. */
    cached: number;
}
/** Progress of a pull, for front ends. Nothing in it carries a secret. */
export type PullEvent = {
    type: "source-start";
    source: DestinationName;
    target: string;
} | {
    type: "file";
    source: DestinationName;
    path: string;
    action: "downloaded" | "cached";
    bytes: number;
} | {
    type: "progress";
    source: DestinationName;
    path: string;
    done: number;
    total: number;
} | {
    type: "retry";
    source: DestinationName;
    what: string;
    attempt: number;
    delayMs: number;
    reason: string;
} | {
    type: "log";
    level: "info" | "warning";
    message: string;
} | {
    type: "source-end";
    attempt: SourceAttempt;
};
/** What a pull did. */
export interface PullResult {
    /** The output folder holds the verified release. */
    ok: boolean;
    /** The output folder (absolute). It exists only when `ok`. */
    dir: string;
    id?: string;
    version?: string;
    keyId?: string;
    merkleRoot?: string;
    timestamp?: string;
    /** The source the release came from. */
    source?: {
        name: DestinationName;
        target: string;
    };
    /** Signed files in the release, and their bytes (the two manifests not counted). */
    files: number;
    bytes: number;
    /** Every source tried, in order, with why it was or was not used. */
    attempts: SourceAttempt[];
}
