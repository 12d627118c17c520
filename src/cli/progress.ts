import type { PipelineEvent } from "../pipeline/events.js";
import type { CliIO } from "./io.js";

/**
 * Prints pipeline events on stderr for a person watching: stage starts and ends, warnings, and a
 * progress line per file at most once a second (and at the end), so logs stay short.
 */
export function progressPrinter(
  io: CliIO,
  now: () => number = Date.now,
): (event: PipelineEvent) => void {
  let lastProgress = 0;
  return (event) => {
    switch (event.type) {
      case "stage-start":
        io.stderr(`▶ ${event.stage}\n`);
        break;
      case "stage-end":
        io.stderr(
          `${event.ok ? "✓" : "✗"} ${event.stage} (${(event.durationMs / 1000).toFixed(1)} s)\n`,
        );
        break;
      case "progress": {
        const finished = event.done >= event.total;
        if (!finished && now() - lastProgress < 1000) break;
        lastProgress = now();
        const percent = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
        io.stderr(`  ${event.detail}: ${percent}%\n`);
        break;
      }
      case "log":
        io.stderr(`${event.level === "warning" ? "warning: " : ""}${event.message}\n`);
        break;
      case "mode":
      case "issue":
      case "plan":
        break;
    }
  };
}
