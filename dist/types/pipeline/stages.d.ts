import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Mode } from "./mode.js";
export type StageName = "validate" | "convert" | "quantize" | "evaluate" | "card" | "sign" | "publish" | "verify" | "bench";
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
/** The pipeline, in the order data flows through it (PRODUCT.md). */
export declare const STAGES: readonly StageDeclaration[];
