import { isCount } from "./checked-int.js";
import type { Dtype } from "./dtype.js";
import { malformed, unsupported } from "./format-error.js";
import {
  PyBytes,
  PyDevice,
  PyDict,
  PyGlobal,
  PyList,
  PySet,
  PyTuple,
  TorchStorage,
  TorchTensor,
  describe,
  show,
  type PyValue,
} from "./pickle-values.js";
import { classifyGlobal, type GlobalKind } from "./torch-globals.js";
import { TORCH_DTYPES, TORCH_STORAGE_TYPES } from "./torch-dtypes.js";
import { makeTensorView, tensorBytes } from "./tensor-view.js";
import type { PickleHooks } from "./unpickler.js";

/** A global the allow-list accepted, with what it stands for. */
export class AllowedGlobal extends PyGlobal {
  constructor(
    module: string,
    name: string,
    readonly kind: GlobalKind,
  ) {
    super(module, name);
  }
}

/** The element dtype of a storage-class global (`torch.FloatStorage` → F32). */
export function storageDtype(value: PyValue): Dtype | undefined {
  return value instanceof AllowedGlobal && value.kind === "storage-type"
    ? TORCH_STORAGE_TYPES.get(value.name)
    : undefined;
}

const REBUILDERS = new Set<GlobalKind>([
  "rebuild-tensor",
  "rebuild-tensor-v2",
  "rebuild-tensor-v3",
  "rebuild-parameter",
  "rebuild-parameter-with-state",
]);

/**
 * The checkpoint policy for the unpickler: allowed globals become names, allowed calls become
 * data (a dict, a tensor view), and everything else is refused. `maxTensorBytes` bounds what one
 * tensor may expand to (a zero-stride view can claim far more than the file holds).
 */
