import { type SafetensorsLayout } from "../formats/safetensors-layout.js";
import type { TorchTensor } from "../formats/pickle-values.js";
import type { TorchCheckpoint } from "../formats/open-torch-checkpoint.js";
/** A tensor to write and where its bytes come from. */
export interface SourceTensor {
    name: string;
    tensor: TorchTensor;
    checkpoint: TorchCheckpoint;
}
/** One output file, laid out before anything is written. */
export interface PlannedFile {
    name: string;
    layout: SafetensorsLayout;
    metadata: Record<string, string>;
    sources: Map<string, SourceTensor>;
}
/**
 * Tensors that are the same view of the same storage (tied weights) are written once, under the
 * first of their names in sorted order; the others map to it, which the Hub's converter records in
 * `__metadata__` the same way. Different views of one storage are all written, each materialised.
 */
export declare function dedupeTies(tensors: readonly SourceTensor[]): {
    unique: SourceTensor[];
    duplicates: Record<string, string>;
};
/**
 * Splits tensors into files of at most `shardSize` tensor bytes, in source order, as
 * `save_pretrained` does (a tensor larger than the limit gets a file of its own). One file when
 * `singleName` is given or everything fits; otherwise `model-0000i-of-0000n.safetensors`.
 */
export declare function planOutput(tensors: readonly SourceTensor[], duplicates: Readonly<Record<string, string>>, baseMetadata: Readonly<Record<string, string>>, options: {
    singleName: string;
    shardSize: number | undefined;
}): PlannedFile[];
