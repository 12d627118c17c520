import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { FileSlice } from "../../src/publish/file-blob.js";
import { scratch } from "../helpers/temp.js";

describe("file-backed blobs", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  const bytes = randomBytes(3 * 1024 * 1024 + 123);
  let path = "";
  beforeAll(async () => {
    tmp = await scratch();
    path = join(tmp.dir, "weights.bin");
    await writeFile(path, bytes);
  });
  afterAll(() => tmp.remove());

  async function streamed(blob: Blob): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of blob.stream() as ReadableStream<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  it("reads the bytes of its range, however it is read", async () => {
    const whole = new FileSlice(path, 0, bytes.length);
    expect(whole).toBeInstanceOf(Blob);
    expect(whole.size).toBe(bytes.length);
    expect((await streamed(whole)).equals(bytes)).toBe(true);
    const part = whole.slice(1_000_000, 2_500_000);
    expect(part.size).toBe(1_500_000);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1_000_000, 2_500_000))).toBe(
      true,
    );
    expect((await streamed(part)).equals(bytes.subarray(1_000_000, 2_500_000))).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of part.nodeStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes.subarray(1_000_000, 2_500_000))).toBe(true);
    // As a request body, through the platform's fetch machinery.
    expect(
      Buffer.from(await new Response(part.slice(0, 10)).arrayBuffer()).equals(
        bytes.subarray(1_000_000, 1_000_010),
      ),
    ).toBe(true);
    expect(await new FileSlice(path, 5, 9).text()).toBe(bytes.subarray(5, 9).toString("utf8"));
  });

  it("clamps slices to its range and handles empty ones", async () => {
    const part = new FileSlice(path, 10, 20);
    expect(part.slice(5, 100).size).toBe(5);
    expect(part.slice(-3, 4).size).toBe(4);
    const empty = part.slice(8, 2);
    expect(empty.size).toBe(0);
    expect((await streamed(empty)).length).toBe(0);
    expect((await streamed(new FileSlice(path, 0, 0))).length).toBe(0);
    const nothing: unknown[] = [];
    for await (const chunk of empty.nodeStream()) nothing.push(chunk);
    expect(nothing).toEqual([]);
  });

  it("closes the file when a reader cancels", async () => {
    const reader = new FileSlice(path, 0, bytes.length).stream().getReader();
    await reader.read();
    await expect(reader.cancel()).resolves.toBeUndefined();
  });
});
