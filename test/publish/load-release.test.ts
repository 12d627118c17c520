import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { loadRelease } from "../../src/publish/load-release.js";
import { scratch } from "../helpers/temp.js";
import { releaseCopy, disposeRelease, signedRelease } from "./fixture.js";

describe("reading a release for publishing", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    await signedRelease();
    tmp = await scratch();
  });
  afterAll(async () => {
    await tmp.remove();
    await disposeRelease();
  });

  it("lists the artifacts in path order, then manifest.json, then the signature", async () => {
    const release = await loadRelease(await releaseCopy(tmp.dir));
    expect(release.files.map((f) => f.kind)).toEqual([
      ...Array<string>(7).fill("artifact"),
      "manifest",
      "signature",
    ]);
    expect(release.files.map((f) => f.path).slice(0, 3)).toEqual([
      "README.md",
      "config.json",
      "tiny-llama-1.3m-f16.safetensors",
    ]);
    expect(release.files.find((f) => f.path === "tiny-llama-1.3m-q4_k_m.gguf")?.variant).toBe(
      "q4_k_m",
    );
    expect(release.ipfsContent).toBeUndefined();
    const withIpfs = await loadRelease(await releaseCopy(tmp.dir), {
      ipfs: { gateways: ["https://ipfs.io"] },
    });
    expect(withIpfs.manifest.ipfs).toMatchObject({
      cid: withIpfs.ipfsContent?.root.toString(),
      rawLeaves: true,
      maxChildrenPerNode: 174,
    });
    expect(withIpfs.manifest.distribution?.fallback).toMatchObject({
      type: "ipfs",
      gateways: ["https://ipfs.io"],
    });
  });

  it("refuses a folder whose files changed after signing, naming the file", async () => {
    const dir = await releaseCopy(tmp.dir);
    await appendFile(join(dir, "config.json"), " ");
    await expect(loadRelease(dir)).rejects.toMatchObject({
      code: "VERIFY_FAILED",
      message: expect.stringContaining("config.json"),
    });
  });

  it("refuses an unsigned folder, a broken signature file, and a key other than the manifest's", async () => {
    const unsigned = await releaseCopy(tmp.dir);
    await rm(join(unsigned, "manifest.sig.json"));
    await expect(loadRelease(unsigned)).rejects.toMatchObject({ code: "INPUT_MALFORMED" });
    const broken = await releaseCopy(tmp.dir);
    await writeFile(join(broken, "manifest.sig.json"), "{");
    await expect(loadRelease(broken)).rejects.toMatchObject({ code: "INPUT_MALFORMED" });
    const wrongShape = await releaseCopy(tmp.dir);
    await writeFile(join(wrongShape, "manifest.sig.json"), "{}");
    await expect(loadRelease(wrongShape)).rejects.toMatchObject({ code: "INPUT_MALFORMED" });
    const dir = await releaseCopy(tmp.dir);
    const signature = JSON.parse(await readFile(join(dir, "manifest.sig.json"), "utf8")) as {
      publicKey: string;
    };
    await expect(loadRelease(dir, { publicKey: "A".repeat(43) + "=" })).rejects.toMatchObject({
      code: "VERIFY_FAILED",
    });
    await expect(loadRelease(dir, { publicKey: signature.publicKey })).resolves.toBeDefined();
  });
});
