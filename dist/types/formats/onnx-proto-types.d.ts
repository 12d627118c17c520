/**
 * The ONNX protobuf messages as the decoder hands them out (field names in camelCase, as
 * protobufjs names them). Every field is optional, as in onnx.proto (proto2): a decoded message
 * holds only the fields the file set, so re-encoding writes back exactly those.
 *
 * int64 fields decode to a Long (two 32-bit halves) so values such as INT64_MAX in Slice ends
 * survive a round trip; read them with `int64ToNumber` and write plain numbers.
 */
/** A 64-bit integer as protobufjs decodes it. */
export interface Int64Like {
    low: number;
    high: number;
    unsigned: boolean;
}
/** An int64 field: a Long from the decoder, or a number we set. */
export type Int64 = number | Int64Like;
export interface StringStringEntryProto {
    key?: string;
    value?: string;
}
export interface OperatorSetIdProto {
    domain?: string;
    version?: Int64;
}
export interface TensorShapeDimension {
    dimValue?: Int64;
    dimParam?: string;
    denotation?: string;
}
export interface TensorShapeProto {
    dim?: TensorShapeDimension[];
}
export interface TypeProtoTensor {
    elemType?: number;
    shape?: TensorShapeProto;
}
export interface TypeProto {
    tensorType?: TypeProtoTensor;
    sequenceType?: {
        elemType?: TypeProto;
    };
    mapType?: {
        keyType?: number;
        valueType?: TypeProto;
    };
    optionalType?: {
        elemType?: TypeProto;
    };
    sparseTensorType?: TypeProtoTensor;
    opaqueType?: {
        domain?: string;
        name?: string;
    };
    denotation?: string;
}
export interface ValueInfoProto {
    name?: string;
    type?: TypeProto;
    docString?: string;
    metadataProps?: StringStringEntryProto[];
}
export interface TensorProto {
    dims?: Int64[];
    dataType?: number;
    segment?: {
        begin?: Int64;
        end?: Int64;
    };
    floatData?: number[];
    int32Data?: number[];
    stringData?: Uint8Array[];
    int64Data?: Int64[];
    name?: string;
    docString?: string;
    rawData?: Uint8Array;
    externalData?: StringStringEntryProto[];
    dataLocation?: number;
    doubleData?: number[];
    uint64Data?: Int64[];
    metadataProps?: StringStringEntryProto[];
}
export interface SparseTensorProto {
    values?: TensorProto;
    indices?: TensorProto;
    dims?: Int64[];
}
export interface AttributeProto {
    name?: string;
    refAttrName?: string;
    docString?: string;
    /** AttributeProto.AttributeType: see `AttributeType`. */
    type?: number;
    f?: number;
    i?: Int64;
    s?: Uint8Array;
    t?: TensorProto;
    g?: GraphProto;
    sparseTensor?: SparseTensorProto;
    tp?: TypeProto;
    floats?: number[];
    ints?: Int64[];
    strings?: Uint8Array[];
    tensors?: TensorProto[];
    graphs?: GraphProto[];
    sparseTensors?: SparseTensorProto[];
    typeProtos?: TypeProto[];
}
export interface NodeProto {
    input?: string[];
    output?: string[];
    name?: string;
    opType?: string;
    domain?: string;
    overload?: string;
    attribute?: AttributeProto[];
    docString?: string;
    metadataProps?: StringStringEntryProto[];
    /** NodeDeviceConfigurationProto messages, kept as decoded. */
    deviceConfigurations?: object[];
}
export interface TensorAnnotation {
    tensorName?: string;
    quantParameterTensorNames?: StringStringEntryProto[];
}
export interface GraphProto {
    node?: NodeProto[];
    name?: string;
    initializer?: TensorProto[];
    sparseInitializer?: SparseTensorProto[];
    docString?: string;
    input?: ValueInfoProto[];
    output?: ValueInfoProto[];
    valueInfo?: ValueInfoProto[];
    quantizationAnnotation?: TensorAnnotation[];
    metadataProps?: StringStringEntryProto[];
}
export interface TrainingInfoProto {
    initialization?: GraphProto;
    algorithm?: GraphProto;
    initializationBinding?: StringStringEntryProto[];
    updateBinding?: StringStringEntryProto[];
}
export interface FunctionProto {
    name?: string;
    input?: string[];
    output?: string[];
    attribute?: string[];
    attributeProto?: AttributeProto[];
    node?: NodeProto[];
    docString?: string;
    opsetImport?: OperatorSetIdProto[];
    domain?: string;
    overload?: string;
    valueInfo?: ValueInfoProto[];
    metadataProps?: StringStringEntryProto[];
}
export interface ModelProto {
    irVersion?: Int64;
    opsetImport?: OperatorSetIdProto[];
    producerName?: string;
    producerVersion?: string;
    domain?: string;
    modelVersion?: Int64;
    docString?: string;
    graph?: GraphProto;
    metadataProps?: StringStringEntryProto[];
    trainingInfo?: TrainingInfoProto[];
    functions?: FunctionProto[];
    /** DeviceConfigurationProto messages, kept as decoded. */
    configuration?: object[];
}
/** AttributeProto.AttributeType values. */
export declare const AttributeType: {
    readonly FLOAT: 1;
    readonly INT: 2;
    readonly STRING: 3;
    readonly TENSOR: 4;
    readonly GRAPH: 5;
    readonly FLOATS: 6;
    readonly INTS: 7;
    readonly STRINGS: 8;
    readonly TENSORS: 9;
    readonly GRAPHS: 10;
    readonly SPARSE_TENSOR: 11;
    readonly SPARSE_TENSORS: 12;
};
/** TensorProto.DataLocation.EXTERNAL. */
export declare const EXTERNAL_LOCATION = 1;
