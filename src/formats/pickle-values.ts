import type { Dtype } from "./dtype.js";

/**
 * What the checkpoint unpickler builds: plain data only. None of these carries behaviour, so a
 * pickle can describe anything it likes and still cause nothing to run.
 */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | PyBytes
  | PyTuple
  | PyList
  | PyDict
  | PySet
  | PyGlobal
  | PyDevice
  | TorchStorage
  | TorchTensor;

/** A Python float, kept apart from ints so `3.0` stays a float wherever it is shown. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

export class PyList {
  readonly items: PyValue[] = [];
}

export class PySet {
  readonly items: PyValue[] = [];
}

export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** A global from the allow-list (a storage class, dtype, rebuild function, …), named only. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}

  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }
}

/** `torch.device("cpu")`: kept as its text. */
export class PyDevice {
  constructor(readonly text: string) {}
}

/**
 * A dict or OrderedDict. Keys compare as Python compares them (1 == 1.0 == True), and insertion
 * order is kept, as both types keep it.
 */
export class PyDict {
  private readonly map = new Map<string, [PyValue, PyValue]>();

  set(key: PyValue, value: PyValue): boolean {
    const id = dictKeyId(key);
    if (id === undefined) return false;
    const existing = this.map.get(id);
    if (existing) existing[1] = value;
    else this.map.set(id, [key, value]);
    return true;
  }

  get(key: string): PyValue | undefined {
    return this.map.get(dictKeyId(key) ?? "")?.[1];
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[PyValue, PyValue]> {
    return this.map.values();
  }
}

/**
 * A stable identity for a hashable key; undefined for unhashable ones (lists, dicts, …) and for
 * tuples nested deeper than any real key, so a hostile key cannot exhaust the call stack.
 */
function dictKeyId(key: PyValue, depth = 0): string | undefined {
  if (key === null) return "n";
  if (typeof key === "string") return `s${key}`;
  if (typeof key === "boolean") return `i${key ? 1 : 0}`;
  if (typeof key === "bigint") return `i${key}`;
  if (typeof key === "number") return `i${key}`;
  if (key instanceof PyFloat)
    return Number.isInteger(key.value) ? `i${key.value}` : `f${key.value}`;
  if (key instanceof PyTuple) {
    if (depth > 32) return undefined;
    const parts = key.items.map((item) => dictKeyId(item, depth + 1));
    return parts.every((p) => p !== undefined) ? `t${JSON.stringify(parts)}` : undefined;
  }
  if (key instanceof PyBytes) return `b${Buffer.from(key.bytes).toString("hex")}`;
  if (key instanceof PyGlobal) return `g${key.qualifiedName}`;
  return undefined;
}

/**
 * A storage named by the pickle's persistent id. Its bytes are found later by `key` (a zip
 * record or a legacy storage); a legacy view storage starts `byteOffset` bytes into its root.
 */
export class TorchStorage {
  constructor(
    readonly key: string,
    /** Element type the storage declares (U8 for an untyped storage). */
    readonly dtype: Dtype,
    readonly byteOffset: number,
    readonly byteLength: number,
    /** Where torch had it (`cpu`, `cuda:0`); kept for messages only. */
    readonly location: string,
  ) {}
}

/** A tensor as `_rebuild_tensor_v2` describes it: a strided view of a storage. */
export class TorchTensor {
  constructor(
    readonly storage: TorchStorage,
    readonly dtype: Dtype,
    /** In elements of `dtype`. */
    readonly offset: number,
    readonly shape: readonly number[],
    /** In elements of `dtype`. */
    readonly stride: readonly number[],
  ) {}
}

/** A value for messages: scalars as Python writes them, anything else by its type. */
export function show(value: PyValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  if (value instanceof PyFloat) return String(value.value);
  return describe(value);
}

/** A short description of a value's type for messages (`dict`, `list`, `tensor`, …). */
export function describe(value: PyValue): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  if (value instanceof PyFloat) return "float";
  if (typeof value === "bigint") return "int";
  if (typeof value === "string") return "str";
  if (value instanceof PyBytes) return "bytes";
  if (value instanceof PyTuple) return "tuple";
  if (value instanceof PyList) return "list";
  if (value instanceof PyDict) return "dict";
  if (value instanceof PySet) return "set";
  if (value instanceof PyGlobal) return value.qualifiedName;
  if (value instanceof PyDevice) return "torch.device";
  if (value instanceof TorchStorage) return "storage";
  return "tensor";
}
