import type { DagDirectory } from "../formats/unixfs-dag.js";
import type { ReleaseManifest, SignedManifest } from "../manifest/types.generated.js";
import type { RetryPolicy } from "./retry.js";
import type { Secrets } from "./secrets.js";
/** The three kinds of destination, as `--to` names them. */
export type DestinationName = "hf" | "gcs" | "ipfs";
/** One file of a signed release as the destinations upload it. */
export interface ReleaseFile {
    /** Release path, relative with `/`. */
    path: string;
    size: number;
    /** Hex SHA-256 of exactly the bytes that are uploaded. */
    sha256: string;
    /** Artifacts go up first; the two manifests last, the signature very last (commit point). */
    kind: "artifact" | "manifest" | "signature";
    /** Where the bytes are read from: the file on disk, or bytes made for publishing. */
    source: {
        file: string;
    } | {
        bytes: Uint8Array;
    };
    /** For variants published on their own Hub branch: the variant's scheme. */
    variant?: string;
}
/** A signed release ready to go out, checked against its signature. */
export interface PublishableRelease {
    dir: string;
    id: string;
    version: string;
    /** Artifacts in path order, then manifest.json, then manifest.sig.json. */
    files: ReleaseFile[];
    signed: SignedManifest;
    /** manifest.json as published (with the IPFS CID when IPFS is a destination). */
    manifest: ReleaseManifest;
    /** The UnixFS directory of the signed files, when IPFS is configured (its CID is in manifest.json). */
    ipfsContent?: DagDirectory;
}
/** What a destination would do with one file. */
export interface PlannedFile {
    path: string;
    size: number;
    /** Where the file ends up. */
    url: string;
    action: "upload" | "skip";
}
/** A destination's plan: every file with its fate, and whether the version is already there. */
export interface DestinationPlan {
    destination: DestinationName;
    /** A short name of the place, e.g. `hf:org/model@main`, `gs://bucket/models/id/v1.0.0`. */
    target: string;
    files: PlannedFile[];
    /** The version is completely published there already (a re-run is a no-op). */
    published: boolean;
    /** Other steps (create the repository, tag, pin, update index.json). */
    steps: string[];
}
/** What a destination did. */
export interface Receipt {
    destination: DestinationName;
    target: string;
    /** Where people fetch the release from. */
    url: string;
    uploaded: string[];
    skipped: string[];
    bytesUploaded: number;
    /** Commit, tag, CIDs, object generations: whatever names the published state. */
    details: Record<string, string>;
}
/** One thing read-back found wrong. */
export interface ReadBackProblem {
    path?: string;
    message: string;
    /** The signed manifest (the commit point) is not there: the release does not exist yet. */
    incomplete?: boolean;
}
/** What reading the published release back found. */
export interface ReadBackReport {
    destination: DestinationName;
    target: string;
    ok: boolean;
    /** The signed manifest is missing there: the release does not exist at that destination. */
    incomplete: boolean;
    /** Files whose remote hash was checked. */
    checked: number;
    problems: ReadBackProblem[];
}
/** Progress of a publish, for front ends. */
export type PublishEvent = {
    type: "plan";
    plan: DestinationPlan;
} | {
    type: "destination-start";
    destination: DestinationName;
    target: string;
} | {
    type: "file";
    destination: DestinationName;
    path: string;
    action: "uploaded" | "skipped";
    bytes: number;
} | {
    type: "progress";
    destination: DestinationName;
    path: string;
    done: number;
    total: number;
} | {
    type: "retry";
    destination: DestinationName;
    what: string;
    attempt: number;
    delayMs: number;
    reason: string;
} | {
    type: "log";
    level: "info" | "warning";
    message: string;
} | {
    type: "destination-end";
    destination: DestinationName;
    ok: boolean;
    message?: string;
} | {
    type: "verified";
    report: ReadBackReport;
};
/** What every destination call gets: cancellation, the retry policy, events, and the secrets. */
export interface PublishContext {
    signal?: AbortSignal;
    retry: RetryPolicy;
    emit: (event: PublishEvent) => void;
    secrets: Secrets;
}
/** Looks at the remote state and decides, file by file; writes nothing. */
export interface Planner {
    plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan>;
    /**
     * Where every file would go, without asking the remote (a pull request's check has no
     * credentials): every file is an upload and the steps say the remote was not consulted.
     */
    localPlan(release: PublishableRelease): DestinationPlan;
}
/** The step a plan made without the remote names first. */
export declare const NOT_CONSULTED = "remote state not checked (a plan without credentials)";
/** Carries out a plan: artifacts first, the signed manifest last. */
export interface Uploader {
    upload(release: PublishableRelease, plan: DestinationPlan, context: PublishContext): Promise<Receipt>;
}
/** Reads the published release back and checks it against the signed manifest. */
export interface ReadBack {
    verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport>;
}
/**
 * A place a release is published to: plan → upload → verify by reading back. A re-run of a
 * published version plans nothing; a different release under the same version is refused by
 * `plan` (a `VERIFY_FAILED` error) before anything is written anywhere.
 */
export interface Destination extends Planner, Uploader, ReadBack {
    readonly name: DestinationName;
    /** Called once before planning, with the release; IPFS computes its CIDs here. */
    prepare?(release: PublishableRelease, context: PublishContext): Promise<void>;
}
