import { unsupported } from "../formats/format-error.js";
import { DataType } from "../formats/onnx-dtype.js";
import { float32ToHalf } from "../formats/onnx-half.js";
import { int64ToNumber } from "../formats/onnx-int64.js";
import type { AttributeProto, NodeProto, TensorProto } from "../formats/onnx-proto-types.js";
import { AttributeType } from "../formats/onnx-proto-types.js";
import { FloatScratch, tensorFloat32 } from "../formats/onnx-tensor-data.js";
import { inferElemTypes } from "./onnx-elem-types.js";
import { FP32_INPUTS, FP32_OPS, FP32_OUTPUTS } from "./onnx-fp16-policy.js";
import { intAttr, node, tensor, type OnnxGraphEditor } from "./onnx-graph.js";
import { isDefaultDomain, requireNodeNames, type SkippedNode } from "./onnx-select.js";

export interface Fp16Options {
  /** Keep graph inputs and outputs FLOAT, with Cast nodes at the edges (default true). */
  keepIoTypes?: boolean;
  /** More op types to keep in FP32, besides `FP32_OPS`. */
  keepOps?: readonly string[];
  /** Node names to keep in FP32. */
  exclude?: readonly string[];
}

const { FLOAT, FLOAT16 } = DataType;

async function toHalfTensor(
  t: TensorProto,
  dir: string,
  scratch?: FloatScratch,
): Promise<TensorProto> {
  const values = await tensorFloat32(t, dir, `initializer ${t.name ?? ""}`, scratch);
  return tensor(
    t.name ?? "",
    FLOAT16,
    (t.dims ?? []).map((d) => int64ToNumber(d, "dims")),
    float32ToHalf(values),
  );
}

/** Rewrites a converted node's float-typed attributes (Cast targets, constant values). */
async function halfAttributes(n: NodeProto, dir: string): Promise<void> {
  const out: AttributeProto[] = [];
  for (const a of n.attribute ?? []) {
    if (n.opType === "Cast" && a.name === "to" && int64ToNumber(a.i, "to") === FLOAT) {
      out.push(intAttr("to", FLOAT16));
    } else if (
      n.opType === "EyeLike" &&
      a.name === "dtype" &&
      int64ToNumber(a.i, "dtype") === FLOAT
    ) {
      out.push(intAttr("dtype", FLOAT16));
    } else if (a.name === "value" && a.t?.dataType === FLOAT) {
      out.push({ name: "value", type: AttributeType.TENSOR, t: await toHalfTensor(a.t, dir) });
    } else if (n.opType === "Constant" && (a.name === "value_float" || a.name === "value_floats")) {
      const values = a.name === "value_float" ? [a.f ?? 0] : (a.floats ?? []);
      const dims = a.name === "value_float" ? [] : [values.length];
      const t = tensor("", FLOAT16, dims, float32ToHalf(Float32Array.from(values)));
      out.push({ name: "value", type: AttributeType.TENSOR, t });
    } else {
      out.push(a);
    }
  }
  n.attribute = out;
}

/**
 * FP16 variant: float initializers, constants and computation become FLOAT16. Graph inputs
 * and outputs stay FLOAT by default (Cast nodes at the edges), so callers feed the same tensors.
 * Ops in `FP32_OPS`, `keepOps`, `exclude` and outside the default domain stay FP32 with casts
 * around them; constants only they use are not converted. Models with control flow (If, Loop,
 * Scan) are refused: their subgraphs capture outer values whose type would change under them.
 */
