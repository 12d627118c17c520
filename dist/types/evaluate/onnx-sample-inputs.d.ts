import type { HostTensor } from "../formats/onnx-npz.js";
import type { SessionInput } from "./onnx-session.js";
/** How inputs are made up when the manifest gives none. */
export interface SampleInputOptions {
    /** Seed of the generator (default 20240607): the same seed gives the same inputs. */
    seed?: number;
    /** Sizes of symbolic dimensions by name, e.g. `{ batch: 4, sequence: 128 }`. */
    dims?: Readonly<Record<string, number>>;
    /** Size of a symbolic dimension not in `dims` (default 2: small, yet more than one row). */
    defaultDim?: number;
    /**
     * Integer inputs get values in [low, high) (default [0, 2): valid as token ids for any
     * vocabulary and as attention masks).
     */
    integerRange?: readonly [number, number];
}
export declare const DEFAULT_SEED = 20240607;
export declare const DEFAULT_DIM = 2;
/**
 * Inputs for every input the model declares, from a fixed seed: standard normal values for
 * float types, uniform integers in `integerRange`, random booleans. Symbolic dimensions take
 * `dims[name]`, else `defaultDim`.
 */
export declare function sampleInputs(inputs: readonly SessionInput[], options?: SampleInputOptions): Record<string, HostTensor>;
