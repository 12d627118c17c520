import { type GitHubCallOptions, type GitHubClient, type PullRequestRef } from "./github-client.js";
/**
 * Intended regressions, accepted on a pull request by a label (`bench-accept` for every metric,
 * `bench-accept:<metric>[,<metric>]` for some) or by a commit trailer in one of its commits
 * (`Bench-Accept: <metric>[, <metric>]`, `*` for every metric). The metric is a name
 * (`latency_p50`) or a name with its variant (`latency_p50 [onnx-int8]`), as the report shows it.
 */
export declare const ACCEPT_LABEL = "bench-accept";
export declare const ACCEPT_TRAILER = "Bench-Accept";
/** Stands for every metric. */
export declare const ALL_METRICS = "*";
export interface Acceptance {
    /** The metric accepted, or `*` for every metric. */
    metric: string;
    via: "label" | "trailer";
    /** The label as written, for `via: "label"`. */
    label?: string;
    /** The commit carrying the trailer, for `via: "trailer"`. */
    commit?: string;
}
export interface AcceptanceInput {
    labels: readonly string[];
    commits: readonly {
        sha: string;
        message: string;
    }[];
}
export interface AcceptanceOptions {
    /**
     * Whether commit trailers count (default true). Anyone who can push to the pull request can
     * write a trailer, while labels need triage access: turn trailers off where that matters.
     */
    trailers?: boolean;
}
/**
 * The trailers of a commit message as git reads them: the last paragraph, when it is not the
 * subject and every line of it is `Token: value` (lines starting with a space continue the one
 * before).
 */
export declare function commitTrailers(message: string): {
    token: string;
    value: string;
}[];
/** The acceptances a pull request's labels and commit messages carry, labels first. */
export declare function acceptancesFrom(input: AcceptanceInput, options?: AcceptanceOptions): Acceptance[];
/** Where an acceptance came from, as the report shows it. */
export declare function describeAcceptance(acceptance: Acceptance): string;
/**
 * Acceptances as the gate takes them: metric (or `*`) → where it was accepted. The first one
 * for a metric wins, so a label is named before a trailer.
 */
export declare function acceptanceMap(acceptances: readonly Acceptance[]): Map<string, string>;
/** Reads a pull request's labels and commits (up to GitHub's 250) and returns its acceptances. */
export declare function readAcceptances(client: GitHubClient, pr: PullRequestRef, options?: AcceptanceOptions & GitHubCallOptions): Promise<Acceptance[]>;
