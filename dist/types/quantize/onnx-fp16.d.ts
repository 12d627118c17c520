import { type OnnxGraphEditor } from "./onnx-graph.js";
import { type SkippedNode } from "./onnx-select.js";
export interface Fp16Options {
    /** Keep graph inputs and outputs FLOAT, with Cast nodes at the edges (default true). */
    keepIoTypes?: boolean;
    /** More op types to keep in FP32, besides `FP32_OPS`. */
    keepOps?: readonly string[];
    /** Node names to keep in FP32. */
    exclude?: readonly string[];
}
/**
 * FP16 variant: float initializers, constants and computation become FLOAT16. Graph inputs
 * and outputs stay FLOAT by default (Cast nodes at the edges), so callers feed the same tensors.
 * Ops in `FP32_OPS`, `keepOps`, `exclude` and outside the default domain stay FP32 with casts
 * around them; constants only they use are not converted. Models with control flow (If, Loop,
 * Scan) are refused: their subgraphs capture outer values whose type would change under them.
 */
export declare function convertToFloat16(editor: OnnxGraphEditor, dir: string, options: Fp16Options): Promise<{
    converted: string[];
    kept: SkippedNode[];
}>;
