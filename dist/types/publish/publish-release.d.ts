import { type ErrorCode } from "../errors.js";
import type { Destination, DestinationName, DestinationPlan, PublishEvent, ReadBackReport, Receipt } from "./destination.js";
import { type RetryPolicy } from "./retry.js";
import { Secrets } from "./secrets.js";
export interface PublishOptions {
    /** A release folder after `build` and `sign`. */
    dir: string;
    destinations: Destination[];
    /** Plan only: read the remote state, write nothing anywhere. */
    dryRun?: boolean;
    /** Plan without asking any remote (implies `dryRun`): where every file would go. */
    offline?: boolean;
    /** Read every destination back after uploading (default true). */
    verify?: boolean;
    /** Put the IPFS content CID into manifest.json (whenever IPFS is configured, selected or not). */
    ipfs?: {
        gateways: readonly string[];
    };
    /** The base64 public key the release must be signed with. */
    publicKey?: string;
    retry?: Partial<RetryPolicy>;
    signal?: AbortSignal;
    /** Values never to print; every message and event is redacted with them. */
    secrets?: Secrets;
    onEvent?: (event: PublishEvent) => void;
}
/** A destination that could not be finished. */
export interface PublishFailure {
    destination: DestinationName;
    code: ErrorCode;
    message: string;
}
export interface PublishResult {
    id: string;
    version: string;
    dryRun: boolean;
    plans: DestinationPlan[];
    receipts: Receipt[];
    reports: ReadBackReport[];
    failures: PublishFailure[];
    /** Every destination finished and read back without a problem. */
    ok: boolean;
}
/**
 * Publishes a signed release: reads it (checking it against its signature), plans every
 * destination — a different release already published under this version is refused before
 * anything is written anywhere — then uploads to each (artifacts first, the signed manifest
 * last) and reads each back. A destination that fails after retries does not stop the others; a
 * re-run finishes what is missing. Nothing that leaves here carries a known secret.
 */
export declare function publishRelease(options: PublishOptions): Promise<PublishResult>;
/**
 * Reads what is published back without uploading anything: for `verify` of a published release.
 * A destination without the signed manifest reports `incomplete`.
 */
export declare function verifyPublished(options: Omit<PublishOptions, "dryRun" | "verify">): Promise<ReadBackReport[]>;
