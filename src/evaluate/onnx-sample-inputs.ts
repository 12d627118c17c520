import { ModelPublishError } from "../errors.js";
import { toHalfBits } from "../formats/onnx-half.js";
import type { HostData, HostTensor } from "../formats/onnx-npz.js";
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

export const DEFAULT_SEED = 20240607;
export const DEFAULT_DIM = 2;

/** mulberry32: small, fast and the same on every platform. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inputs for every input the model declares, from a fixed seed: standard normal values for
 * float types, uniform integers in `integerRange`, random booleans. Symbolic dimensions take
 * `dims[name]`, else `defaultDim`.
 */
export function sampleInputs(
  inputs: readonly SessionInput[],
  options: SampleInputOptions = {},
): Record<string, HostTensor> {
  const random = generator(options.seed ?? DEFAULT_SEED);
  const normal = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const [low, high] = options.integerRange ?? [0, 2];
  const integer = (): number => low + Math.floor(random() * (high - low));
  const out: Record<string, HostTensor> = {};
  for (const input of inputs) {
    const dims = input.shape.map((d) =>
      typeof d === "number" && d >= 0
        ? d
        : (options.dims?.[String(d)] ?? options.defaultDim ?? DEFAULT_DIM),
    );
    const count = dims.reduce((a, b) => a * b, 1);
    const fill = <T extends HostData>(array: T, value: () => number | bigint): T => {
      for (let i = 0; i < count; i++) (array as unknown as (number | bigint)[])[i] = value();
      return array;
    };
    let data: HostData;
    switch (input.type) {
      case "float32":
        data = fill(new Float32Array(count), normal);
        break;
      case "float64":
        data = fill(new Float64Array(count), normal);
        break;
      case "float16":
        data = fill(new Uint16Array(count), () => toHalfBits(normal()));
        break;
      case "int64":
        data = fill(new BigInt64Array(count), () => BigInt(integer()));
        break;
      case "int32":
        data = fill(new Int32Array(count), integer);
        break;
      case "int8":
        data = fill(new Int8Array(count), integer);
        break;
      case "uint8":
        data = fill(new Uint8Array(count), integer);
        break;
      case "bool":
        data = fill(new Uint8Array(count), () => (random() < 0.5 ? 0 : 1));
        break;
      default:
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `input ${input.name} is of type ${input.type}, for which no sample values can be made up; give sample inputs in a .npz file`,
        );
    }
    out[input.name] = { type: input.type, dims, data };
  }
  return out;
}
