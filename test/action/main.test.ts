import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from "@jest/globals";
import { run } from "../../src/action/main.js";
import { BASE } from "../manifest/cases.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { runnerEnv } from "../helpers/runner.js";
import { startGcsServer } from "../servers/index.js";

describe("action run()", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let printed: string;
  const saved = { ...process.env };
  let summaryDir: string;
  beforeAll(async () => {
    summaryDir = await mkdtemp(join(tmpdir(), "model-publish-summary-"));
  });
  afterAll(() => rm(summaryDir, { recursive: true, force: true }));

  beforeEach(async () => {
    tmp = await scratch();
    await copyFile(join(repoRoot, "examples", "tiny-llama", "model.pt"), join(tmp.dir, "model.pt"));
    printed = "";
    jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = undefined;
    await tmp.remove();
  });

  async function start(inputs: Record<string, string>, github: Record<string, string> = {}) {
    const runner = await runnerEnv(tmp.dir, inputs, github, join(summaryDir, "summary.md"));
    process.env = { ...saved, ...runner.env };
    await run();
    return runner;
  }

  it("masks tokens from the environment before printing anything", async () => {
    await tmp.write("model-publish.yaml", BASE);
    await start({}, { HF_TOKEN: "hf_secretvalue123", GITHUB_EVENT_NAME: "workflow_dispatch" });
    expect(printed.indexOf("::add-mask::hf_secretvalue123")).toBe(0);
    expect(printed.split("hf_secretvalue123")).toHaveLength(2);
  });

  it("masks what the manifest names as a secret, whatever its variable is called", async () => {
    await tmp.write(
      "model-publish.yaml",
      `${BASE}destinations:\n  ipfs:\n    providers:\n      - type: pinning-service\n        url: http://127.0.0.1:9\n        tokenEnv: PIN_CREDENTIAL\n`,
    );
    await start(
      {},
      { PIN_CREDENTIAL: "pin-cred-value-8841", GITHUB_EVENT_NAME: "workflow_dispatch" },
    );
    expect(printed).toContain("::add-mask::pin-cred-value-8841");
    expect(printed.split("pin-cred-value-8841")).toHaveLength(2);
  });

  it("defaults to model-publish.yaml and a dry run outside tags and pull requests", async () => {
    await tmp.write("model-publish.yaml", BASE);
    const runner = await start({}, { GITHUB_EVENT_NAME: "workflow_dispatch" });
    expect(process.exitCode).toBeUndefined();
    expect(await runner.outputs()).toMatchObject({ mode: "dry-run", valid: "true" });
    expect(printed).toMatch(/::group::validate/);
  });

  it("annotates each problem and lists it in the summary", async () => {
    await tmp.write(
      "model-publish.yaml",
      BASE.replace("license: apache-2.0", "licence: apache-2.0"),
    );
    const runner = await start({}, { GITHUB_EVENT_NAME: "pull_request" });
    expect(process.exitCode).toBe(1);
    expect(printed).toMatch(
      /::error title=.*,file=model-publish\.yaml,line=1,col=1::missing required field "license"/,
    );
    expect(printed).toMatch(
      /::error title=.*,file=model-publish\.yaml,line=5,col=1::unknown key "licence"/,
    );
    const summary = await runner.summary();
    expect(summary).toMatch(/2 problems; nothing else ran/);
    expect(summary).toMatch(/model-publish\.yaml:5:1 <code>\/licence<\/code>/);
  });

  it("refuses an unknown mode, naming the input", async () => {
    await tmp.write("model-publish.yaml", BASE);
    await start({ mode: "ship-it" });
    expect(process.exitCode).toBe(1);
    expect(printed).toMatch(
      /::error::input "mode" must be one of auto, release, check, dry-run; got "ship-it"/,
    );
  });

  it("fails when the manifest is missing", async () => {
    await start({ manifest: "nowhere.yaml" });
    expect(process.exitCode).toBe(1);
    expect(printed).toMatch(/::error::.*nowhere\.yaml: no such file/);
  });

  it("refuses to release without a signing key", async () => {
    await tmp.write("model-publish.yaml", BASE);
    await start({ mode: "release", "release-dir": "out" }, { SOURCE_DATE_EPOCH: "1767225600" });
    expect(process.exitCode).toBe(1);
    expect(printed).toMatch(/::error::a release must be signed/);
  });

  it("publishes a signed release to GCS on a tag push and reads it back", async () => {
    const gcs = await startGcsServer({ buckets: ["models-bucket"] });
    try {
      await tmp.write(
        "model-publish.yaml",
        `${BASE.replace("1.0.0", "from-tag")}destinations:\n  gcs: { bucket: models-bucket, prefix: m }\n`,
      );
      const seed = Buffer.alloc(32, 5).toString("base64");
      const runner = await start(
        { "release-dir": "out", "signing-key": seed },
        {
          GITHUB_EVENT_NAME: "push",
          GITHUB_REF: "refs/tags/v1.2.0",
          SOURCE_DATE_EPOCH: "1767225600",
          STORAGE_EMULATOR_HOST: `${gcs.url}/storage/v1`,
          GOOGLE_CLOUD_PROJECT: "test",
        },
      );
      expect(printed).not.toMatch(/::error/);
      expect(process.exitCode).toBeUndefined();
      const outputs = await runner.outputs();
      expect(outputs["gcs-base-url"]).toMatch(/models-bucket\/m\/tiny-llama\/v1\.2\.0\/$/);
      expect(gcs.object("models-bucket", "m/tiny-llama/v1.2.0/manifest.sig.json")).toBeDefined();
      expect(
        gcs.object("models-bucket", "m/tiny-llama/v1.2.0/tiny-llama.safetensors"),
      ).toBeDefined();
      expect(printed.split(seed)).toHaveLength(2);
      expect(await runner.summary()).toMatch(/signed by/);
    } finally {
      await gcs.stop();
    }
  });
});

describe("Reporter progress", () => {
  it("logs long work every tenth of the way, not every chunk", async () => {
    const { Reporter } = await import("../../src/action/reporter.js");
    let printed = "";
    jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
    const reporter = new Reporter({
      manifestPath: "m.yaml",
      manifestInput: "m.yaml",
      mode: "auto",
      workingDirectory: ".",
      workspace: ".",
      context: {},
      releaseDir: "out",
      benchStore: "none",
      prComment: false,
      onnxRuntime: "none",
    });
    for (let done = 0; done <= 1000; done += 25) {
      reporter.handle({
        type: "progress",
        stage: "convert",
        detail: "write m.safetensors",
        done,
        total: 1000,
      });
    }
    jest.restoreAllMocks();
    expect(
      printed.split("\n").filter((line) => line.startsWith("write m.safetensors")),
    ).toHaveLength(11);
    expect(printed).toContain("write m.safetensors: 100%");
  });
});
