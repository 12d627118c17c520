import {
  callGitHub,
  type GitHubCallOptions,
  type GitHubClient,
  type PullRequestRef,
} from "./github-client.js";

/**
 * Intended regressions, accepted on a pull request by a label (`bench-accept` for every metric,
 * `bench-accept:<metric>[,<metric>]` for some) or by a commit trailer in one of its commits
 * (`Bench-Accept: <metric>[, <metric>]`, `*` for every metric). The metric is a name
 * (`latency_p50`) or a name with its variant (`latency_p50 [onnx-int8]`), as the report shows it.
 */

export const ACCEPT_LABEL = "bench-accept";
export const ACCEPT_TRAILER = "Bench-Accept";
/** Stands for every metric. */
export const ALL_METRICS = "*";

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
  commits: readonly { sha: string; message: string }[];
}

export interface AcceptanceOptions {
  /**
   * Whether commit trailers count (default true). Anyone who can push to the pull request can
   * write a trailer, while labels need triage access: turn trailers off where that matters.
   */
  trailers?: boolean;
}

function metricsOf(list: string): string[] {
  return list
    .split(",")
    .map((m) => m.trim())
    .filter((m) => m !== "");
}

/**
 * The trailers of a commit message as git reads them: the last paragraph, when it is not the
 * subject and every line of it is `Token: value` (lines starting with a space continue the one
 * before).
 */
export function commitTrailers(message: string): { token: string; value: string }[] {
  const paragraphs = message
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return [];
  const trailers: { token: string; value: string }[] = [];
  for (const line of (paragraphs.at(-1) ?? "").split("\n")) {
    const last = trailers.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const match = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (match === null) return [];
    trailers.push({ token: match[1] ?? "", value: (match[2] ?? "").trim() });
  }
  return trailers;
}

/** The acceptances a pull request's labels and commit messages carry, labels first. */
export function acceptancesFrom(
  input: AcceptanceInput,
  options: AcceptanceOptions = {},
): Acceptance[] {
  const found: Acceptance[] = [];
  for (const label of input.labels) {
    const match = /^bench-accept(?:\s*:(.*))?$/i.exec(label.trim());
    if (match === null) continue;
    const metrics = match[1] === undefined ? [ALL_METRICS] : metricsOf(match[1]);
    for (const metric of metrics) found.push({ metric, via: "label", label });
  }
  if (options.trailers === false) return found;
  for (const commit of input.commits) {
    for (const trailer of commitTrailers(commit.message)) {
      if (trailer.token.toLowerCase() !== ACCEPT_TRAILER.toLowerCase()) continue;
      for (const metric of metricsOf(trailer.value)) {
        found.push({ metric, via: "trailer", commit: commit.sha });
      }
    }
  }
  return found;
}

/** Where an acceptance came from, as the report shows it. */
export function describeAcceptance(acceptance: Acceptance): string {
  return acceptance.via === "label"
    ? `label \`${acceptance.label ?? ACCEPT_LABEL}\``
    : `\`${ACCEPT_TRAILER}\` trailer in ${(acceptance.commit ?? "").slice(0, 7)}`;
}

/**
 * Acceptances as the gate takes them: metric (or `*`) → where it was accepted. The first one
 * for a metric wins, so a label is named before a trailer.
 */
export function acceptanceMap(acceptances: readonly Acceptance[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const acceptance of acceptances) {
    if (!map.has(acceptance.metric)) map.set(acceptance.metric, describeAcceptance(acceptance));
  }
  return map;
}

/** Reads a pull request's labels and commits (up to GitHub's 250) and returns its acceptances. */
export async function readAcceptances(
  client: GitHubClient,
  pr: PullRequestRef,
  options: AcceptanceOptions & GitHubCallOptions = {},
): Promise<Acceptance[]> {
  const where = `${pr.owner}/${pr.repo}#${String(pr.number)}`;
  const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.number };
  const { data: pull } = await callGitHub(
    `reading ${where}`,
    () => client.rest.pulls.get(params),
    options,
  );
  const commits =
    options.trailers === false
      ? []
      : await callGitHub(
          `listing the commits of ${where}`,
          () => client.paginate(client.rest.pulls.listCommits, { ...params, per_page: 100 }),
          options,
        );
  return acceptancesFrom(
    {
      labels: pull.labels.map((l) => l.name),
      commits: commits.map((c) => ({ sha: c.sha, message: c.commit.message })),
    },
    options,
  );
}
