import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { CRC32C } from "@google-cloud/storage";
import { CarWriter } from "@ipld/car";
import { importer } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { checkCar, writeCar } from "../../src/formats/car.js";
import { Crc32c } from "../../src/formats/crc32c.js";
import {
  importDirectory,
  importFile,
  withEntries,
  type DagBlock,
  type DagSource,
} from "../../src/formats/unixfs-dag.js";

function source(path: string, bytes: Uint8Array): DagSource {
  return {
    path,
    content: async function* () {
      await Promise.resolve();
      // Odd slices, so the chunker does the chunking.
      for (let i = 0; i < bytes.length; i += 100_003) yield bytes.subarray(i, i + 100_003);
    },
  };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

const weights = randomBytes(1_100_000);
const files = [
  { path: "README.md", bytes: Buffer.from("# tiny\n") },
  { path: "model.safetensors", bytes: weights },
  { path: "onnx/model.onnx", bytes: randomBytes(300_000) },
  { path: "empty.txt", bytes: Buffer.alloc(0) },
];

describe("CRC-32C", () => {
  it("gives the check value of the standard and agrees with the storage client", () => {
    expect(new Crc32c().update(Buffer.from("123456789")).value()).toBe(0xe3069283);
    const reference = new CRC32C();
    reference.update(weights);
    const ours = new Crc32c();
    for (let i = 0; i < weights.length; i += 65_537) ours.update(weights.subarray(i, i + 65_537));
    expect(ours.base64()).toBe(reference.toString());
  });
});

describe("release DAGs", () => {
  it("match ipfs-unixfs-importer run with `ipfs add --cid-version=1` settings, block for block", async () => {
    const ours: DagBlock[] = [];
    const dir = await importDirectory(
      files.map((f) => source(f.path, f.bytes)),
      (block) => {
        ours.push(block);
        return Promise.resolve();
      },
    );
    const theirs = new Map<string, Uint8Array>();
    let root = "";
    for await (const entry of importer(
      files.map((f) => ({ path: f.path, content: once(f.bytes) })),
      {
        put: (cid, bytes) => {
          if (bytes instanceof Uint8Array) theirs.set(cid.toString(), bytes);
          return Promise.resolve(cid);
        },
      },
      {
        cidVersion: 1,
        rawLeaves: true,
        chunker: fixedSize({ chunkSize: 262144 }),
        layout: balanced({ maxChildrenPerNode: 174 }),
        wrapWithDirectory: true,
      },
    )) {
      if (entry.path === "") root = entry.cid.toString();
    }
    expect(dir.root.toString()).toBe(root);
    expect(new Set(ours.map((b) => b.cid.toString()))).toEqual(new Set(theirs.keys()));
    // 1.1 MB in 256 KiB raw leaves under one file node.
    expect(ours.filter((b) => b.cid.code === 0x55 && b.bytes.length === 262144)).toHaveLength(
      4 + 1,
    );
  });

  it("adds top-level entries exactly as importing the whole folder does", async () => {
    const none = () => Promise.resolve();
    const content = await importDirectory(
      files.slice(1).map((f) => source(f.path, f.bytes)),
      none,
    );
    const readme = files[0];
    if (readme === undefined) throw new Error("no file");
    const file = await importFile(source(readme.path, readme.bytes), none);
    const combined = await withEntries(content, [
      { name: readme.path, cid: file.cid, size: file.size },
    ]);
    const whole = await importDirectory(
      files.map((f) => source(f.path, f.bytes)),
      none,
    );
    expect(combined.root.toString()).toBe(whole.root.toString());
    expect(combined.size).toBe(whole.size);
    await expect(
      withEntries(content, [{ name: "onnx", cid: file.cid, size: 1 }]),
    ).rejects.toMatchObject({
      code: "INPUT_UNSUPPORTED",
    });
  });

  it("writes the same CAR every time and reads it back trustlessly", async () => {
    const produce = async (sink: (b: DagBlock) => Promise<void>) => {
      await importDirectory(
        files.map((f) => source(f.path, f.bytes)),
        sink,
      );
    };
    const dir = await importDirectory(
      files.map((f) => source(f.path, f.bytes)),
      () => Promise.resolve(),
    );
    const first = await collect(writeCar([dir.root], produce));
    const second = await collect(writeCar([dir.root], produce));
    expect(first.equals(second)).toBe(true);
    const check = await checkCar(once(first), dir.root);
    expect(check).toMatchObject({ corrupt: [], missing: [], hasRoot: true });
    expect(check.roots.map(String)).toEqual([dir.root.toString()]);
    // One flipped bit in a leaf: the block no longer matches its CID.
    const flipped = Buffer.from(first);
    const at = flipped.indexOf(weights.subarray(500_000, 500_064));
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    const bad = await checkCar(once(flipped), dir.root);
    expect(bad.corrupt).toHaveLength(1);
    expect(bad.missing).toHaveLength(1);
  });

  it("notices a CAR that lacks blocks of the DAG", async () => {
    const blocks: DagBlock[] = [];
    const dir = await importDirectory(
      files.map((f) => source(f.path, f.bytes)),
      (b) => {
        blocks.push(b);
        return Promise.resolve();
      },
    );
    const { writer, out } = CarWriter.create([dir.root]);
    const bytes = collect(out);
    for (const block of blocks.slice(1)) await writer.put(block);
    await writer.close();
    const check = await checkCar(once(await bytes), dir.root);
    expect(check.missing).toEqual([blocks[0]?.cid.toString()]);
  });

  it("fails the stream when producing the blocks fails", async () => {
    const dir = await importDirectory([source("a", Buffer.from("a"))], () => Promise.resolve());
    const stream = writeCar([dir.root], () => Promise.reject(new Error("the disk went away")));
    await expect(collect(stream)).rejects.toThrow("the disk went away");
  });

  it("lets a reader stop early without leaving the producer stuck", async () => {
    const dir = await importDirectory([source("w", weights)], () => Promise.resolve());
    let produced: Promise<void> | undefined;
    const stream = writeCar([dir.root], (sink) => {
      produced = importDirectory([source("w", weights)], sink).then(() => undefined);
      return produced;
    });
    for await (const _chunk of stream) break;
    await expect(produced).rejects.toThrow(/abandoned/);
  });
});
