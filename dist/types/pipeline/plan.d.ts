import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Mode } from "./mode.js";
import { type StageName } from "./stages.js";
export interface PlannedStage {
    name: StageName;
    summary: string;
    /** `run`: this version runs it; `planned`: needed, but not in this version yet; `skip`: not needed. */
    status: "run" | "planned" | "skip";
    /** Why a stage is skipped or only planned. */
    note?: string;
}
/** The stages a run of `mode` takes for this manifest, in order. */
export declare function planStages(manifest: AuthoredManifest, mode: Mode): PlannedStage[];
