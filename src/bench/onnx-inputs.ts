import type * as Ort from "onnxruntime-node";
import type { OnnxRuntime } from "../runtime/onnxruntime.js";
import { ModelPublishError } from "../errors.js";
import { SeededRandom } from "./random.js";

/** How symbolic dimensions are filled: the first is the batch, the others the sequence length. */
export interface InputShapeOptions {
  batchSize: number;
  sequenceLength: number;
  seed?: number;
}

type InputMetadata = Ort.InferenceSession["inputMetadata"][number];

function shapeOf(meta: InputMetadata & { isTensor: true }, options: InputShapeOptions): number[] {
  let symbolic = 0;
  return meta.shape.map((dim) => {
    if (typeof dim === "number" && dim > 0) return dim;
    return symbolic++ === 0 ? options.batchSize : options.sequenceLength;
  });
}

/**
 * Inputs for a session made from its own input metadata, reproducibly: floats from a seeded
 * normal distribution, integers as small token ids, booleans all true.
 */
export function generateInputs(
  ort: OnnxRuntime,
  session: Ort.InferenceSession,
  options: InputShapeOptions,
): Record<string, Ort.Tensor> {
  const random = new SeededRandom(options.seed ?? 0x1234);
  const feeds: Record<string, Ort.Tensor> = {};
  for (const meta of session.inputMetadata) {
    if (!meta.isTensor) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `input ${meta.name} is not a tensor; benchmark it with a custom command`,
      );
    }
    const shape = shapeOf(meta, options);
    const count = shape.reduce((a, b) => a * b, 1);
    switch (meta.type) {
      case "float32":
        feeds[meta.name] = new ort.Tensor(
          "float32",
          Float32Array.from({ length: count }, () => random.normal()),
          shape,
        );
        break;
      case "int64":
        feeds[meta.name] = new ort.Tensor(
          "int64",
          BigInt64Array.from({ length: count }, () =>
            BigInt(random.int(Math.max(2, options.sequenceLength))),
          ),
          shape,
        );
        break;
      case "int32":
        feeds[meta.name] = new ort.Tensor(
          "int32",
          Int32Array.from({ length: count }, () => random.int(Math.max(2, options.sequenceLength))),
          shape,
        );
        break;
      case "bool":
        feeds[meta.name] = new ort.Tensor("bool", new Uint8Array(count).fill(1), shape);
        break;
      default:
        throw new ModelPublishError(
          "INPUT_UNSUPPORTED",
          `input ${meta.name} has type ${meta.type}, which the built-in benchmark does not generate; give sample inputs or a custom command`,
        );
    }
  }
  return feeds;
}
