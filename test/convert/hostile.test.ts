import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { convertCheckpoint } from "../../src/convert/convert-checkpoint.js";
import { ModelPublishError, exitCodeFor } from "../../src/errors.js";
import { scratch } from "../helpers/temp.js";
import { hostileCases, hostileDir } from "./fixtures.js";

describe("hostile and malformed checkpoints", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    tmp = await scratch();
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it("covers the cases the issue lists", () => {
    const files = hostileCases.map((c) => c.file);
    for (const name of [
      "os-system.pt",
      "builtins-eval.pt",
      "builtins-exec.pt",
      "subprocess-popen.pt",
      "dunder-import.pt",
      "getattr-chain.pt",
      "inst.pt",
      "obj.pt",
      "newobj.pt",
      "build-on-string.pt",
      "stack-global-memo.pt",
      "memo-dangling.pt",
      "memo-type-confusion.pt",
      "storage-key-traversal.pt",
      "numel-overflow.pt",
      "shape-overflow.pt",
      "shape-exceeds-storage.pt",
      "truncated-half.pt",
      "zip-overlap.pt",
      "zip-size-lie.pt",
      "zip-compressed.pt",
      "deep-marks.pt",
      "deep-tuple1.pt",
      "nn-module.pt",
    ]) {
      expect(files).toContain(name);
    }
  });

  it.each(hostileCases)(
    "$file is refused with exit 2, named, with no output and no side effect",
    async (c) => {
      // A folder that does not exist yet: a refusal must not leave it behind either.
      const out = join(tmp.dir, c.file.replace(/[/.]/g, "_"), "nested");
      const error = await convertCheckpoint({
        input: join(hostileDir, c.file),
        output: join(out, "model.safetensors"),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelPublishError);
      const e = error as ModelPublishError;
      expect([e.code, exitCodeFor(e)]).toEqual([c.code, 2]);
      expect(e.message).toContain(c.file.split("/").pop() ?? c.file);
      for (const mention of c.mentions) expect(e.message).toContain(mention);
      expect(existsSync(join(out, ".."))).toBe(false);
      if (c.marker !== undefined) expect(existsSync(c.marker)).toBe(false);
    },
  );

  it("leaves an existing output folder as it was", async () => {
    const out = join(tmp.dir, "existing");
    await tmp.write("existing/keep.txt", "mine");
    await expect(
      convertCheckpoint({ input: join(hostileDir, "os-system.pt"), output: out }),
    ).rejects.toThrow(/os\.system/);
    expect(await readdir(out)).toEqual(["keep.txt"]);
  });
});
