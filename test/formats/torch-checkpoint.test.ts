import { describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import {
  openTorchCheckpoint,
  type TorchCheckpoint,
} from "../../src/formats/open-torch-checkpoint.js";
import { PyDict, TorchTensor } from "../../src/formats/pickle-values.js";
import { ChunkPool, tensorChunks } from "../../src/formats/tensor-bytes.js";
import { expected, validDir } from "../convert/fixtures.js";

async function bytesOf(
  checkpoint: TorchCheckpoint,
  tensor: TorchTensor,
  pool: ChunkPool,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  const chunks = tensorChunks(
    checkpoint.file,
    checkpoint.region(tensor.storage),
    tensor,
    checkpoint.bigEndian,
    pool,
  );
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function tensorsOf(value: unknown): Map<string, TorchTensor> {
  const out = new Map<string, TorchTensor>();
  if (value instanceof PyDict) {
    for (const [key, item] of value.entries())
      if (typeof key === "string" && item instanceof TorchTensor) out.set(key, item);
  }
  return out;
}

const flat = [
  "zip-dtypes.pt",
  "zip-views.pt",
  "zip-archive-prefix.bin",
  "zip-protocol4.pt",
  "zip-parameters.pt",
  "legacy.pt",
  "zip2-layout.pt",
  "zip2-big-endian.pt",
  "legacy-big-endian.pt",
];

describe("torch checkpoints read without running them", () => {
  it.each(flat)("%s: every tensor's bytes are exactly torch's", async (name) => {
    const want = expected[name];
    if (!want) throw new Error(`no expectation for ${name}`);
    const checkpoint = await openTorchCheckpoint(join(validDir, name));
    try {
      expect(checkpoint.layout).toBe(want.layout);
      const tensors = tensorsOf(checkpoint.root);
      // Small chunks, so strided views cross chunk boundaries.
      const pool = new ChunkPool(16);
      for (const [tensorName, tensor] of Object.entries(want.tensors)) {
        const found = tensors.get(tensorName);
        expect(found).toBeDefined();
        if (!found) continue;
        expect(found.dtype).toBe(tensor.dtype);
        expect(found.shape).toEqual(tensor.shape);
        expect((await bytesOf(checkpoint, found, pool)).toString("base64")).toBe(tensor.data);
      }
      for (const [dup, kept] of Object.entries(want.duplicates)) {
        expect(tensors.get(dup)?.storage).toBe(tensors.get(kept)?.storage);
      }
    } finally {
      await checkpoint.file.close();
    }
  });

  it("names the archive folder torch chose and the layout", async () => {
    const checkpoint = await openTorchCheckpoint(join(validDir, "zip2-layout.pt"));
    await checkpoint.file.close();
    expect(checkpoint.format).toBe("zip");
    expect(checkpoint.bigEndian).toBe(false);
    const legacy = await openTorchCheckpoint(join(validDir, "legacy-big-endian.pt"));
    await legacy.file.close();
    expect([legacy.format, legacy.bigEndian]).toEqual(["legacy", true]);
  });

  it("reports a missing file as an error, not a crash", async () => {
    await expect(openTorchCheckpoint(join(validDir, "nope.pt"))).rejects.toThrow(/ENOENT/);
    const error = await openTorchCheckpoint(validDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelPublishError);
  });
});