export async function convertToFloat16(
  editor: OnnxGraphEditor,
  dir: string,
  options: Fp16Options,
): Promise<{ converted: string[]; kept: SkippedNode[] }> {
  const graph = editor.graph;
  const nodes = graph.node ?? [];
  const exclude = new Set(options.exclude ?? []);
  requireNodeNames(nodes, exclude);
  const flow = nodes.find((n) => n.attribute?.some((a) => a.g ?? a.graphs?.length));
  if (flow) {
    throw unsupported(
      "onnx-fp16",
      `node ${flow.name ?? ""} (${flow.opType ?? ""}) has subgraphs; FP16 conversion of models with control flow is not supported`,
    );
  }
  const keepIo = options.keepIoTypes ?? true;
  const keepOps = new Set(options.keepOps ?? []);
  const types = inferElemTypes(graph);
  const isFloat = (v: string | undefined): v is string => !!v && types.get(v) === FLOAT;
  const reason = (n: NodeProto): string | undefined =>
    exclude.has(n.name ?? "")
      ? "excluded"
      : (FP32_OPS[n.opType ?? ""] ??
        (keepOps.has(n.opType ?? "") ? "in keepOps" : undefined) ??
        (isDefaultDomain(n) ? undefined : `domain ${n.domain ?? ""} op: type constraints unknown`));
  const fp32Slot = (n: NodeProto, i: number): boolean =>
    reason(n) !== undefined || (FP32_INPUTS[n.opType ?? ""]?.includes(i) ?? false);
  const uses = new Map<string, { n: NodeProto; i: number }[]>();
  for (const n of nodes) {
    (n.input ?? []).forEach((v, i) => uses.set(v, [...(uses.get(v) ?? []), { n, i }]));
  }
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const inputs = new Set((graph.input ?? []).map((o) => o.name ?? ""));
  const onlyFp32Uses = (v: string): boolean =>
    !outputs.has(v) && (uses.get(v) ?? []).every(({ n, i }) => fp32Slot(n, i));

  // Values that keep FLOAT under their own name, and FP16 names of FLOAT originals.
  const fp32 = new Set<string>();
  const alias = new Map<string, string>();
  const toFp32 = new Map<string, string>();
  const out: NodeProto[] = [];
  const cast = (from: string, to: string, type: number): NodeProto =>
    node("Cast", editor.unique(`${to}_cast`), [from], [to], [intAttr("to", type)]);

  const scratch = new FloatScratch();
  const initializers: TensorProto[] = [];
  for (const t of graph.initializer ?? []) {
    const name = t.name ?? "";
    if (t.dataType !== FLOAT || (inputs.has(name) && keepIo) || onlyFp32Uses(name)) {
      if (t.dataType === FLOAT) fp32.add(name);
      initializers.push(t);
    } else {
      initializers.push(await toHalfTensor(t, dir, scratch));
    }
  }
  graph.initializer = initializers;
  for (const v of graph.input ?? []) {
    const name = v.name ?? "";
    if (!isFloat(name) || !v.type?.tensorType) continue;
    if (keepIo) {
      fp32.add(name);
      const half = editor.unique(`${name}_fp16`);
      out.push(cast(name, half, FLOAT16));
      alias.set(name, half);
    } else {
      v.type.tensorType.elemType = FLOAT16;
    }
  }
  const converted: string[] = [];
  const kept: SkippedNode[] = [];
  for (const n of nodes) {
    const why =
      reason(n) ??
      (n.opType === "Constant" && onlyFp32Uses(n.output?.[0] ?? "")
        ? "feeds FP32 ops only"
        : undefined);
    n.input = (n.input ?? []).map((v, i) => {
      if (!isFloat(v)) return v;
      if (!fp32Slot(n, i)) return alias.get(v) ?? v;
      if (fp32.has(v)) return v;
      let full = toFp32.get(v);
      if (!full) {
        full = editor.unique(`${v}_fp32`);
        out.push(cast(alias.get(v) ?? v, full, FLOAT));
        toFp32.set(v, full);
      }
      return full;
    });
    const after: NodeProto[] = [];
    n.output = (n.output ?? []).map((o, i) => {
      const fixed = why !== undefined || (FP32_OUTPUTS[n.opType ?? ""]?.includes(i) ?? false);
      if (!isFloat(o) || !fixed) return o;
      if (onlyFp32Uses(o)) {
        fp32.add(o);
        return o;
      }
      const full = editor.unique(`${o}_fp32`);
      toFp32.set(o, full);
      after.push(cast(full, o, FLOAT16));
      return full;
    });
    if (why === undefined) {
      await halfAttributes(n, dir);
      if ([...(n.input ?? []), ...(n.output ?? [])].some((v) => isFloat(v))) {
        converted.push(n.name ?? "");
      }
    } else if (n.opType !== "Constant" || why !== "feeds FP32 ops only") {
      kept.push({ node: n.name ?? "", reason: why });
    }
    out.push(n, ...after);
  }
  for (const v of graph.output ?? []) {
    const name = v.name ?? "";
    if (!isFloat(name) || fp32.has(name) || !v.type?.tensorType) continue;
    if (!keepIo) {
      v.type.tensorType.elemType = FLOAT16;
      continue;
    }
    const half = editor.unique(`${name}_fp16`);
    const rename = (x: string): string => (x === name ? half : x);
    for (const n of out) {
      n.input = (n.input ?? []).map(rename);
      n.output = (n.output ?? []).map(rename);
    }
    out.push(cast(half, name, FLOAT));
  }
  for (const v of graph.valueInfo ?? []) {
    const t = v.type?.tensorType;
    if (t?.elemType === FLOAT && !fp32.has(v.name ?? "")) t.elemType = FLOAT16;
  }
  graph.node = out;
  editor.dropUnusedInitializers();
  return { converted, kept };
}
