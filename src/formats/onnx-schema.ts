import protobuf from "protobufjs/light.js";

/**
 * onnx.proto (IR version 11) as a protobufjs descriptor: message and field names, numbers and
 * wire types, from the ONNX specification. Kept here rather than taken from a generated package
 * because the encoding must match what the reference implementation writes: onnx.proto is
 * proto2, so repeated scalars are unpacked unless the field says `packed = true` (only the
 * TensorProto data lists do). A proto3 rendering packs them all, so an unchanged model would
 * not re-serialise to the same bytes, and older generated code lacks the fields added since
 * (node and graph metadata_props, function overloads, attribute defaults, device
 * configurations), which decoding would silently drop.
 */

const SCALARS = new Set(["int32", "int64", "uint64", "float", "double"]);

type Field = { id: number; type: string; rule?: "repeated"; options?: { packed: boolean } };

const one = (id: number, type: string): Field => ({ id, type });
/** A repeated field; scalars stay unpacked, as proto2 writes them. */
const list = (id: number, type: string): Field => ({
  id,
  type,
  rule: "repeated",
  ...(SCALARS.has(type) ? { options: { packed: false } } : {}),
});
/** A repeated scalar declared `[packed = true]`. */
const packed = (id: number, type: string): Field => ({
  id,
  type,
  rule: "repeated",
  options: { packed: true },
});

const entries = (id: number): Field => list(id, "StringStringEntryProto");

