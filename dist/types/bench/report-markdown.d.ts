import type { BenchResultFile } from "../manifest/types.generated.js";
import type { GateVerdict } from "./gate.js";
/** Marks the one pull-request comment model-publish keeps updated. */
export declare const COMMENT_MARKER = "<!-- model-publish:bench -->";
/** The gate's verdict as Markdown for the job summary and the pull-request comment. */
export declare function gateReportMarkdown(gate: GateVerdict, current: BenchResultFile, chartMarkdown?: string): string;
