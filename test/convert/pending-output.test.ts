import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PendingOutput } from "../../src/convert/pending-output.js";
import { scratch } from "../helpers/temp.js";

describe("PendingOutput", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it("shows nothing under the final names until commit", async () => {
    const out = new PendingOutput(join(tmp.dir, "a", "b"));
    await out.prepare();
    await writeFile(out.temp("x.safetensors"), "x");
    expect((await readdir(join(tmp.dir, "a", "b"))).some((n) => n === "x.safetensors")).toBe(false);
    expect(await out.commit()).toEqual([join(tmp.dir, "a", "b", "x.safetensors")]);
    expect(await readdir(join(tmp.dir, "a", "b"))).toEqual(["x.safetensors"]);
  });

  it("takes back the files it renamed when a later rename fails", async () => {
    const out = new PendingOutput(tmp.dir);
    await out.prepare();
    await writeFile(out.temp("one.safetensors"), "1");
    out.temp("two.safetensors"); // never written: its rename fails
    await mkdir(join(tmp.dir, "keep"));
    await expect(out.commit()).rejects.toThrow(/ENOENT/);
    expect(await readdir(tmp.dir)).toEqual(["keep"]);
  });
});
