import * as core from "@actions/core";
import { runRelease, type ReleaseRunResult } from "../pipeline/release-run.js";
import { benchStageOptions } from "./bench-options.js";
import { reportBench } from "./bench-report.js";
import { readEventFacts } from "./github-event.js";
import { needsOnnxRuntime, setupOnnxRuntime } from "./onnx-runtime-setup.js";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { validateManifestFile } from "../manifest/validate.js";
import { ONNXRUNTIME_NODE_VERSION } from "../version.generated.js";
import { maskSecrets, readInputs, type ActionConfig } from "./inputs.js";
import { Reporter } from "./reporter.js";

/** The action: read inputs → run the pipeline → set outputs and the job summary. */
export async function run(): Promise<void> {
  try {
    const config = readInputs();
    const facts = readEventFacts();
    const reporter = new Reporter(config);
    const checked = await validateManifestFile(config.manifestPath).catch(() => undefined);
    const manifest = checked?.valid ? checked.manifest : undefined;
    // Whatever the manifest names as a secret (provider tokens, Storacha's key and proof) is
    // masked in the runner's log before any step can print it.
    maskSecrets(process.env, manifest);
    await provideOnnxRuntime(config, manifest);
    const result = await runRelease(
      {
        manifestPath: config.manifestPath,
        mode: config.mode,
        context: config.context,
        baseDir: config.workingDirectory,
        outDir: config.releaseDir,
        ...(config.signingKey ? { signingKey: config.signingKey } : {}),
        bench: await benchStageOptions(config, facts),
        ...(config.commit ? { commit: config.commit } : {}),
      },
      (event) => {
        reporter.handle(event);
      },
    );
    setOutputs(result, config);
    const benchReport = result.bench
      ? await reportBench(result.bench, result.validated.manifest?.id ?? "model", config, facts)
      : undefined;
    // A runner without job summaries (an old GitHub Enterprise Server, a local run) still gets
    // the outputs and the verdict.
    await reporter.writeSummary(result, benchReport).catch((error: unknown) => {
      core.warning(`no job summary: ${error instanceof Error ? error.message : String(error)}`);
    });
    failOn(result, config);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Installs onnxruntime-node beside the action when the manifest has ONNX stages. */
async function provideOnnxRuntime(
  config: ActionConfig,
  manifest: AuthoredManifest | undefined,
): Promise<void> {
  if (config.onnxRuntime === "none" || !needsOnnxRuntime(manifest)) return;
  await core.group("onnxruntime", async () => {
    const result = await setupOnnxRuntime({
      choice: config.onnxRuntime,
      cache: await import("@actions/cache"),
    });
    core.info(
      `onnxruntime-node ${ONNXRUNTIME_NODE_VERSION} (${result.flavour ?? "as installed"}): ${result.source}${result.dir ? ` in ${result.dir}` : ""}`,
    );
  });
}

function failOn(result: ReleaseRunResult, config: ActionConfig): void {
  const { validated } = result;
  if (!validated.valid) {
    const n = validated.issues.length;
    core.setFailed(`${config.manifestInput}: ${n} problem${n === 1 ? "" : "s"} in the manifest`);
  } else if (result.bench?.gate.verdict === "fail" && result.validated.decision.mode === "check") {
    core.setFailed(`benchmark regression: ${result.bench.gate.regressions.join(", ")}`);
  }
}

function setOutputs(result: ReleaseRunResult, config: ActionConfig): void {
  const { validated } = result;
  core.setOutput("mode", validated.decision.mode);
  core.setOutput("valid", String(validated.valid));
  core.setOutput("model-id", validated.manifest?.id ?? "");
  core.setOutput("version", validated.version ?? "");
  core.setOutput(
    "stages",
    JSON.stringify(validated.plan.filter((s) => s.status !== "skip").map((s) => s.name)),
  );
  core.setOutput("errors", JSON.stringify(validated.issues));
  core.setOutput("release-dir", result.build ? config.releaseDir : "");
  core.setOutput("manifest-sha256", result.manifestSha256 ?? "");
  core.setOutput("merkle-root", result.build?.manifest.merkleRoot ?? "");
  const receipt = (name: string) => result.publish?.receipts.find((r) => r.destination === name);
  core.setOutput("hf-commit", receipt("hf")?.details.commit ?? "");
  core.setOutput("hf-url", receipt("hf")?.url ?? "");
  core.setOutput("gcs-base-url", receipt("gcs")?.url ?? "");
  core.setOutput("ipfs-cid", receipt("ipfs")?.details.root ?? "");
  core.setOutput("car-path", result.car?.path ?? "");
  core.setOutput("verdict", result.bench?.gate.verdict ?? "");
  core.setOutput("regressions", JSON.stringify(result.bench?.gate.regressions ?? []));
}
