import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { decodeOnnx, encodeOnnx, readOnnx } from "../../src/formats/onnx-model.js";
import type { ModelProto, TensorProto } from "../../src/formats/onnx-proto-types.js";
import { tensorBytes } from "../../src/formats/onnx-tensor-data.js";
import { writeOnnx } from "../../src/formats/onnx-writer.js";
import { openSession } from "../../src/evaluate/onnx-session.js";
import { scratch } from "../helpers/temp.js";
import { FIXTURE_MODELS, fixture } from "../quantize/onnx-helpers.js";

const TESTDATA = "/usr/share/libonnx-testdata/data";

function initializers(proto: ModelProto): TensorProto[] {
  return proto.graph?.initializer ?? [];
}

describe("ONNX reader and writer", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  it.each(FIXTURE_MODELS)(
    "re-serialises the unchanged %s export to the same bytes",
    async (name) => {
      const bytes = await readFile(fixture(name));
      const model = await readOnnx(fixture(name));
      expect(Buffer.from(encodeOnnx(model.proto)).equals(bytes)).toBe(true);
      expect(model.proto.opsetImport).toEqual([
        expect.objectContaining({ version: expect.anything() }),
      ]);
      const out = join(dir, "copy.onnx");
      const written = await writeOnnx(model, out);
      expect(written.files).toEqual([out]);
      expect((await readFile(out)).equals(bytes)).toBe(true);
    },
  );

  it("round-trips every model of Debian's libonnx-testdata byte for byte", async () => {
    if (!existsSync(TESTDATA)) {
      console.log(`skipped: ${TESTDATA} is missing (apt-get install libonnx-testdata)`);
      return;
    }
    const files = execFileSync("find", [TESTDATA, "-name", "*.onnx"], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(files.length).toBeGreaterThan(1000);
    const different: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      if (!Buffer.from(encodeOnnx(decodeOnnx(bytes, file))).equals(bytes)) different.push(file);
    }
    expect(different).toEqual([]);
  });

  it("leaves large raw_data on disk until used, and writes the same bytes", async () => {
    const lazy = await readOnnx(fixture("transformer"), { lazyBytes: 4096 });
    const weight = initializers(lazy.proto).find((t) => t.name === "onnx::MatMul_133");
    expect(weight?.rawData?.length).toBe(0);
    expect((await tensorBytes(weight ?? {}, lazy.dir, "w")).length).toBe(64 * 256 * 4);
    const out = join(dir, "lazy.onnx");
    await writeOnnx(lazy, out);
    expect((await readFile(out)).equals(await readFile(fixture("transformer")))).toBe(true);
    const external = join(dir, "lazy-ext.onnx");
    await writeOnnx(lazy, external, { externalData: "always" });
    const back = join(dir, "back.onnx");
    await writeOnnx(await readOnnx(external), back, { externalData: "never" });
    expect((await readFile(back)).equals(await readFile(fixture("transformer")))).toBe(true);
  });

  it("keeps fields it does not know and writes them back", () => {
    const bytes = Buffer.from(encodeOnnx(decodeOnnx(readFileSync(fixture("mlp")), "mlp.onnx")));
    // field 100 (varint 42) appended to the ModelProto: a field from a future ONNX version
    const future = Buffer.concat([bytes, Buffer.from([0xa0, 0x06, 0x2a])]);
    expect(Buffer.from(encodeOnnx(decodeOnnx(future, "future.onnx"))).equals(future)).toBe(true);
  });

  it("moves tensors to an external data file and back, and onnxruntime runs both", async () => {
    const source = await readOnnx(fixture("transformer"));
    const external = join(dir, "ext", "model.onnx");
    await mkdir(join(dir, "ext"));
    const written = await writeOnnx(source, external, { externalData: "always" });
    expect(written.files).toEqual([external, `${external}.data`]);
    expect((await readFile(external)).length).toBeLessThan(20_000);
    const reread = await readOnnx(external);
    const moved = initializers(reread.proto).filter((t) => t.dataLocation === 1);
    expect(moved.length).toBeGreaterThan(5);
    for (const t of moved) {
      const offset = Number(t.externalData?.find((e) => e.key === "offset")?.value);
      expect(offset % 4096).toBe(0);
    }
    // same values wherever they live
    const before = new Map<string, Uint8Array>();
    for (const t of initializers(source.proto)) {
      before.set(t.name ?? "", await tensorBytes(t, source.dir, "source"));
    }
    for (const t of initializers(reread.proto)) {
      const bytes = await tensorBytes(t, reread.dir, "reread");
      expect(Buffer.from(bytes).equals(Buffer.from(before.get(t.name ?? "") ?? []))).toBe(true);
    }
    // auto mode keeps external data external; "never" brings the original bytes back
    const again = join(dir, "again.onnx");
    expect((await writeOnnx(reread, again)).files).toHaveLength(2);
    const inline = join(dir, "inline.onnx");
    await writeOnnx(reread, inline, { externalData: "never" });
    expect((await readFile(inline)).equals(await readFile(fixture("transformer")))).toBe(true);

    const a = await openSession(external);
    const b = await openSession(fixture("transformer"));
    const x = {
      hidden: { type: "float32", dims: [1, 8, 64], data: new Float32Array(512).fill(0.5) },
    };
    const [ya, yb] = [await a.run(x), await b.run(x)];
    expect(ya.output?.data).toEqual(yb.output?.data);
    await a.release();
    await b.release();
  });

  it("lists the files it writes and nothing else", async () => {
    const model = await readOnnx(fixture("convnet"));
    await writeOnnx(model, join(dir, "c.onnx"), {
      externalData: "always",
      externalDataFile: "weights.bin",
    });
    expect((await readdir(dir)).sort()).toEqual(["c.onnx", "weights.bin"]);
    await copyFile(join(dir, "c.onnx"), join(dir, "d.onnx"));
    expect((await readOnnx(join(dir, "d.onnx"))).proto.graph?.name).toBe(model.proto.graph?.name);
  });
});
