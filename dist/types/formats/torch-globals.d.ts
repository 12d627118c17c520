/** What an allowed global stands for; the unpickler only ever sees these as names. */
export type GlobalKind = "ordered-dict" | "rebuild-tensor" | "rebuild-tensor-v2" | "rebuild-tensor-v3" | "rebuild-parameter" | "rebuild-parameter-with-state" | "rebuild-from-type-v2" | "tensor-class" | "size" | "device" | "codecs-encode" | "set" | "bytearray" | "storage-type" | "dtype";
/**
 * Decides whether `module.name` may appear in a checkpoint and what it stands for; refuses
 * anything else with a message naming the global and the byte offset. The list is the data part
 * of torch's weights-only allow-list: containers, tensor rebuilders, storage classes and dtypes.
 */
export declare function classifyGlobal(rawModule: string, name: string, where: string, at: number): GlobalKind;
