import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { Mode } from "./mode.js";
import { STAGES, type StageName } from "./stages.js";

export interface PlannedStage {
  name: StageName;
  summary: string;
  /** `run`: this version runs it; `planned`: needed, but not in this version yet; `skip`: not needed. */
  status: "run" | "planned" | "skip";
  /** Why a stage is skipped or only planned. */
  note?: string;
}

/** The stages a run of `mode` takes for this manifest, in order. */
export function planStages(manifest: AuthoredManifest, mode: Mode): PlannedStage[] {
  return STAGES.filter((stage) => stage.modes.includes(mode)).map((stage) => {
    const base = { name: stage.name, summary: stage.summary };
    const notNeeded = stage.notNeeded?.(manifest);
    if (notNeeded) return { ...base, status: "skip", note: notNeeded };
    if (!stage.available)
      return { ...base, status: "planned", note: `${stage.home} is not in this version yet` };
    return { ...base, status: "run" };
  });
}
