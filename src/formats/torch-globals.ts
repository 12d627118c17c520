import { malformed, unsupported } from "./format-error.js";
import {
  TORCH_DTYPES,
  TORCH_DTYPES_WITHOUT_SAFETENSORS,
  TORCH_STORAGE_TYPES,
  TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS,
} from "./torch-dtypes.js";

/** What an allowed global stands for; the unpickler only ever sees these as names. */
export type GlobalKind =
  | "ordered-dict"
  | "rebuild-tensor"
  | "rebuild-tensor-v2"
  | "rebuild-tensor-v3"
  | "rebuild-parameter"
  | "rebuild-parameter-with-state"
  | "rebuild-from-type-v2"
  | "tensor-class"
  | "size"
  | "device"
  | "codecs-encode"
  | "set"
  | "bytearray"
  | "storage-type"
  | "dtype";

const FIXED = new Map<string, GlobalKind>([
  ["collections.OrderedDict", "ordered-dict"],
  ["collections.Counter", "ordered-dict"],
  ["torch._utils._rebuild_tensor", "rebuild-tensor"],
  ["torch._utils._rebuild_tensor_v2", "rebuild-tensor-v2"],
  ["torch._utils._rebuild_tensor_v3", "rebuild-tensor-v3"],
  ["torch._utils._rebuild_parameter", "rebuild-parameter"],
  ["torch._utils._rebuild_parameter_with_state", "rebuild-parameter-with-state"],
  ["torch._tensor._rebuild_from_type_v2", "rebuild-from-type-v2"],
  ["torch.Tensor", "tensor-class"],
  ["torch._tensor.Tensor", "tensor-class"],
  ["torch.nn.parameter.Parameter", "tensor-class"],
  ["torch.Size", "size"],
  ["torch.device", "device"],
  ["_codecs.encode", "codecs-encode"],
  ["builtins.set", "set"],
  ["builtins.bytearray", "bytearray"],
]);

/** Allowed by torch's weights-only loader, but describing tensors with no safetensors form. */
const ALLOWED_ELSEWHERE = new Set([
  "torch._utils._rebuild_qtensor",
  "torch._utils._rebuild_sparse_tensor",
  "torch._utils._rebuild_meta_tensor_no_storage",
  "torch._utils._rebuild_nested_tensor",
  "torch._utils._rebuild_wrapper_subclass",
  "torch._utils._rebuild_device_tensor_from_numpy",
  "torch._utils._rebuild_device_tensor_from_cpu_tensor",
  "torch.serialization._get_layout",
  "torch.per_tensor_affine",
  "torch.per_tensor_symmetric",
  "torch.per_channel_affine",
  "torch.per_channel_symmetric",
  "torch.per_channel_affine_float_qparams",
  "builtins.complex",
]);

/** Python 2 module names that pickles may still carry. */
const RENAMED_MODULES = new Map([
  ["__builtin__", "builtins"],
  ["copy_reg", "copyreg"],
]);

const STORAGE_MODULES = new Set(["torch", "torch.cuda", "torch.storage"]);

/**
 * Decides whether `module.name` may appear in a checkpoint and what it stands for; refuses
 * anything else with a message naming the global and the byte offset. The list is the data part
 * of torch's weights-only allow-list: containers, tensor rebuilders, storage classes and dtypes.
 */
export function classifyGlobal(
  rawModule: string,
  name: string,
  where: string,
  at: number,
): GlobalKind {
  const module = RENAMED_MODULES.get(rawModule) ?? rawModule;
  const qualified = `${module}.${name}`;
  const kind = FIXED.get(qualified);
  if (kind !== undefined) return kind;
  if (STORAGE_MODULES.has(module) && TORCH_STORAGE_TYPES.has(name)) return "storage-type";
  if (module === "torch" && TORCH_DTYPES.has(name)) return "dtype";
  const place = `(at byte ${at})`;
  if (
    (STORAGE_MODULES.has(module) && TORCH_STORAGE_TYPES_WITHOUT_SAFETENSORS.has(name)) ||
    (module === "torch" && TORCH_DTYPES_WITHOUT_SAFETENSORS.has(name)) ||
    ALLOWED_ELSEWHERE.has(qualified)
  ) {
    throw unsupported(
      where,
      `${qualified} ${place} describes a tensor kind safetensors cannot hold (quantized, sparse, nested, meta, complex128 or bit-packed); convert those tensors to a plain dtype before saving`,
    );
  }
  if (module === "__main__" || module.startsWith("torch.nn.")) {
    throw unsupported(
      where,
      `${qualified} ${place} is a model class: this file pickles a whole model object (torch.save(model)). Load it where its code lives and save model.state_dict() instead; model-publish never runs a checkpoint's code`,
    );
  }
  if (module.startsWith("numpy")) {
    throw malformed(
      where,
      `refused global ${qualified} ${place}: numpy objects are not plain data a weights-only load accepts; store Python numbers or tensors in the checkpoint instead`,
    );
  }
  throw malformed(
    where,
    `refused global ${qualified} ${place}: a checkpoint may only name tensors, storages, dtypes and plain containers. This file asks to import ${qualified}, which would run code under a plain torch.load — do not load it`,
  );
}
