import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../../src/errors.js";
import { decodeOnnx, readOnnx } from "../../src/formats/onnx-model.js";
import type { ModelProto, TensorProto } from "../../src/formats/onnx-proto-types.js";
import { tensorBytes } from "../../src/formats/onnx-tensor-data.js";
import { forEachTensor } from "../../src/formats/onnx-walk.js";
import { writeOnnx } from "../../src/formats/onnx-writer.js";
import { scratch } from "../helpers/temp.js";
import { fixture, saveModel } from "../quantize/onnx-helpers.js";

function initializers(proto: ModelProto): TensorProto[] {
  return proto.graph?.initializer ?? [];
}

async function expectError(promise: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelPublishError);
  expect((error as ModelPublishError).code).toBe(code);
  expect((error as ModelPublishError).message).toMatch(text);
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

describe("ONNX reader", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  describe("refuses hostile or broken files", () => {
    async function externalModel(location: string): Promise<string> {
      const model = await readOnnx(fixture("mlp"));
      const out = join(dir, "m.onnx");
      await writeOnnx(model, out, { externalData: "always" });
      const proto = decodeOnnx(await readFile(out), "m.onnx");
      const first = initializers(proto).find((t) => t.dataLocation === 1);
      const entry = first?.externalData?.find((e) => e.key === "location");
      if (entry) entry.value = location;
      return saveModel(proto, out);
    }

    it("an external data location outside the model's folder", async () => {
      await expectError(
        readOnnx(await externalModel("../../etc/passwd")),
        "INPUT_MALFORMED",
        /outside the model's folder/,
      );
      await expectError(
        readOnnx(await externalModel("/etc/passwd")),
        "INPUT_MALFORMED",
        /outside the model's folder/,
      );
    });

    it("a symbolic link that leads out of the folder", async () => {
      await symlink("/etc/hostname", join(dir, "link.data"));
      await expectError(
        readOnnx(await externalModel("link.data")),
        "INPUT_MALFORMED",
        /links outside/,
      );
    });

    it("a missing or truncated external data file", async () => {
      await expectError(
        readOnnx(await externalModel("nothere.data")),
        "INPUT_MALFORMED",
        /missing/,
      );
      const path = await externalModel("m.onnx.data");
      await truncate(join(dir, "m.onnx.data"), 100);
      await expectError(readOnnx(path), "INPUT_MALFORMED", /truncated/);
    });

    it("a truncated model, a text file, a non-ONNX protobuf", async () => {
      const bytes = await readFile(fixture("mlp"));
      await writeFile(join(dir, "cut.onnx"), bytes.subarray(0, 5000));
      await expectError(
        readOnnx(join(dir, "cut.onnx")),
        "INPUT_MALFORMED",
        /cut\.onnx: field 7 at byte 19 runs to byte \d+, past its message's end at 5000; the file is truncated/,
      );
      await writeFile(join(dir, "text.onnx"), "hello, this is not a model\n");
      await expectError(readOnnx(join(dir, "text.onnx")), "INPUT_MALFORMED", /text\.onnx/);
      await writeFile(join(dir, "empty.onnx"), Buffer.from([0x08, 0x01]));
      await expectError(readOnnx(join(dir, "empty.onnx")), "INPUT_MALFORMED", /not an ONNX model/);
      await expectError(readOnnx(join(dir, "absent.onnx")), "INPUT_MALFORMED", /no such file/);
    });

    it("raw_data that does not match the tensor's shape", async () => {
      const proto = decodeOnnx(await readFile(fixture("mlp")), "mlp.onnx");
      const first = initializers(proto)[0];
      if (first) first.dims = [1000, 1000];
      const path = await saveModel(proto, join(dir, "bad.onnx"));
      const model = await readOnnx(path);
      const tensors: TensorProto[] = [];
      forEachTensor(model.proto, (t) => tensors.push(t));
      await expectError(
        tensorBytes(tensors[0] ?? {}, dir, "fc1.weight"),
        "INPUT_MALFORMED",
        /raw_data holds 32768 bytes, its shape and type need 4000000/,
      );
    });

    it("graphs nested deeper than the decoder's limit", async () => {
      // A node whose graph attribute holds a node whose graph attribute holds… 200 levels.
      let graph: Buffer = Buffer.alloc(0);
      const field = (id: number, body: Buffer): Buffer =>
        Buffer.concat([Buffer.from([(id << 3) | 2]), varint(body.length), body]);
      for (let i = 0; i < 200; i++) {
        const attribute = field(6, graph); // AttributeProto.g
        const node = field(5, attribute); // NodeProto.attribute
        graph = field(1, node); // GraphProto.node
      }
      const model = Buffer.concat([Buffer.from([0x08, 0x08]), field(7, graph)]);
      await writeFile(join(dir, "deep.onnx"), model);
      await expectError(readOnnx(join(dir, "deep.onnx")), "INPUT_MALFORMED", /depth/);
    });
  });
});