const descriptor = {
  nested: {
    onnx: {
      nested: {
        StringStringEntryProto: { fields: { key: one(1, "string"), value: one(2, "string") } },
        OperatorSetIdProto: { fields: { domain: one(1, "string"), version: one(2, "int64") } },
        AttributeProto: {
          fields: {
            name: one(1, "string"),
            refAttrName: one(21, "string"),
            docString: one(13, "string"),
            type: one(20, "int32"),
            f: one(2, "float"),
            i: one(3, "int64"),
            s: one(4, "bytes"),
            t: one(5, "TensorProto"),
            g: one(6, "GraphProto"),
            sparseTensor: one(22, "SparseTensorProto"),
            tp: one(14, "TypeProto"),
            floats: list(7, "float"),
            ints: list(8, "int64"),
            strings: list(9, "bytes"),
            tensors: list(10, "TensorProto"),
            graphs: list(11, "GraphProto"),
            sparseTensors: list(23, "SparseTensorProto"),
            typeProtos: list(15, "TypeProto"),
          },
        },
        ValueInfoProto: {
          fields: {
            name: one(1, "string"),
            type: one(2, "TypeProto"),
            docString: one(3, "string"),
            metadataProps: entries(4),
          },
        },
        NodeProto: {
          fields: {
            input: list(1, "string"),
            output: list(2, "string"),
            name: one(3, "string"),
            opType: one(4, "string"),
            domain: one(7, "string"),
            overload: one(8, "string"),
            attribute: list(5, "AttributeProto"),
            docString: one(6, "string"),
            metadataProps: entries(9),
            deviceConfigurations: list(10, "NodeDeviceConfigurationProto"),
          },
        },
        IntIntListEntryProto: { fields: { key: one(1, "int64"), value: list(2, "int64") } },
        NodeDeviceConfigurationProto: {
          fields: {
            configurationId: one(1, "string"),
            shardingSpec: list(2, "ShardingSpecProto"),
            pipelineStage: one(3, "int32"),
          },
        },
        ShardingSpecProto: {
          fields: {
            tensorName: one(1, "string"),
            device: list(2, "int64"),
            indexToDeviceGroupMap: list(3, "IntIntListEntryProto"),
            shardedDim: list(4, "ShardedDimProto"),
          },
        },
        ShardedDimProto: {
          fields: { axis: one(1, "int64"), simpleSharding: list(2, "SimpleShardedDimProto") },
        },
        SimpleShardedDimProto: {
          oneofs: { dim: { oneof: ["dimValue", "dimParam"] } },
          fields: {
            dimValue: one(1, "int64"),
            dimParam: one(2, "string"),
            numShards: one(3, "int64"),
          },
        },
        TrainingInfoProto: {
          fields: {
            initialization: one(1, "GraphProto"),
            algorithm: one(2, "GraphProto"),
            initializationBinding: entries(3),
            updateBinding: entries(4),
          },
        },
        ModelProto: {
          fields: {
            irVersion: one(1, "int64"),
            opsetImport: list(8, "OperatorSetIdProto"),
            producerName: one(2, "string"),
            producerVersion: one(3, "string"),
            domain: one(4, "string"),
            modelVersion: one(5, "int64"),
            docString: one(6, "string"),
            graph: one(7, "GraphProto"),
            metadataProps: entries(14),
            trainingInfo: list(20, "TrainingInfoProto"),
            functions: list(25, "FunctionProto"),
            configuration: list(26, "DeviceConfigurationProto"),
          },
        },
        DeviceConfigurationProto: {
          fields: {
            name: one(1, "string"),
            numDevices: one(2, "int32"),
            device: list(3, "string"),
          },
        },
        TensorAnnotation: {
          fields: { tensorName: one(1, "string"), quantParameterTensorNames: entries(2) },
        },
        GraphProto: {
          fields: {
            node: list(1, "NodeProto"),
            name: one(2, "string"),
            initializer: list(5, "TensorProto"),
            sparseInitializer: list(15, "SparseTensorProto"),
            docString: one(10, "string"),
            input: list(11, "ValueInfoProto"),
            output: list(12, "ValueInfoProto"),
            valueInfo: list(13, "ValueInfoProto"),
            quantizationAnnotation: list(14, "TensorAnnotation"),
            metadataProps: entries(16),
          },
        },
        TensorProto: {
          nested: { Segment: { fields: { begin: one(1, "int64"), end: one(2, "int64") } } },
          fields: {
            dims: list(1, "int64"),
            dataType: one(2, "int32"),
            segment: one(3, "Segment"),
            floatData: packed(4, "float"),
            int32Data: packed(5, "int32"),
            stringData: list(6, "bytes"),
            int64Data: packed(7, "int64"),
            name: one(8, "string"),
            docString: one(12, "string"),
            rawData: one(9, "bytes"),
            externalData: entries(13),
            dataLocation: one(14, "int32"),
            doubleData: packed(10, "double"),
            uint64Data: packed(11, "uint64"),
            metadataProps: entries(16),
          },
        },
        SparseTensorProto: {
          fields: {
            values: one(1, "TensorProto"),
            indices: one(2, "TensorProto"),
            dims: list(3, "int64"),
          },
        },
        TensorShapeProto: {
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ["dimValue", "dimParam"] } },
              fields: {
                dimValue: one(1, "int64"),
                dimParam: one(2, "string"),
                denotation: one(3, "string"),
              },
            },
          },
          fields: { dim: list(1, "Dimension") },
        },
        TypeProto: {
          nested: {
            Tensor: { fields: { elemType: one(1, "int32"), shape: one(2, "TensorShapeProto") } },
            Sequence: { fields: { elemType: one(1, "TypeProto") } },
            Map: { fields: { keyType: one(1, "int32"), valueType: one(2, "TypeProto") } },
            Optional: { fields: { elemType: one(1, "TypeProto") } },
            SparseTensor: {
              fields: { elemType: one(1, "int32"), shape: one(2, "TensorShapeProto") },
            },
            Opaque: { fields: { domain: one(1, "string"), name: one(2, "string") } },
          },
          oneofs: {
            value: {
              oneof: [
                "tensorType",
                "sequenceType",
                "mapType",
                "optionalType",
                "sparseTensorType",
                "opaqueType",
              ],
            },
          },
          fields: {
            tensorType: one(1, "Tensor"),
            sequenceType: one(4, "Sequence"),
            mapType: one(5, "Map"),
            optionalType: one(9, "Optional"),
            sparseTensorType: one(8, "SparseTensor"),
            opaqueType: one(7, "Opaque"),
            denotation: one(6, "string"),
          },
        },
        FunctionProto: {
          fields: {
            name: one(1, "string"),
            input: list(4, "string"),
            output: list(5, "string"),
            attribute: list(6, "string"),
            attributeProto: list(11, "AttributeProto"),
            node: list(7, "NodeProto"),
            docString: one(8, "string"),
            opsetImport: list(9, "OperatorSetIdProto"),
            domain: one(10, "string"),
            overload: one(13, "string"),
            valueInfo: list(12, "ValueInfoProto"),
            metadataProps: entries(14),
          },
        },
      },
    },
  },
};

// Each message carries the proto2 edition: the JSON loader would otherwise treat it as proto3
// (implicit presence), dropping fields set to their default value on re-encoding.
const messages: Record<string, object> = descriptor.nested.onnx.nested;
for (const [name, message] of Object.entries(messages)) {
  messages[name] = { ...message, edition: "proto2" };
}
const root = protobuf.Root.fromJSON(descriptor);

/** The ModelProto message type: `decode` and `encode` for whole model files. */
export const modelProtoType: protobuf.Type = root.lookupType("onnx.ModelProto");

/**
 * Decodes a ModelProto keeping the fields this schema does not declare (a newer ONNX version's),
 * so that `modelProtoType.encode` writes them back.
 */
export function decodeModelProto(bytes: Uint8Array): protobuf.Message {
  const reader = protobuf.Reader.create(bytes);
  reader.discardUnknown = false;
  return modelProtoType.decode(reader);
}

/** Message types whose encoding the streaming writer splits around large payloads. */
export const graphProtoType: protobuf.Type = root.lookupType("onnx.GraphProto");
export const tensorProtoType: protobuf.Type = root.lookupType("onnx.TensorProto");

/** Field numbers of a message type by property name. */
export function fieldNumbers(type: protobuf.Type): ReadonlyMap<string, number> {
  return new Map(type.fieldsArray.map((f) => [f.name, f.id]));
}
