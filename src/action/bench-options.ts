import * as core from "@actions/core";
import {
  acceptanceMap,
  acceptancesFrom,
  readAcceptances,
  type Acceptance,
} from "../bench/acceptance.js";
import type { BaselineReader, BaselineStore } from "../bench/baseline-store.js";
import { createGitHubClient, type PullRequestRef } from "../bench/github-client.js";
import { readBenchResults } from "../bench/result-file.js";
import { ActionsCacheBaselineStore } from "../bench/store-actions-cache.js";
import { LocalBaselineStore } from "../bench/store-local.js";
import { ReleaseManifestBaselineReader } from "../bench/store-release-manifest.js";
import type { BenchStageOptions } from "../pipeline/bench-stage.js";
import { recordingRef, type EventFacts } from "./github-event.js";
import type { ActionConfig } from "./inputs.js";

function storeFor(
  config: ActionConfig,
  canWrite: boolean,
): BaselineReader | BaselineStore | undefined {
  switch (config.benchStore) {
    case "actions-cache":
      return new ActionsCacheBaselineStore({ canWrite });
    case "local":
      return new LocalBaselineStore({ dir: config.benchStorePath ?? "" });
    case "release-manifest":
      return new ReleaseManifestBaselineReader({ source: config.benchStorePath ?? "" });
    case "none":
      return undefined;
  }
}

/** The pull request this run checks, when the event is one and the repository is known. */
export function pullRequestRef(facts: EventFacts): PullRequestRef | undefined {
  if (!facts.pullRequest || !facts.repository) return undefined;
  return { ...facts.repository, number: facts.pullRequest.number };
}

/**
 * Acceptances of intended regressions: the pull request's labels and commit trailers read through
 * the API (labels can change after the event was sent), else the labels in the event.
 */
async function acceptances(config: ActionConfig, facts: EventFacts): Promise<Acceptance[]> {
  const pr = pullRequestRef(facts);
  if (!pr || !facts.pullRequest) return [];
  if (config.githubToken) {
    try {
      return await readAcceptances(createGitHubClient({ token: config.githubToken }), pr);
    } catch (error) {
      core.warning(
        `could not read the labels and commits of the pull request (${error instanceof Error ? error.message : String(error)}); using the labels in the event`,
      );
    }
  }
  return acceptancesFrom({ labels: facts.pullRequest.labels, commits: [] });
}

/** Where the bench stage finds its baseline, what it accepts and whether it records this run. */
export async function benchStageOptions(
  config: ActionConfig,
  facts: EventFacts,
): Promise<BenchStageOptions> {
  const ref = recordingRef(facts);
  const store = storeFor(config, ref !== undefined);
  const accepted = acceptanceMap(await acceptances(config, facts));
  return {
    ...(config.benchBaseline ? { baseline: await readBenchResults(config.benchBaseline) } : {}),
    ...(store ? { store } : {}),
    ...(facts.pullRequest?.baseSha ? { baseCommit: facts.pullRequest.baseSha } : {}),
    ...(ref ? { record: { ref } } : {}),
    ...(accepted.size > 0 ? { accepted } : {}),
  };
}
