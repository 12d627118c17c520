import { malformed } from "./format-error.js";
import { PyDict, PyList, PySet, PyTuple, type PyValue } from "./pickle-values.js";

/** Deeper than any checkpoint; Python's own pickler stops near 1000 frames of recursion. */
export const MAX_PICKLE_DEPTH = 1000;

function children(value: PyValue): PyValue[] {
  if (value instanceof PyTuple || value instanceof PyList || value instanceof PySet) {
    return [...value.items];
  }
  if (value instanceof PyDict) {
    const out: PyValue[] = [];
    for (const [key, item] of value.entries()) out.push(key, item);
    return out;
  }
  return [];
}

/**
 * Refuses a result that nests deeper than MAX_PICKLE_DEPTH or contains itself. Walks with an
 * explicit stack and memoised depths, so neither a deep chain nor a wide shared graph can
 * exhaust the call stack or take exponential time; whatever reads the result later may recurse
 * safely.
 */
export function checkPickleGraph(root: PyValue, where: string): void {
  const depth = new Map<object, number>();
  const onPath = new Set<object>();
  const work: { node: object; kids: PyValue[]; next: number; deepest: number }[] = [];
  const enter = (value: PyValue): number | undefined => {
    if (value === null || typeof value !== "object") return 0;
    const known = depth.get(value);
    if (known !== undefined) return known;
    if (onPath.has(value))
      throw malformed(where, "the pickle builds a container that contains itself");
    const kids = children(value);
    if (kids.length === 0) {
      depth.set(value, 0);
      return 0;
    }
    if (work.length >= MAX_PICKLE_DEPTH) {
      throw malformed(where, `containers nest deeper than ${MAX_PICKLE_DEPTH} levels`);
    }
    onPath.add(value);
    work.push({ node: value, kids, next: 0, deepest: 0 });
    return undefined;
  };
  enter(root);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    if (!frame) break;
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++] ?? null;
      const known = enter(kid);
      if (known !== undefined) frame.deepest = Math.max(frame.deepest, known + 1);
      continue;
    }
    work.pop();
    onPath.delete(frame.node);
    depth.set(frame.node, frame.deepest);
    const parent = work[work.length - 1];
    if (parent) parent.deepest = Math.max(parent.deepest, frame.deepest + 1);
  }
}
