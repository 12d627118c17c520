import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readNpz, parseNpy } from "../../src/formats/onnx-npz.js";
import { scratch } from "../helpers/temp.js";
import { fixture } from "../quantize/onnx-helpers.js";

function npy(header: string, data: Uint8Array): Buffer {
  const text = header.padEnd(118, " ") + "\n";
  const head = Buffer.alloc(10);
  head.write("\x93NUMPY", 0, "latin1");
  head[6] = 1;
  head.writeUInt16LE(text.length, 8);
  return Buffer.concat([head, Buffer.from(text, "latin1"), data]);
}

describe(".npz reference tensors", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await scratch());
  });
  afterEach(() => remove());

  it("reads numpy's savez and savez_compressed files", async () => {
    const inputs = await readNpz(fixture("mlp", ".inputs.npz"));
    expect([...inputs.keys()]).toEqual(["input"]);
    expect(inputs.get("input")).toMatchObject({ type: "float32", dims: [4, 64] });
    expect(inputs.get("input")?.data).toBeInstanceOf(Float32Array);
    // convnet's outputs are written with savez_compressed (deflate)
    const outputs = await readNpz(fixture("convnet", ".outputs.npz"));
    expect(outputs.get("logits")?.dims).toEqual([2, 10]);
    expect([...(outputs.get("logits")?.data ?? [])].every((v) => Number.isFinite(v))).toBe(true);
  });

  it("parses every supported dtype and refuses the others", () => {
    const ints = parseNpy(
      npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", new Uint8Array(16).fill(1)),
      "a",
    );
    expect(ints.type).toBe("int64");
    expect(ints.data).toBeInstanceOf(BigInt64Array);
    const scalar = parseNpy(
      npy("{'descr': '|b1', 'fortran_order': False, 'shape': (), }", Uint8Array.of(1)),
      "b",
    );
    expect(scalar).toMatchObject({ type: "bool", dims: [] });
    expect(() =>
      parseNpy(
        npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4)),
        "c",
      ),
    ).toThrow(/dtype >f4 is not supported/);
    expect(() =>
      parseNpy(
        npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new Uint8Array(4)),
        "d",
      ),
    ).toThrow(/Fortran/);
    expect(() =>
      parseNpy(
        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(4)),
        "e",
      ),
    ).toThrow(/e: \.npy data is 4 bytes, its shape \[3\] of <f4 needs 12/);
    expect(() => parseNpy(Buffer.from("not numpy at all"), "f")).toThrow(/no \\x93NUMPY magic/);
    expect(() => parseNpy(npy("{'shape': (3,), }", new Uint8Array(4)), "g")).toThrow(/lacks descr/);
  });

  it("refuses a file that is not a zip", async () => {
    await writeFile(join(dir, "x.npz"), "hello");
    await expect(readNpz(join(dir, "x.npz"))).rejects.toMatchObject({ code: "INPUT_MALFORMED" });
  });
});
