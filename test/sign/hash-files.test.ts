import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { hashFiles, type HashProgress } from "../../src/sign/hash-files.js";
import { isSafeReleasePath, listReleaseFiles } from "../../src/sign/release-files.js";
import { scratch } from "../helpers/temp.js";

const exec = promisify(execFile);

describe("hashing release files", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  const contents: Record<string, Buffer> = {};
  beforeEach(async () => {
    tmp = await scratch();
    // Sizes around the read chunk (4 MiB) and the progress step, plus empty and tiny files.
    const sizes: Record<string, number> = {
      "a/empty.bin": 0,
      "b.txt": 3,
      "big/chunk.bin": 4 << 20,
      "big/chunk+1.bin": (4 << 20) + 1,
      "c.bin": 100_000,
    };
    let seed = 1;
    for (const [path, size] of Object.entries(sizes)) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      contents[path] = bytes;
      await mkdir(join(tmp.dir, path, ".."), { recursive: true });
      await writeFile(join(tmp.dir, path), bytes);
    }
  });
  afterEach(() => tmp.remove());

  const expected = (paths: string[]) =>
    paths.map((path) => ({
      path,
      sha256: createHash("sha256")
        .update(contents[path] ?? "")
        .digest("hex"),
      size: contents[path]?.length ?? -1,
    }));

  it("gives the same digests on this thread and on worker threads, in the order asked", async () => {
    const paths = ["c.bin", "big/chunk+1.bin", "a/empty.bin", "big/chunk.bin", "b.txt"];
    const inThread = await hashFiles(tmp.dir, paths, { inThreadBelow: Infinity });
    const workers = await hashFiles(tmp.dir, paths, { inThreadBelow: 0, concurrency: 3 });
    expect(inThread).toEqual(expected(paths));
    expect(workers).toEqual(expected(paths));
    expect(await hashFiles(tmp.dir, [])).toEqual([]);
  });

  it("agrees with sha256sum", async () => {
    const paths = Object.keys(contents);
    const { stdout } = await exec("sha256sum", paths, { cwd: tmp.dir });
    const theirs = stdout
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+\*?/));
    const ours = await hashFiles(tmp.dir, paths, { inThreadBelow: 0 });
    expect(ours.map((d) => [d.sha256, d.path])).toEqual(theirs);
  });

  it("reports progress up to the total, on either path", async () => {
    for (const inThreadBelow of [0, Infinity]) {
      const events: HashProgress[] = [];
      await hashFiles(tmp.dir, Object.keys(contents), {
        inThreadBelow,
        onProgress: (event) => events.push(event),
      });
      const total = Object.values(contents).reduce((sum, b) => sum + b.length, 0);
      expect(events.at(-1)?.bytesDone).toBe(total);
      expect(events.every((e) => e.bytesTotal === total && e.bytesDone <= total)).toBe(true);
    }
  });

  it("names the file it cannot read", async () => {
    await expect(hashFiles(tmp.dir, ["nope.bin"])).rejects.toThrow(
      /nope.bin: cannot read it \(ENOENT\)/,
    );
    await expect(hashFiles(tmp.dir, ["big"])).rejects.toThrow(
      /big: cannot read it \(not a regular file\)/,
    );
    if (process.getuid?.() !== 0) {
      await chmod(join(tmp.dir, "c.bin"), 0o000);
      await expect(hashFiles(tmp.dir, ["c.bin", "b.txt"], { inThreadBelow: 0 })).rejects.toThrow(
        /c.bin: cannot read it \(EACCES\)/,
      );
      await expect(hashFiles(tmp.dir, ["c.bin"])).rejects.toThrow(/c.bin: cannot read it/);
    }
  });

  it("lists release files sorted by UTF-8 bytes, without the manifests, links reported", async () => {
    await writeFile(join(tmp.dir, "manifest.json"), "{}");
    await writeFile(join(tmp.dir, "manifest.sig.json"), "{}");
    await writeFile(join(tmp.dir, "a/manifest.json"), "{}");
    await writeFile(join(tmp.dir, "Z.txt"), "");
    await writeFile(join(tmp.dir, "é.txt"), "");
    await symlink("b.txt", join(tmp.dir, "link"));
    expect(await listReleaseFiles(tmp.dir)).toEqual({
      files: [
        "Z.txt",
        "a/empty.bin",
        "a/manifest.json",
        "b.txt",
        "big/chunk+1.bin",
        "big/chunk.bin",
        "c.bin",
        "é.txt",
      ],
      problems: [{ path: "link", reason: "is a symbolic link" }],
    });
  });

  it("tells plain relative paths from ones that could leave the folder", () => {
    for (const path of ["a", "a/b.c", "onnx/model.onnx", "..a"])
      expect(isSafeReleasePath(path)).toBe(true);
    for (const path of ["", "/etc/passwd", "../x", "a/../b", "a//b", "./a", "a\\b", "a\0"]) {
      expect(isSafeReleasePath(path)).toBe(false);
    }
  });
});
