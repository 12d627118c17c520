import type { DestinationPlan, PublishEvent } from "../../publish/destination.js";
import type { PublishResult } from "../../publish/publish-release.js";

/** Text output of `model-publish publish`: the plan, progress on stderr, and a summary. */

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? "TiB"}`;
}

/** The plan of one destination: each file, its size, where it goes, and upload or skip. */
export function planText(plan: DestinationPlan): string {
  const state = plan.published ? "already published: nothing to do" : "";
  const lines = [`${plan.destination} ${plan.target}${state === "" ? "" : ` — ${state}`}`];
  const width = Math.max(...plan.files.map((f) => size(f.size).length), 0);
  for (const file of plan.files) {
    lines.push(
      `  ${file.action.padEnd(6)} ${size(file.size).padStart(width)}  ${file.path}  →  ${file.url}`,
    );
  }
  for (const step of plan.steps) lines.push(`  then   ${step}`);
  return `${lines.join("\n")}\n`;
}

/** Progress for a person on stderr: file results, retries, a line per file at most once a second. */
export function publishProgress(write: (text: string) => void, now: () => number = Date.now) {
  const last = new Map<string, number>();
  return (event: PublishEvent): void => {
    switch (event.type) {
      case "destination-start":
        write(`▶ ${event.destination} ${event.target}\n`);
        break;
      case "destination-end":
        write(
          event.ok
            ? `✓ ${event.destination}\n`
            : `✗ ${event.destination}: ${event.message ?? "failed"}\n`,
        );
        break;
      case "file":
        write(`  ${event.action} ${event.path} (${size(event.bytes)})\n`);
        break;
      case "progress": {
        const key = `${event.destination}:${event.path}`;
        const done = event.done >= event.total;
        if (!done && now() - (last.get(key) ?? 0) < 1000) break;
        last.set(key, now());
        const percent = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
        write(`  ${event.destination} ${event.path}: ${percent}%\n`);
        break;
      }
      case "retry":
        write(
          `  ${event.destination}: ${event.what} failed (${event.reason}); retrying in ${(event.delayMs / 1000).toFixed(1)} s\n`,
        );
        break;
      case "log":
        write(`${event.level === "warning" ? "warning: " : ""}${event.message}\n`);
        break;
      case "verified":
        write(
          event.report.ok
            ? `✓ read back ${event.report.target}: ${event.report.checked} files match the signed release\n`
            : `✗ read back ${event.report.target}: ${event.report.problems.length} problem(s)\n`,
        );
        break;
      case "plan":
        break;
    }
  };
}

/** The closing summary of a publish. */
export function summaryText(result: PublishResult): string {
  const lines: string[] = [];
  for (const receipt of result.receipts) {
    lines.push(
      `✓ ${receipt.destination}: ${receipt.uploaded.length} uploaded, ${receipt.skipped.length} already there → ${receipt.url}`,
    );
  }
  for (const report of result.reports) {
    for (const problem of report.problems)
      lines.push(`✗ ${report.destination}: ${problem.message}`);
  }
  for (const failure of result.failures) lines.push(`✗ ${failure.destination}: ${failure.message}`);
  const verdict = result.ok
    ? `✓ ${result.id} v${result.version} published and read back`
    : `✗ ${result.id} v${result.version}: not every destination is done; fix what is listed and run publish again`;
  lines.push(verdict);
  return `${lines.join("\n")}\n`;
}
