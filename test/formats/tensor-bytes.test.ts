import { describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { openTorchCheckpoint } from "../../src/formats/open-torch-checkpoint.js";
import { PyDict, TorchTensor } from "../../src/formats/pickle-values.js";
import { ChunkPool, tensorChunks } from "../../src/formats/tensor-bytes.js";
import { isContiguous } from "../../src/formats/tensor-view.js";
import { expected, validDir } from "../convert/fixtures.js";

describe("strided views read window by window", () => {
  it.each([8, 12, 40])(
    "gathers every view of zip-views.pt exactly when the span limit is %i bytes",
    async (gatherSpan) => {
      const want = expected["zip-views.pt"];
      const checkpoint = await openTorchCheckpoint(join(validDir, "zip-views.pt"));
      try {
        const root = checkpoint.root;
        if (!(root instanceof PyDict) || !want) throw new Error("unexpected fixture");
        let strided = 0;
        for (const [name, value] of root.entries()) {
          const tensorWant = typeof name === "string" ? want.tensors[name] : undefined;
          if (!(value instanceof TorchTensor) || !tensorWant) continue;
          if (!isContiguous(value)) strided++;
          const parts: Buffer[] = [];
          const pool = new ChunkPool(12);
          const chunks = tensorChunks(
            checkpoint.file,
            checkpoint.region(value.storage),
            value,
            false,
            pool,
            gatherSpan,
          );
          for await (const chunk of chunks) parts.push(Buffer.from(chunk));
          expect(Buffer.concat(parts).toString("base64")).toBe(tensorWant.data);
        }
        expect(strided).toBeGreaterThanOrEqual(4);
      } finally {
        await checkpoint.file.close();
      }
    },
  );
});
