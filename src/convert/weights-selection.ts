import { ModelPublishError } from "../errors.js";
import { PyDict, TorchTensor, describe, show, type PyValue } from "../formats/pickle-values.js";

/** The weights found in a checkpoint, and the entries beside them. */
export interface WeightsSelection {
  /** The nested key the weights came from; undefined when they are the top level. */
  key: string | undefined;
  tensors: [string, TorchTensor][];
  /** Top-level entries outside the weights (step, loss, optimizer, …). */
  others: [string, PyValue][];
  /** Entries of the weights dict that are not tensors; left out of the output. */
  skipped: string[];
}

/** `weightsKey` value that selects the top level explicitly. */
export const TOP_LEVEL = ".";

function tensorEntries(dict: PyDict, where: string): [string, TorchTensor][] {
  const out: [string, TorchTensor][] = [];
  for (const [key, value] of dict.entries()) {
    if (!(value instanceof TorchTensor)) continue;
    if (typeof key !== "string") {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: a tensor is stored under a ${describe(key)} key; tensor names must be strings`,
      );
    }
    out.push([key, value]);
  }
  return out;
}

function isWeightsDict(value: PyValue): value is PyDict {
  if (!(value instanceof PyDict) || value.size === 0) return false;
  for (const [, item] of value.entries()) if (!(item instanceof TorchTensor)) return false;
  return true;
}

function lookup(root: PyDict, key: string): PyValue | undefined {
  const direct = root.get(key);
  if (direct !== undefined) return direct;
  let node: PyValue | undefined = root;
  for (const part of key.split(/[./]/)) {
    node = node instanceof PyDict ? node.get(part) : undefined;
  }
  return node;
}

/**
 * Finds the weights in a checkpoint's object. A flat state dict is its own weights; a training
 * checkpoint nests them (`state_dict`, `model`, `ema`, …). With no key, the one dict of tensors is
 * chosen; several candidates, or none, is an error that lists what the file holds.
 */
export function selectWeights(
  root: PyValue,
  weightsKey: string | undefined,
  where: string,
): WeightsSelection {
  if (!(root instanceof PyDict)) {
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: the checkpoint holds a ${describe(root)}, not a dict of tensors; save model.state_dict() (or a dict holding it)`,
    );
  }
  const entries = [...root.entries()].filter(
    (e): e is [string, PyValue] => typeof e[0] === "string",
  );
  const rootTensors = tensorEntries(root, where);
  const candidates = entries.filter(([, value]) => isWeightsDict(value)).map(([key]) => key);
  if (rootTensors.some(([, t]) => t.shape.length > 0)) candidates.unshift(TOP_LEVEL);
  const listing = entries.map(([key, value]) => `${key} (${describe(value)})`).join(", ");

  let key: string | undefined;
  if (weightsKey === undefined) {
    if (candidates.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: no tensors found at the top level or in a nested dict; the checkpoint holds: ${listing || "nothing"}`,
      );
    }
    if (candidates.length > 1) {
      throw new ModelPublishError(
        "INPUT_UNSUPPORTED",
        `${where}: the checkpoint holds several dicts of weights (${candidates.map((c) => (c === TOP_LEVEL ? "the top level" : c)).join(", ")}); choose one with --weights-key or sources.weightsKey in the manifest`,
      );
    }
    key = candidates[0] === TOP_LEVEL ? undefined : candidates[0];
  } else if (weightsKey !== TOP_LEVEL && weightsKey !== "") {
    key = weightsKey;
  }

  if (key === undefined) {
    if (rootTensors.length === 0) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${where}: no tensors at the top level; the checkpoint holds: ${listing || "nothing"}`,
      );
    }
    return {
      key: undefined,
      tensors: rootTensors,
      others: entries.filter(([, value]) => !(value instanceof TorchTensor)),
      skipped: [],
    };
  }
  const chosen = lookup(root, key);
  const tensors = chosen instanceof PyDict ? tensorEntries(chosen, `${where} [${key}]`) : [];
  if (!(chosen instanceof PyDict) || tensors.length === 0) {
    const found =
      chosen === undefined
        ? "there is no such key"
        : `it holds a ${describe(chosen)} with no tensors`;
    throw new ModelPublishError(
      "INPUT_UNSUPPORTED",
      `${where}: weights key ${JSON.stringify(key)}: ${found}; candidates: ${candidates.join(", ") || "none"} (the checkpoint holds: ${listing})`,
    );
  }
  const skipped: string[] = [];
  for (const [name, value] of chosen.entries())
    if (!(value instanceof TorchTensor)) skipped.push(typeof name === "string" ? name : show(name));
  return { key, tensors, others: entries.filter(([name]) => name !== key), skipped };
}
