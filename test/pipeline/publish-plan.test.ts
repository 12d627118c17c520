import { copyFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { runRelease } from "../../src/pipeline/release-run.js";
import { BASE } from "../manifest/cases.js";
import { repoRoot, scratch } from "../helpers/temp.js";

// Port 9 (discard) on 127.0.0.1: nothing listens, so any request the plan made would fail.
const DESTINATIONS = `destinations:
  huggingface: { repo: acme/tiny-llama }
  gcs: { bucket: acme-models, prefix: models }
  ipfs:
    providers:
      - type: kubo
        url: http://127.0.0.1:9
`;

describe("the publish plan of a pull request's check", () => {
  it("lists where every file would go without credentials or any remote, and leaves the folder unsigned", async () => {
    const tmp = await scratch();
    try {
      await copyFile(
        join(repoRoot, "examples", "tiny-llama", "model.pt"),
        join(tmp.dir, "model.pt"),
      );
      const manifestPath = await tmp.write("model-publish.yaml", `${BASE}${DESTINATIONS}`);
      const outDir = join(tmp.dir, "out");
      const result = await runRelease({
        manifestPath,
        outDir,
        mode: "check",
        env: { SOURCE_DATE_EPOCH: "1767225600", HF_ENDPOINT: "http://127.0.0.1:9" },
      });
      const plans = result.publishPlan?.plans ?? [];
      expect(plans.map((p) => p.destination)).toEqual(["hf", "gcs", "ipfs"]);
      for (const plan of plans) {
        expect(plan.steps[0]).toMatch(/remote state not checked/);
        expect(plan.files.map((f) => f.path)).toEqual(
          expect.arrayContaining(["tiny-llama.safetensors", "manifest.json", "manifest.sig.json"]),
        );
        expect(plan.files.every((f) => f.action === "upload")).toBe(true);
      }
      expect(plans[1]?.files[0]?.url).toMatch(
        /^gs:\/\/acme-models\/models\/tiny-llama\/v1\.0\.0\//,
      );
      expect(plans[2]?.target).toMatch(/^ipfs:\/\/bafy/);
      // The throwaway signature the plan was made with is gone: this folder is no release.
      expect((await readdir(outDir)).sort()).toEqual([
        "README.md",
        "manifest.json",
        "tiny-llama.safetensors",
      ]);
    } finally {
      await tmp.remove();
    }
  });
});
