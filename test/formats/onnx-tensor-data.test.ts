import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readOnnx } from "../../src/formats/onnx-model.js";
import type { TensorProto } from "../../src/formats/onnx-proto-types.js";
import { tensorBytes } from "../../src/formats/onnx-tensor-data.js";
import { forEachTensor } from "../../src/formats/onnx-walk.js";
import { writeOnnx } from "../../src/formats/onnx-writer.js";
import { scratch } from "../helpers/temp.js";

const TESTDATA = "/usr/share/libonnx-testdata/data";

describe("tensor values wherever the model keeps them", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  it("libonnx-testdata tensors read the same after moving to external data", async () => {
    if (!existsSync(TESTDATA)) {
      console.log(`skipped: ${TESTDATA} is missing (apt-get install libonnx-testdata)`);
      return;
    }
    const files = execFileSync(
      "find",
      [
        `${TESTDATA}/pytorch-converted`,
        `${TESTDATA}/simple`,
        `${TESTDATA}/pytorch-operator`,
        "-name",
        "*.onnx",
      ],
      { encoding: "utf8" },
    )
      .trim()
      .split("\n");
    let compared = 0;
    for (const [i, file] of files.entries()) {
      const model = await readOnnx(file);
      const values: Uint8Array[] = [];
      const tensors: TensorProto[] = [];
      forEachTensor(model.proto, (t) => tensors.push(t));
      const numeric = tensors.filter((t) => t.dataType !== 8);
      for (const t of numeric) values.push(await tensorBytes(t, model.dir, file));
      const out = join(dir, `${i}.onnx`);
      await writeOnnx(model, out, { externalData: "always", externalThreshold: 0 });
      const moved = await readOnnx(out);
      const after: TensorProto[] = [];
      forEachTensor(moved.proto, (t) => after.push(t));
      const movedNumeric = after.filter((t) => t.dataType !== 8);
      for (const [j, t] of movedNumeric.entries()) {
        expect(t.dataLocation).toBe(1);
        const bytes = await tensorBytes(t, moved.dir, out);
        expect(Buffer.from(bytes).equals(Buffer.from(values[j] ?? []))).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("typed value lists of every kind", async () => {
    const tensor = (dataType: number, fields: Partial<TensorProto>): TensorProto => ({
      name: "t",
      dims: [2],
      dataType,
      ...fields,
    });
    const cases: [TensorProto, number[]][] = [
      [tensor(1, { floatData: [1.5, -2] }), [0, 0, 0xc0, 0x3f, 0, 0, 0, 0xc0]],
      [tensor(11, { doubleData: [1, 0] }), [0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0]],
      [
        tensor(7, { int64Data: [-1, 2] }),
        [255, 255, 255, 255, 255, 255, 255, 255, 2, 0, 0, 0, 0, 0, 0, 0],
      ],
      [tensor(12, { uint64Data: [1, 2] }), [1, 0, 0, 0, 2, 0, 0, 0]],
      [tensor(13, { uint64Data: [1, 2] }), [1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]],
      [tensor(3, { int32Data: [-1, 5] }), [255, 5]],
      [tensor(10, { int32Data: [0x3c00, 0xc000] }), [0, 0x3c, 0, 0xc0]],
      [tensor(6, { int32Data: [7, -7] }), [7, 0, 0, 0, 0xf9, 0xff, 0xff, 0xff]],
    ];
    for (const [t, bytes] of cases) {
      expect(Array.from(await tensorBytes(t, dir, "t"))).toEqual(bytes);
    }
    await expect(tensorBytes(tensor(1, { floatData: [1] }), dir, "short")).rejects.toThrow(
      /short: float_data holds 1 values, its shape needs 2/,
    );
    await expect(tensorBytes(tensor(22, { int32Data: [1] }), dir, "i4")).rejects.toThrow(
      /INT4 values outside raw_data/,
    );
    await expect(tensorBytes(tensor(99, {}), dir, "odd")).rejects.toThrow(
      /data type 99 is unknown/,
    );
    await expect(tensorBytes({ dims: [-1], dataType: 1 }, dir, "neg")).rejects.toThrow(
      /negative dimension/,
    );
    await expect(
      tensorBytes({ dims: [2 ** 40, 2 ** 40], dataType: 1 }, dir, "huge"),
    ).rejects.toThrow(/overflows/);
  });
});