export function torchPickleHooks(
  where: string,
  persistentLoad: (pid: PyValue, at: number) => PyValue,
  maxTensorBytes: number,
): PickleHooks {
  const fail = (at: number, detail: string): never => {
    throw malformed(where, `${detail} (at byte ${at})`);
  };

  const tensor = (
    args: readonly PyValue[],
    dtypeArg: PyValue | undefined,
    at: number,
  ): TorchTensor => {
    const [storage, offset, size, stride] = args;
    if (!(storage instanceof TorchStorage)) {
      return fail(at, `a tensor must be rebuilt from a storage, got ${describe(storage ?? null)}`);
    }
    let dtype = storage.dtype;
    if (dtypeArg !== undefined) {
      const named =
        dtypeArg instanceof AllowedGlobal && dtypeArg.kind === "dtype"
          ? TORCH_DTYPES.get(dtypeArg.name)
          : undefined;
      if (named === undefined)
        return fail(at, `_rebuild_tensor_v3 needs a dtype, got ${describe(dtypeArg)}`);
      dtype = named;
    }
    if (!(size instanceof PyTuple) || !(stride instanceof PyTuple)) {
      return fail(at, "a tensor's size and stride must be tuples");
    }
    const view = makeTensorView(storage, dtype, offset, size.items, stride.items);
    if (typeof view === "string") return fail(at, `tensor ${view}`);
    if (tensorBytes(view) > maxTensorBytes) {
      return fail(
        at,
        `a tensor of shape [${view.shape.join(", ")}] would need ${tensorBytes(view)} bytes, more than the ${maxTensorBytes}-byte file holds`,
      );
    }
    return view;
  };

  const reduce = (callable: PyValue, args: PyTuple, at: number): PyValue => {
    if (!(callable instanceof AllowedGlobal)) {
      return fail(
        at,
        `REDUCE on a ${describe(callable)}: only allowed constructors may be applied`,
      );
    }
    const a = args.items;
    switch (callable.kind) {
      case "ordered-dict": {
        const dict = new PyDict();
        const source = a[0];
        if (a.length > 1) return fail(at, `${callable.qualifiedName} takes at most one argument`);
        if (source instanceof PyDict) for (const [k, v] of source.entries()) dict.set(k, v);
        else if (source instanceof PyList || source instanceof PyTuple) {
          for (const pair of source.items) {
            if (!(pair instanceof PyTuple) || pair.items.length !== 2)
              return fail(at, "dict items must be pairs");
            if (!dict.set(pair.items[0] ?? null, pair.items[1] ?? null))
              return fail(at, "unhashable dict key");
          }
        } else if (source !== undefined && source !== null)
          return fail(at, `cannot build a dict from a ${describe(source)}`);
        return dict;
      }
      case "rebuild-tensor":
      case "rebuild-tensor-v2":
        return tensor(a, undefined, at);
      case "rebuild-tensor-v3":
        return tensor(a, a[6] ?? null, at);
      case "rebuild-parameter":
      case "rebuild-parameter-with-state": {
        const data = a[0];
        return data instanceof TorchTensor
          ? data
          : fail(at, `a Parameter must wrap a tensor, got ${describe(data ?? null)}`);
      }
      case "rebuild-from-type-v2": {
        const [func, type, inner] = a;
        if (!(func instanceof AllowedGlobal) || !REBUILDERS.has(func.kind)) {
          return fail(
            at,
            `_rebuild_from_type_v2 must name a tensor rebuild function, got ${describe(func ?? null)}`,
          );
        }
        if (!(type instanceof AllowedGlobal) || type.kind !== "tensor-class") {
          throw unsupported(
            where,
            `tensor subclass ${describe(type ?? null)} (at byte ${at}) is not supported; save plain tensors`,
          );
        }
        if (!(inner instanceof PyTuple))
          return fail(at, "_rebuild_from_type_v2 arguments must be a tuple");
        return reduce(func, inner, at);
      }
      case "size": {
        const dims = a[0];
        if (!(dims instanceof PyTuple) && !(dims instanceof PyList))
          return fail(at, "torch.Size needs a tuple");
        return new PyTuple([...dims.items]);
      }
      case "device":
        return new PyDevice(
          a.map((part) => (typeof part === "string" ? part : show(part))).join(":"),
        );
      case "codecs-encode": {
        const [text, encoding] = a;
        if (typeof text !== "string" || (encoding !== "latin1" && encoding !== "latin-1")) {
          return fail(at, "_codecs.encode is only allowed as (str, 'latin1') for bytes");
        }
        const bytes = Buffer.from(text, "latin1");
        if (bytes.toString("latin1") !== text)
          return fail(at, "_codecs.encode text is not latin-1");
        return new PyBytes(bytes);
      }
      case "set": {
        const set = new PySet();
        const items = a[0];
        if (items instanceof PyList || items instanceof PyTuple) set.items.push(...items.items);
        else if (items !== undefined)
          return fail(at, `cannot build a set from a ${describe(items)}`);
        return set;
      }
      case "bytearray": {
        const source = a[0];
        if (source instanceof PyBytes) return source;
        return source === undefined
          ? new PyBytes(new Uint8Array(0))
          : fail(at, "bytearray needs bytes");
      }
      case "tensor-class":
      case "storage-type":
      case "dtype":
        return fail(at, `${callable.qualifiedName} cannot be called in a checkpoint`);
    }
  };

  return {
    global(module, name, at) {
      return new AllowedGlobal(module, name, classifyGlobal(module, name, where, at));
    },
    reduce,
    newObject(cls, args, at) {
      if (cls instanceof AllowedGlobal && cls.kind === "ordered-dict" && args.items.length === 0) {
        return new PyDict();
      }
      if (
        cls instanceof AllowedGlobal &&
        cls.kind === "tensor-class" &&
        args.items[0] instanceof TorchTensor
      ) {
        return args.items[0];
      }
      return fail(at, `NEWOBJ of ${describe(cls)} is not allowed`);
    },
    build(target, state, at) {
      if (target instanceof PyDict && (state === null || state instanceof PyDict)) return target;
      if (target instanceof TorchTensor && (state === null || state instanceof PyDict))
        return target;
      if (target instanceof TorchTensor && state instanceof PyTuple) {
        throw unsupported(
          where,
          `BUILD with tensor state (at byte ${at}) would re-point a tensor at other memory; this old tensor format is not supported`,
        );
      }
      return fail(
        at,
        `BUILD on a ${describe(target)} with a ${describe(state)} state is not allowed`,
      );
    },
    persistentLoad,
  };
}

/** Checks a persistent id's common fields: `('storage', <storage class>, key, location, numel, …)`. */
export function parseStoragePid(
  pid: PyValue,
  arity: number,
  fail: (detail: string) => never,
): { dtype: Dtype; key: string; location: string; numel: number; rest: readonly PyValue[] } {
  if (!(pid instanceof PyTuple) || pid.items.length !== arity) {
    return fail(
      `a persistent id must be a ${arity}-tuple ('storage', type, key, location, numel…), got ${describe(pid)}`,
    );
  }
  const [kind, type, key, location, numel, ...rest] = pid.items;
  if (kind !== "storage")
    return fail(`persistent id of kind ${JSON.stringify(kind)} is not a storage`);
  const dtype = storageDtype(type ?? null);
  if (dtype === undefined)
    return fail(`persistent id names ${describe(type ?? null)}, not a storage class`);
  if (typeof key !== "string" || !/^[A-Za-z0-9_]{1,64}$/.test(key)) {
    return fail(
      `storage key ${JSON.stringify(key)} is not a plain name (letters, digits, _); refusing a key that could point elsewhere`,
    );
  }
  if (typeof location !== "string") return fail("storage location must be a string");
  if (!isCount(numel))
    return fail(`storage size ${show(numel ?? null)} is not a non-negative integer`);
  return { dtype, key, location, numel, rest };
}
