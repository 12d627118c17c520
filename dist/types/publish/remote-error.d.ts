import { ModelPublishError } from "../errors.js";
import type { RetryVerdict } from "./retry.js";
/** HTTP statuses that say "try again later" rather than "you asked for something wrong". */
export declare const TRANSIENT_STATUSES: ReadonlySet<number>;
/** The HTTP status a client library put on an error, whatever it calls the field. */
export declare function statusOf(error: unknown): number | undefined;
/** Whether an error (or one of its causes) is a broken connection rather than an answer. */
export declare function isNetworkError(error: unknown): boolean;
/** The retry verdict for a failed call to any of the services: transient statuses and resets. */
export declare function transientVerdict(error: unknown): RetryVerdict;
/** A short, single-line account of an error for a message. */
export declare function errorText(error: unknown): string;
/**
 * The error a destination throws when its service keeps failing (exit 3): what was being done,
 * where, the service's own words, and what the user can do.
 */
export declare function remoteFailed(target: string, what: string, error: unknown, fix?: string): ModelPublishError;
