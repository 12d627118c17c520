import type { Architecture } from "../manifest/types.generated.js";
import type { Artifact } from "../pipeline/artifacts.js";
/** One way to run the model: a variant's files, their size, and the memory it needs. */
export interface HardwareRow {
    variant: string;
    format: string;
    files: string[];
    size: number;
    memory: number;
}
/** Share of the weights' size a runtime adds for activations, buffers and itself. */
export declare const RUNTIME_OVERHEAD = 0.1;
/**
 * Bytes of an fp16 KV cache holding the whole context: 2 (K and V) × layers × KV heads ×
 * head size × context length × 2 bytes. Undefined when the architecture does not say enough.
 */
export declare function kvCacheBytes(architecture: Architecture | undefined): number | undefined;
/**
 * The hardware table: one row per runnable variant (shards and external-data files summed),
 * with the memory estimated as weights + runtime overhead (+ the KV cache when `kvCache` is given).
 * Rows: the original weights first, then variants from largest to smallest.
 */
export declare function hardwareRows(artifacts: readonly Artifact[], kvCache?: number): HardwareRow[];
/** How the memory column was estimated, for the card. */
export declare function hardwareNote(kvCache: number): string;
