import type { PullEvent, PullResult, SourceAttempt } from "./pull-types.js";

/** Text of a pull for a person: progress on stderr, the outcome on stdout. */

/** One line per source that was not used: where, what happened, and why. */
export function attemptLine(attempt: SourceAttempt): string {
  return `✗ ${attempt.source} ${attempt.target}: ${attempt.outcome}: ${attempt.message ?? ""}`;
}

/**
 * Progress for stderr: each source as it is tried, each file fetched or taken from the cache,
 * retries, warnings, a line per file at most once a second, and why a source was passed over.
 */
export function pullProgress(
  write: (text: string) => void,
  now: () => number = Date.now,
): (event: PullEvent) => void {
  const last = new Map<string, number>();
  return (event) => {
    switch (event.type) {
      case "source-start":
        write(`▶ ${event.source} ${event.target}\n`);
        break;
      case "file":
        write(`  ${event.action} ${event.path} (${event.bytes} bytes)\n`);
        break;
      case "progress": {
        const finished = event.done >= event.total;
        const previous = last.get(event.path);
        if (!finished && previous !== undefined && now() - previous < 1000) break;
        last.set(event.path, now());
        const percent = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
        write(`  ${event.path}: ${percent}%\n`);
        break;
      }
      case "retry":
        write(
          `  ${event.source}: ${event.what} failed (${event.reason}); retrying in ${(event.delayMs / 1000).toFixed(1)} s\n`,
        );
        break;
      case "log":
        write(`${event.level === "warning" ? "warning: " : ""}${event.message}\n`);
        break;
      case "source-end":
        if (event.attempt.outcome !== "pulled") write(`${attemptLine(event.attempt)}\n`);
        break;
    }
  };
}

/** The closing lines: each source passed over, then the verdict. */
export function pullSummary(result: PullResult): string {
  const lines = result.attempts.filter((a) => a.outcome !== "pulled").map(attemptLine);
  const used = result.attempts.find((a) => a.outcome === "pulled");
  if (result.ok && used !== undefined) {
    lines.push(
      `✓ ${result.id ?? "?"} ${result.version ?? "?"} pulled into ${result.dir} from ${used.source} ${used.target}: ${result.files} files, ${result.bytes} bytes (${used.downloaded} downloaded, ${used.cached} from the cache), signed by ${result.keyId ?? "?"} at ${result.timestamp ?? "?"}`,
    );
  } else {
    lines.push(`✗ no source served the signed release; nothing was written to ${result.dir}`);
  }
  return `${lines.join("\n")}\n`;
}
