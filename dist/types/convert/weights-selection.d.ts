import { TorchTensor, type PyValue } from "../formats/pickle-values.js";
/** The weights found in a checkpoint, and the entries beside them. */
export interface WeightsSelection {
    /** The nested key the weights came from; undefined when they are the top level. */
    key: string | undefined;
    tensors: [string, TorchTensor][];
    /** Top-level entries outside the weights (step, loss, optimizer, …). */
    others: [string, PyValue][];
    /** Entries of the weights dict that are not tensors; left out of the output. */
    skipped: string[];
}
/** `weightsKey` value that selects the top level explicitly. */
export declare const TOP_LEVEL = ".";
/**
 * Finds the weights in a checkpoint's object. A flat state dict is its own weights; a training
 * checkpoint nests them (`state_dict`, `model`, `ema`, …). With no key, the one dict of tensors is
 * chosen; several candidates, or none, is an error that lists what the file holds.
 */
export declare function selectWeights(root: PyValue, weightsKey: string | undefined, where: string): WeightsSelection;
