import * as core from "@actions/core";
import { runPipeline, type PipelineResult } from "../pipeline/run.js";
import { readInputs } from "./inputs.js";
import { Reporter } from "./reporter.js";

/** The action: read inputs → run the pipeline → set outputs and the job summary. */
export async function run(): Promise<void> {
  try {
    const config = readInputs();
    const reporter = new Reporter(config);
    const result = await runPipeline(
      {
        manifestPath: config.manifestPath,
        mode: config.mode,
        context: config.context,
        baseDir: config.workingDirectory,
      },
      (event) => {
        reporter.handle(event);
      },
    );
    setOutputs(result);
    await reporter.writeSummary(result);
    if (!result.valid) {
      core.setFailed(
        `${config.manifestInput}: ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"} in the manifest`,
      );
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

function setOutputs(result: PipelineResult): void {
  core.setOutput("mode", result.decision.mode);
  core.setOutput("valid", String(result.valid));
  core.setOutput("model-id", result.manifest?.id ?? "");
  core.setOutput("version", result.version ?? "");
  core.setOutput(
    "stages",
    JSON.stringify(result.plan.filter((s) => s.status !== "skip").map((s) => s.name)),
  );
  core.setOutput("errors", JSON.stringify(result.issues));
}
