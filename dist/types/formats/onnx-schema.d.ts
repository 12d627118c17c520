import protobuf from "protobufjs/light.js";
/** The ModelProto message type: `decode` and `encode` for whole model files. */
export declare const modelProtoType: protobuf.Type;
/**
 * Decodes a ModelProto keeping the fields this schema does not declare (a newer ONNX version's),
 * so that `modelProtoType.encode` writes them back.
 */
export declare function decodeModelProto(bytes: Uint8Array): protobuf.Message;
/** Message types whose encoding the streaming writer splits around large payloads. */
export declare const graphProtoType: protobuf.Type;
export declare const tensorProtoType: protobuf.Type;
/** Field numbers of a message type by property name. */
export declare function fieldNumbers(type: protobuf.Type): ReadonlyMap<string, number>;
