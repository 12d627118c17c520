import type { ModelProto, TensorProto } from "./onnx-proto-types.js";
/**
 * Replaces a tensor: returns the tensor to keep in its place (the same object to leave it).
 * `where` names the tensor's place in the model, for messages.
 */
export type TensorMapper = (tensor: TensorProto, where: string) => TensorProto;
/**
 * A copy of a decoded message with the same prototype (its field defaults) and own properties,
 * including the unknown fields the decoder kept, so encoding the copy writes the same bytes.
 */
export declare function copyMessage<T extends object>(message: T): T;
/**
 * Applies `fn` to every tensor stored in the model: initializers and sparse initializers of
 * every graph (subgraphs of If/Loop/Scan included), tensor attributes, training graphs and
 * model-local functions. Returns a new model that shares every part `fn` left unchanged; the
 * input is not modified.
 */
export declare function mapTensors(model: ModelProto, fn: TensorMapper): ModelProto;
/** Calls `visit` on every tensor stored in the model, in the order `mapTensors` visits them. */
export declare function forEachTensor(model: ModelProto, visit: (tensor: TensorProto, where: string) => void): void;
