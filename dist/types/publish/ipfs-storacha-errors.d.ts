import type { RetryVerdict } from "./retry.js";
/** The name of the UCAN failure behind an error (`Unauthorized`, `UploadNotFound`, …). */
export declare function failureName(error: unknown): string | undefined;
/** The messages along the chain, for an error text: the client's own, then the service's. */
export declare function failureText(error: unknown): string;
/** Retry on transient HTTP statuses and lost connections, wherever in the chain they are. */
export declare function storachaVerdict(error: unknown): RetryVerdict;
/** Where the provider stands, for messages. */
export interface StorachaWhere {
    label: string;
    space: string;
    agent: string;
    serviceDid: string;
    url: string;
    proofFrom: string;
    delegation: string;
}
/** The error a failed step ends with: refusals explained with their fix, the rest exit 3. */
export declare function storachaFailure(where: StorachaWhere, what: string, error: unknown): Error;
