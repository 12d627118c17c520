import { isAbsolute, join } from "node:path";
import * as core from "@actions/core";
import { ModelPublishError } from "../errors.js";
import { MODES, type Mode, type RunContext } from "../pipeline/mode.js";

/** Every input of action.yml, parsed once and checked. */
export interface ActionConfig {
  /** Absolute path of the manifest. */
  manifestPath: string;
  /** The manifest path as the user wrote it, for messages. */
  manifestInput: string;
  mode: Mode | "auto";
  workingDirectory: string;
  /** The repository root; annotation paths are relative to it. */
  workspace: string;
  context: RunContext;
}

/** Environment variables that may hold secrets; masked before anything is logged. */
export const SECRET_ENV_VARS = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HUGGINGFACE_API_KEY",
  "GOOGLE_APPLICATION_CREDENTIALS_JSON",
  "MODEL_SIGNING_KEY",
];

export function maskSecrets(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_ENV_VARS) {
    const value = env[name];
    if (value) core.setSecret(value);
  }
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  maskSecrets(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingInput = core.getInput("working-directory") || ".";
  const workingDirectory = isAbsolute(workingInput) ? workingInput : join(workspace, workingInput);
  const manifestInput = core.getInput("manifest") || "model-publish.yaml";
  const modeInput = core.getInput("mode") || "auto";
  if (modeInput !== "auto" && !MODES.includes(modeInput as Mode)) {
    throw new ModelPublishError(
      "USAGE",
      `input "mode" must be auto, ${MODES.join(", ")}; got "${modeInput}"`,
    );
  }
  return {
    manifestPath: isAbsolute(manifestInput) ? manifestInput : join(workingDirectory, manifestInput),
    manifestInput,
    mode: modeInput as Mode | "auto",
    workingDirectory,
    workspace,
    context: { eventName: env.GITHUB_EVENT_NAME, ref: env.GITHUB_REF },
  };
}
