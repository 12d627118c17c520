import { layoutSafetensors, type SafetensorsLayout } from "../formats/safetensors-layout.js";
import type { TorchTensor } from "../formats/pickle-values.js";
import type { TorchCheckpoint } from "../formats/open-torch-checkpoint.js";
import { tensorBytes, viewIdentity } from "../formats/tensor-view.js";

/** A tensor to write and where its bytes come from. */
export interface SourceTensor {
  name: string;
  tensor: TorchTensor;
  checkpoint: TorchCheckpoint;
}

/** One output file, laid out before anything is written. */
export interface PlannedFile {
  name: string;
  layout: SafetensorsLayout;
  metadata: Record<string, string>;
  sources: Map<string, SourceTensor>;
}

function byName(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * Tensors that are the same view of the same storage (tied weights) are written once, under the
 * first of their names in sorted order; the others map to it, which the Hub's converter records in
 * `__metadata__` the same way. Different views of one storage are all written, each materialised.
 */
export function dedupeTies(tensors: readonly SourceTensor[]): {
  unique: SourceTensor[];
  duplicates: Record<string, string>;
} {
  const groups = new Map<string, SourceTensor[]>();
  for (const source of tensors) {
    const id = viewIdentity(source.tensor, source.checkpoint.file.path);
    const group = groups.get(id);
    if (group) group.push(source);
    else groups.set(id, [source]);
  }
  const keep = new Set<SourceTensor>();
  const duplicates: Record<string, string> = {};
  for (const group of groups.values()) {
    const [kept, ...rest] = [...group].sort((a, b) => byName(a.name, b.name));
    if (!kept) continue;
    keep.add(kept);
    for (const dup of rest) duplicates[dup.name] = kept.name;
  }
  return { unique: tensors.filter((t) => keep.has(t)), duplicates };
}

/**
 * Splits tensors into files of at most `shardSize` tensor bytes, in source order, as
 * `save_pretrained` does (a tensor larger than the limit gets a file of its own). One file when
 * `singleName` is given or everything fits; otherwise `model-0000i-of-0000n.safetensors`.
 */
export function planOutput(
  tensors: readonly SourceTensor[],
  duplicates: Readonly<Record<string, string>>,
  baseMetadata: Readonly<Record<string, string>>,
  options: { singleName: string; shardSize: number | undefined },
): PlannedFile[] {
  const groups: SourceTensor[][] = [];
  let current: SourceTensor[] = [];
  let size = 0;
  for (const source of tensors) {
    const bytes = tensorBytes(source.tensor);
    if (options.shardSize !== undefined && current.length > 0 && size + bytes > options.shardSize) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(source);
    size += bytes;
  }
  groups.push(current);
  const count = groups.length;
  const pad = (n: number): string => String(n).padStart(5, "0");
  return groups.map((group, index) => {
    const names = new Set(group.map((s) => s.name));
    const metadata: Record<string, string> = { ...baseMetadata };
    for (const [dup, kept] of Object.entries(duplicates)) if (names.has(kept)) metadata[dup] = kept;
    metadata.format = "pt";
    const layout = layoutSafetensors(
      group.map((s) => ({ name: s.name, dtype: s.tensor.dtype, shape: s.tensor.shape })),
      metadata,
    );
    return {
      name:
        count === 1 ? options.singleName : `model-${pad(index + 1)}-of-${pad(count)}.safetensors`,
      layout,
      metadata,
      sources: new Map(group.map((s) => [s.name, s])),
    };
  });
}
