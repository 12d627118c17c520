import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { convertCheckpoint } from "../../src/convert/convert-checkpoint.js";
import { planOutput, type SourceTensor } from "../../src/convert/output-plan.js";
import { verifyWrittenFile } from "../../src/convert/verify-output.js";
import { openTorchCheckpoint } from "../../src/formats/open-torch-checkpoint.js";
import { PyDict, TorchTensor } from "../../src/formats/pickle-values.js";
import { ChunkPool } from "../../src/formats/tensor-bytes.js";
import { scratch } from "../helpers/temp.js";
import { validDir } from "./fixtures.js";

describe("check by reload", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it("passes a faithful conversion in full mode too", async () => {
    const result = await convertCheckpoint({
      input: join(validDir, "zip-views.pt"),
      output: join(tmp.dir, "m.safetensors"),
      check: "full",
      chunkBytes: 16,
    });
    expect(result.tensors).toBe(11);
  });

  it("catches a flipped byte, a changed header and a foreign file", async () => {
    const checkpoint = await openTorchCheckpoint(join(validDir, "zip-dtypes.pt"));
    try {
      const root = checkpoint.root;
      if (!(root instanceof PyDict)) throw new Error("fixture");
      const sources: SourceTensor[] = [];
      for (const [name, tensor] of root.entries()) {
        if (typeof name === "string" && tensor instanceof TorchTensor)
          sources.push({ name, tensor, checkpoint });
      }
      const [planned] = planOutput(
        sources,
        {},
        {},
        { singleName: "m.safetensors", shardSize: undefined },
      );
      if (!planned) throw new Error("plan");
      const path = join(tmp.dir, "m.safetensors");
      await convertCheckpoint({ input: join(validDir, "zip-dtypes.pt"), output: path });
      const pool = new ChunkPool(64);
      await verifyWrittenFile(path, planned, pool);

      const handle = await open(path, "r+");
      const last = planned.layout.size - 1;
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, last);
      await handle.write(Buffer.from([byte[0] === 0 ? 1 : 0]), 0, 1, last);
      await handle.close();
      await expect(verifyWrittenFile(path, planned, pool)).rejects.toMatchObject({
        code: "OUTPUT_MISMATCH",
        message: expect.stringMatching(
          /m\.safetensors: check by reload failed: tensor ".*" differs from the checkpoint/,
        ),
      });
      await expect(
        verifyWrittenFile(path, { ...planned, metadata: { format: "tf" } }),
      ).rejects.toThrow(/__metadata__ differs/);
      const [other] = planOutput(
        sources.slice(1),
        {},
        {},
        { singleName: "m.safetensors", shardSize: undefined },
      );
      if (!other) throw new Error("plan");
      await expect(verifyWrittenFile(path, other)).rejects.toThrow(/tensors read back/);
      await expect(verifyWrittenFile(join(validDir, "zip-dtypes.pt"), planned)).rejects.toThrow(
        /check by reload failed/,
      );
    } finally {
      await checkpoint.file.close();
    }
  });
});
