import { relative } from "node:path";
import * as core from "@actions/core";
import type { PipelineEvent } from "../pipeline/events.js";
import type { ReleaseRunResult } from "../pipeline/release-run.js";
import type { ActionConfig } from "./inputs.js";

const statusText = {
  run: "runs",
  planned: "planned (not in this version yet)",
  skip: "not needed",
} as const;

/** Turns pipeline events into log groups and annotations, and the result into the job summary. */
export class Reporter {
  private openGroup = false;
  private readonly lastTenth = new Map<string, number>();

  constructor(private readonly config: ActionConfig) {}

  /** Annotation paths are relative to the repository so GitHub can place them on the file. */
  private annotationFile(file: string): string {
    return relative(this.config.workspace, file) || file;
  }

  handle(event: PipelineEvent): void {
    switch (event.type) {
      case "mode":
        core.info(`mode: ${event.decision.mode} (${event.decision.reason})`);
        break;
      case "stage-start":
        core.startGroup(event.stage);
        this.openGroup = true;
        break;
      case "stage-end":
        core.info(`${event.stage} ${event.ok ? "passed" : "failed"} in ${event.durationMs} ms`);
        if (this.openGroup) core.endGroup();
        this.openGroup = false;
        break;
      case "issue":
        core.error(
          `${event.issue.message} at ${event.issue.pointer || "(document)"} — fix: ${event.issue.fix}`,
          {
            title: "model-publish: invalid manifest",
            file: this.annotationFile(event.issue.file),
            startLine: event.issue.line,
            startColumn: event.issue.column,
          },
        );
        break;
      case "plan":
        for (const stage of event.stages) core.info(`${stage.name}: ${statusText[stage.status]}`);
        break;
      case "log":
        if (event.level === "warning") core.warning(event.message);
        else core.info(event.message);
        break;
      case "progress": {
        // Every tenth of the way, so a long upload shows it moves without flooding the log.
        const tenth = event.total > 0 ? Math.floor((10 * event.done) / event.total) : 10;
        if (tenth === this.lastTenth.get(event.detail)) break;
        this.lastTenth.set(event.detail, tenth);
        core.info(`${event.detail}: ${tenth * 10}%`);
        break;
      }
    }
  }

  /** `benchReport`: the benchmark report in Markdown, as the pull-request comment has it. */
  async writeSummary(run: ReleaseRunResult, benchReport?: string): Promise<void> {
    const result = run.validated;
    const summary = core.summary.addHeading("model-publish", 2);
    const model = result.manifest
      ? `${result.manifest.id} ${result.version ?? ""}`
      : this.config.manifestInput;
    summary.addRaw(
      `<p><b>${escape(model)}</b> · mode <b>${result.decision.mode}</b> (${escape(result.decision.reason)})</p>`,
    );
    if (!result.valid) {
      summary.addRaw(
        `<p>❌ The manifest has ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}; nothing else ran.</p>`,
      );
      summary.addTable([
        [
          { data: "where", header: true },
          { data: "problem", header: true },
          { data: "fix", header: true },
        ],
        ...result.issues.map((issue) => [
          `${escape(this.annotationFile(issue.file))}:${issue.line}:${issue.column} <code>${escape(issue.pointer || "/")}</code>`,
          escape(issue.message),
          escape(issue.fix),
        ]),
      ]);
      await summary.write();
      return;
    }
    if (run.build) {
      const signed = run.signedBy
        ? `signed by <code>${escape(run.signedBy)}</code>`
        : "not signed (only releases are)";
      summary.addRaw(
        `<p>✅ Built ${run.build.artifacts.length} files, ${signed}. Merkle root <code>${run.build.manifest.merkleRoot ?? ""}</code></p>`,
      );
      summary.addTable([
        [
          { data: "file", header: true },
          { data: "size", header: true },
          { data: "quality", header: true },
          { data: "SHA-256", header: true },
        ],
        ...run.build.artifacts.map((a) => [
          `<code>${escape(a.path)}</code>`,
          bytes(a.size),
          quality(a.metrics),
          a.sha256 ? `<code>${a.sha256.slice(0, 16)}…</code>` : "—",
        ]),
      ]);
    }
    if (run.publish) {
      summary.addRaw("<h3>Where it went</h3>", true);
      summary.addTable([
        [
          { data: "destination", header: true },
          { data: "release", header: true },
          { data: "uploaded", header: true },
          { data: "already there", header: true },
        ],
        ...run.publish.receipts.map((r) => [
          r.destination,
          `<a href="${escape(r.url)}">${escape(r.url)}</a>`,
          `${r.uploaded.length} (${bytes(r.bytesUploaded)})`,
          String(r.skipped.length),
        ]),
      ]);
    }
    if (run.publishPlan) {
      summary.addRaw("<h3>What a release would upload</h3>", true);
      summary.addTable([
        [
          { data: "destination", header: true },
          { data: "where", header: true },
          { data: "files", header: true },
          { data: "steps", header: true },
        ],
        ...run.publishPlan.plans.map((plan) => [
          plan.destination,
          `<code>${escape(plan.target)}</code>`,
          `${plan.files.length} (${bytes(plan.files.reduce((n, f) => n + f.size, 0))})`,
          escape(plan.steps.join("; ")),
        ]),
      ]);
    }
    if (benchReport) summary.addRaw(benchReport, true);
    summary.addTable([
      [
        { data: "stage", header: true },
        { data: "what it does", header: true },
        { data: "status", header: true },
      ],
      ...result.plan.map((stage) => [
        stage.name,
        escape(stage.summary),
        escape(
          stage.note ? `${statusText[stage.status]}: ${stage.note}` : statusText[stage.status],
        ),
      ]),
    ]);
    await summary.write();
  }
}

function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function quality(metrics: Record<string, number> | undefined): string {
  if (!metrics) return "—";
  const parts: string[] = [];
  if (metrics.compressionRatio !== undefined)
    parts.push(`${metrics.compressionRatio.toFixed(2)}× smaller`);
  if (metrics.minCosine !== undefined) parts.push(`cosine ≥ ${metrics.minCosine.toFixed(5)}`);
  return parts.join(", ") || "—";
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
