import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { createGitHubClient } from "../bench/github-client.js";
import { upsertPullRequestComment, type CommentOutcome } from "../bench/pr-comment.js";
import { gateReportMarkdown } from "../bench/report-markdown.js";
import { trendChartSvg } from "../bench/trend-chart.js";
import { trendChartMermaid } from "../bench/trend-mermaid.js";
import type { BenchStageResult } from "../pipeline/bench-stage.js";
import { pullRequestRef } from "./bench-options.js";
import type { EventFacts } from "./github-event.js";
import type { ActionConfig } from "./inputs.js";

function baselineNote(bench: BenchStageResult): string {
  if (!bench.baselineSource) return "";
  const standIn =
    bench.baselineMatched === "latest"
      ? " — the base commit has no recorded results, so the latest recorded run stands in"
      : "";
  return `Baseline: ${bench.baselineSource}${standIn}.`;
}

function savedNote(bench: BenchStageResult): string {
  if (!bench.saved) return "";
  return bench.saved.saved
    ? `Recorded as a baseline: ${bench.saved.location ?? ""}.`
    : `Not recorded as a baseline: ${bench.saved.reason ?? ""}.`;
}

/** The report the comment and the job summary share: the gate's table, baseline and trend chart. */
export function benchReportMarkdown(bench: BenchStageResult, modelId: string): string {
  const chart = trendChartMermaid(
    `${modelId}: recent baselines and this run`,
    bench.trend.series,
    bench.trend.labels,
  );
  const notes = [baselineNote(bench), savedNote(bench), chart].filter(Boolean).join("\n\n");
  return gateReportMarkdown(bench.gate, bench.results, notes);
}

/** The results and the SVG trend chart as files a later step can upload or keep as a baseline. */
export async function writeBenchFiles(
  bench: BenchStageResult,
  modelId: string,
  dir: string,
): Promise<{ results: string; chart: string }> {
  await mkdir(dir, { recursive: true });
  const results = join(dir, "bench-results.json");
  const chart = join(dir, "bench-trend.svg");
  await writeFile(results, `${JSON.stringify(bench.results, null, 2)}\n`);
  await writeFile(
    chart,
    trendChartSvg(`${modelId}: recent baselines`, bench.trend.series, bench.trend.labels),
  );
  return { results, chart };
}

/**
 * Keeps the one benchmark comment on the pull request up to date. A token that cannot write (a
 * fork's pull request) gives a warning, not a failure: the job summary still has the report.
 */
export async function postBenchComment(
  config: ActionConfig,
  facts: EventFacts,
  body: string,
): Promise<CommentOutcome | undefined> {
  const pr = pullRequestRef(facts);
  if (!pr || !config.prComment) return undefined;
  if (!config.githubToken) {
    core.info("no github-token: the benchmark report is in the job summary only");
    return undefined;
  }
  try {
    const outcome = await upsertPullRequestComment(
      createGitHubClient({ token: config.githubToken }),
      pr,
      body,
    );
    core.info(`benchmark comment ${outcome.action}: ${outcome.url}`);
    return outcome;
  } catch (error) {
    core.warning(
      `could not comment on the pull request (${error instanceof Error ? error.message : String(error)}); a fork's token cannot write — give the job \`permissions: pull-requests: write\` or read the job summary`,
    );
    return undefined;
  }
}

/**
 * Everything the action does with a benchmark run: the files and their outputs, the pull-request
 * comment and its URL. Gives back the report for the job summary.
 */
export async function reportBench(
  bench: BenchStageResult,
  modelId: string,
  config: ActionConfig,
  facts: EventFacts,
): Promise<string> {
  const report = benchReportMarkdown(bench, modelId);
  const files = await writeBenchFiles(
    bench,
    modelId,
    join(process.env.RUNNER_TEMP ?? config.workspace, "model-publish-bench"),
  );
  core.setOutput("bench-results", files.results);
  core.setOutput("bench-chart", files.chart);
  const comment = await postBenchComment(config, facts, report);
  core.setOutput("comment-url", comment?.url ?? "");
  return report;
}
