import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Mode } from "./mode.js";

export type StageName =
  | "validate"
  | "convert"
  | "quantize"
  | "evaluate"
  | "card"
  | "sign"
  | "publish"
  | "verify"
  | "bench";

export interface StageDeclaration {
  name: StageName;
  /** One line a person reads in the plan. */
  summary: string;
  /** Where the stage's code lives. */
  home: string;
  /** Whether a pipeline run (the action) runs the stage; planned stages are shown, never faked. */
  available: boolean;
  /** The CLI command that runs the stage by hand, when the pipeline does not run it yet. */
  command?: string;
  /** Modes the stage runs in. */
  modes: readonly Mode[];
  /** Why the manifest does not need the stage, or undefined when it does. */
  notNeeded?: (manifest: AuthoredManifest) => string | undefined;
}

const all: readonly Mode[] = ["release", "check", "dry-run"];

/** The pipeline, in the order data flows through it (PRODUCT.md). */
export const STAGES: readonly StageDeclaration[] = [
  {
    name: "validate",
    summary: "check the manifest against schemas/ and its source files",
    home: "src/manifest",
    available: true,
    modes: all,
  },
  {
    name: "convert",
    summary: "PyTorch checkpoint → safetensors, no pickle code run",
    home: "src/convert",
    available: true,
    modes: all,
    notNeeded: (m) => (m.sources.checkpoint ? undefined : "no checkpoint to convert"),
  },
  {
    name: "quantize",
    summary: "build the variants (GGUF, low-bit safetensors, ONNX)",
    home: "src/quantize",
    available: true,
    modes: all,
    notNeeded: (m) => ((m.variants ?? []).length > 0 ? undefined : "no variants"),
  },
  {
    name: "evaluate",
    summary: "check every variant against its error budget",
    home: "src/evaluate",
    available: true,
    modes: all,
    notNeeded: (m) => ((m.variants ?? []).length > 0 ? undefined : "no variants"),
  },
  {
    name: "card",
    summary: "render the model card (README.md)",
    home: "src/card",
    available: true,
    modes: all,
  },
  {
    name: "sign",
    summary: "digests, Merkle root, Ed25519-signed manifest",
    home: "src/sign",
    available: true,
    modes: ["release"],
  },
  {
    name: "publish",
    summary: "upload to every destination, signed manifest last",
    home: "src/publish",
    available: true,
    modes: ["release"],
    notNeeded: (m) => (m.destinations ? undefined : "no destinations"),
  },
  {
    name: "verify",
    summary: "read every published file back and check it against the signed manifest",
    home: "src/publish",
    available: true,
    modes: ["release"],
    notNeeded: (m) => (m.destinations ? undefined : "no destinations"),
  },
  {
    name: "bench",
    summary: "benchmark and compare with the base branch's results",
    home: "src/bench",
    available: true,
    modes: ["check"],
    notNeeded: (m) => (m.bench ? undefined : "no bench settings"),
  },
];
