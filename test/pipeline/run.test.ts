import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { PipelineEvent } from "../../src/pipeline/events.js";
import { runPipeline } from "../../src/pipeline/run.js";
import { planStages } from "../../src/pipeline/plan.js";
import { BASE } from "../manifest/cases.js";
import { scratch } from "../helpers/temp.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";

describe("runPipeline", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
    await tmp.write("model.pt", "weights");
  });
  afterEach(() => tmp.remove());

  it("validates, then plans the stages, reporting events in order", async () => {
    const path = await tmp.write("m.yaml", BASE);
    const events: PipelineEvent[] = [];
    const result = await runPipeline({ manifestPath: path, mode: "check" }, (e) => events.push(e));
    expect(result.valid).toBe(true);
    expect(result.version).toBe("1.0.0");
    expect(events.map((e) => e.type)).toEqual(["mode", "stage-start", "stage-end", "plan"]);
    expect(result.plan.map((s) => s.name)).toEqual([
      "validate",
      "convert",
      "quantize",
      "evaluate",
      "card",
      "bench",
    ]);
  });

  it("stops after validate on an invalid manifest, reporting each issue", async () => {
    const path = await tmp.write(
      "m.yaml",
      BASE.replace("text-generation", "llm").replace("apache-2.0", "3"),
    );
    const events: PipelineEvent[] = [];
    const result = await runPipeline({ manifestPath: path }, (e) => events.push(e));
    expect(result.valid).toBe(false);
    expect(result.plan).toEqual([]);
    expect(events.filter((e) => e.type === "issue")).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: "stage-end", stage: "validate", ok: false });
  });

  it("reports a source file that does not exist at the field naming it", async () => {
    const path = await tmp.write("m.yaml", BASE.replace("model.pt", "missing.pt"));
    const result = await runPipeline({ manifestPath: path });
    expect(result.issues).toEqual([
      expect.objectContaining({
        pointer: "/sources/checkpoint",
        line: 7,
        message: expect.stringContaining("missing.pt"),
      }),
    ]);
    const unchecked = await runPipeline({ manifestPath: path, checkFiles: false });
    expect(unchecked.valid).toBe(true);
  });

  it("takes the version from the pushed tag", async () => {
    const path = await tmp.write("m.yaml", BASE.replace("1.0.0", "from-tag"));
    const result = await runPipeline({
      manifestPath: path,
      context: { eventName: "push", ref: "refs/tags/v3.1.4" },
    });
    expect(result.decision.mode).toBe("release");
    expect(result.version).toBe("3.1.4");
  });

  it("refuses a release with no version to publish", async () => {
    const path = await tmp.write("m.yaml", BASE.replace("1.0.0", "from-tag"));
    const result = await runPipeline({ manifestPath: path, mode: "release" });
    expect(result.valid).toBe(false);
    expect(result.issues[0]).toMatchObject({ pointer: "/version", line: 3 });
  });

  it("refuses a tag that disagrees with the manifest's version", async () => {
    const path = await tmp.write("m.yaml", BASE);
    const result = await runPipeline({
      manifestPath: path,
      context: { eventName: "push", ref: "refs/tags/v1.0.1" },
    });
    expect(result.issues[0]?.message).toMatch(/1\.0\.1.*1\.0\.0/);
  });
});

describe("planStages", () => {
  const manifest: AuthoredManifest = {
    id: "m",
    name: "M",
    version: "1.0.0",
    type: "other",
    license: "mit",
    sources: { safetensors: "m.safetensors" },
  };

  it("skips what the manifest does not need, saying why", () => {
    const plan = planStages(manifest, "release");
    expect(plan.find((s) => s.name === "convert")).toMatchObject({
      status: "skip",
      note: "no checkpoint to convert",
    });
    expect(plan.find((s) => s.name === "publish")).toMatchObject({ status: "skip" });
    expect(plan.find((s) => s.name === "validate")).toMatchObject({ status: "run" });
  });

  it("publishes and signs only in release mode", () => {
    const withGcs = { ...manifest, destinations: { gcs: { bucket: "b-b" } } };
    expect(
      planStages(withGcs, "check").some((s) => s.name === "publish" || s.name === "sign"),
    ).toBe(false);
    expect(planStages(withGcs, "release").find((s) => s.name === "publish")).toMatchObject({
      status: "run",
    });
  });
});
