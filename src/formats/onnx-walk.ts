import type {
  AttributeProto,
  GraphProto,
  ModelProto,
  NodeProto,
  SparseTensorProto,
  TensorProto,
} from "./onnx-proto-types.js";

/**
 * Replaces a tensor: returns the tensor to keep in its place (the same object to leave it).
 * `where` names the tensor's place in the model, for messages.
 */
export type TensorMapper = (tensor: TensorProto, where: string) => TensorProto;

/**
 * A copy of a decoded message with the same prototype (its field defaults) and own properties,
 * including the unknown fields the decoder kept, so encoding the copy writes the same bytes.
 */
export function copyMessage<T extends object>(message: T): T {
  const copy: unknown = Object.create(
    Object.getPrototypeOf(message) as object | null,
    Object.getOwnPropertyDescriptors(message),
  );
  return copy as T;
}

function mapList<T>(items: T[] | undefined, map: (item: T, index: number) => T): T[] | undefined {
  if (!items) return items;
  let out: T[] | undefined;
  items.forEach((item, index) => {
    const next = map(item, index);
    if (next !== item) {
      out ??= items.slice();
      out[index] = next;
    }
  });
  return out ?? items;
}

/** Copies `message` with `changes` when any of them differs from the current value. */
function update<T extends object>(message: T, changes: Partial<T>): T {
  const keys = Object.keys(changes) as (keyof T)[];
  if (keys.every((key) => changes[key] === message[key])) return message;
  return Object.assign(copyMessage(message), changes);
}

function label(name: string | undefined, index: number): string {
  return name ? JSON.stringify(name) : `#${index}`;
}

function mapSparse(sparse: SparseTensorProto, where: string, fn: TensorMapper): SparseTensorProto {
  return update(sparse, {
    values: sparse.values && fn(sparse.values, `${where} values`),
    indices: sparse.indices && fn(sparse.indices, `${where} indices`),
  });
}

function mapAttribute(attribute: AttributeProto, where: string, fn: TensorMapper): AttributeProto {
  const at = `${where} attribute ${label(attribute.name, 0)}`;
  return update(attribute, {
    t: attribute.t && fn(attribute.t, at),
    tensors: mapList(attribute.tensors, (t, i) => fn(t, `${at}[${i}]`)),
    sparseTensor: attribute.sparseTensor && mapSparse(attribute.sparseTensor, at, fn),
    sparseTensors: mapList(attribute.sparseTensors, (s, i) => mapSparse(s, `${at}[${i}]`, fn)),
    g: attribute.g && mapGraph(attribute.g, at, fn),
    graphs: mapList(attribute.graphs, (g, i) => mapGraph(g, `${at}[${i}]`, fn)),
  });
}

function mapNodes(nodes: NodeProto[] | undefined, where: string, fn: TensorMapper) {
  return mapList(nodes, (node, i) => {
    const at = `${where} node ${label(node.name, i)}`;
    return update(node, { attribute: mapList(node.attribute, (a) => mapAttribute(a, at, fn)) });
  });
}

function mapGraph(graph: GraphProto, where: string, fn: TensorMapper): GraphProto {
  const at = `${where ? `${where} ` : ""}graph ${label(graph.name, 0)}`;
  return update(graph, {
    initializer: mapList(graph.initializer, (t, i) =>
      fn(t, `${at} initializer ${label(t.name, i)}`),
    ),
    sparseInitializer: mapList(graph.sparseInitializer, (s, i) =>
      mapSparse(s, `${at} sparse initializer #${i}`, fn),
    ),
    node: mapNodes(graph.node, at, fn),
  });
}

/**
 * Applies `fn` to every tensor stored in the model: initializers and sparse initializers of
 * every graph (subgraphs of If/Loop/Scan included), tensor attributes, training graphs and
 * model-local functions. Returns a new model that shares every part `fn` left unchanged; the
 * input is not modified.
 */
export function mapTensors(model: ModelProto, fn: TensorMapper): ModelProto {
  return update(model, {
    graph: model.graph && mapGraph(model.graph, "", fn),
    trainingInfo: mapList(model.trainingInfo, (info, i) =>
      update(info, {
        initialization:
          info.initialization && mapGraph(info.initialization, `training info #${i}`, fn),
        algorithm: info.algorithm && mapGraph(info.algorithm, `training info #${i}`, fn),
      }),
    ),
    functions: mapList(model.functions, (f, i) =>
      update(f, { node: mapNodes(f.node, `function ${label(f.name, i)}`, fn) }),
    ),
  });
}

/** Calls `visit` on every tensor stored in the model, in the order `mapTensors` visits them. */
export function forEachTensor(
  model: ModelProto,
  visit: (tensor: TensorProto, where: string) => void,
): void {
  mapTensors(model, (tensor, where) => {
    visit(tensor, where);
    return tensor;
  });
}
