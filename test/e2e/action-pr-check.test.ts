import { copyFile, cp, mkdir, readdir, readFile, symlink } from "node:fs/promises";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { COMMENT_MARKER } from "../../src/bench/report-markdown.js";
import { ONNXRUNTIME_NODE_VERSION } from "../../src/version.generated.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { runnerEnv } from "../helpers/runner.js";
import { runAction } from "../helpers/run-action.js";
import { startGitHubServer, type GitHubServer } from "../servers/index.js";

const events = join(repoRoot, "test", "fixtures", "events");
const onnx = join(repoRoot, "test", "fixtures", "onnx");
const BASE_SHA = "b4e8a1c2d3f4051627384950a1b2c3d4e5f60718";
const HEAD_SHA = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

const MANIFEST = [
  "id: acme-mlp",
  "name: Acme MLP",
  "version: 1.0.0",
  "type: other",
  "license: mit",
  "sources:",
  "  onnx: model.onnx",
  "bench:",
  "  provider: cpu",
  "  iterations: 40",
  "  warmup: 3",
  // Runs of a model this small (microseconds) on a shared machine, minutes apart, can differ by
  // tens of percent; the slower model below is many times slower. The false-alarm rate at the
  // default 5% is measured on simulated noise (bench/gate.mjs).
  "  threshold: 0.6",
  "  metrics:",
  "    load_time: { threshold: 1 }",
  "    first_inference: { threshold: 1 }",
  "",
].join("\n");

// Wall-clock timings of microsecond inferences while other test files run on the same cores:
// a burst of load during one run and not the other can still look like a change. A timing test
// that fails is run again (and its first failure logged); a real regression fails every time.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

/**
 * The pull-request face of the action, run as the runner runs it: the default branch records a
 * baseline, a pull request is measured against it, commented on and failed when it regresses.
 */
describe("the action on a pull request (end to end)", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let github: GitHubServer;
  let runs = 0;

  beforeAll(async () => {
    tmp = await scratch();
    github = await startGitHubServer();
    await github.addPullRequest({
      owner: "acme",
      repo: "models",
      number: 7,
      base: { ref: "main", sha: BASE_SHA },
      head: { ref: "feature/faster-mlp", sha: HEAD_SHA },
      commits: [{ sha: HEAD_SHA, message: "Add a heavier block to the MLP" }],
    });
    await tmp.write("model-publish.yaml", MANIFEST);
  });
  afterAll(async () => {
    await github.stop();
    await tmp.remove();
  });

  const runFor = async (
    event: "push-main" | "pull-request-opened",
    model: string,
    runner: { entry?: string; env?: Record<string, string> } = {},
  ) => {
    await copyFile(join(onnx, model), join(tmp.dir, "model.onnx"));
    const pr = event === "pull-request-opened";
    const step = await runnerEnv(
      tmp.dir,
      {
        "bench-store": "local",
        "bench-store-path": ".bench-baselines",
        "github-token": github.token,
        "release-dir": `out-${String((runs += 1))}`,
      },
      {
        GITHUB_EVENT_NAME: pr ? "pull_request" : "push",
        GITHUB_EVENT_PATH: join(events, `${event}.json`),
        GITHUB_REF: pr ? "refs/pull/7/merge" : "refs/heads/main",
        GITHUB_SHA: pr ? HEAD_SHA : BASE_SHA,
        GITHUB_REPOSITORY: "acme/models",
        GITHUB_API_URL: github.url,
        SOURCE_DATE_EPOCH: "1767225600",
        ...runner.env,
      },
    );
    return { ...(await runAction(step.env, tmp.dir, runner.entry)), runner: step };
  };

  it("records the default branch's run as the baseline", async () => {
    const { code, stdout, runner } = await runFor("push-main", "mlp.onnx");
    expect(stdout).not.toMatch(/::error/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/recorded this run as a baseline/);
    const outputs = await runner.outputs();
    expect(outputs.mode).toBe("dry-run");
    expect(outputs.verdict).toBe("no-baseline");
    const stored = await readdir(join(tmp.dir, ".bench-baselines", "acme-mlp", "onnx"));
    expect(stored).toHaveLength(1);
    expect(github.comments("acme", "models", 7)).toEqual([]);
  });

  it("passes the same model (A/A) and comments with the table and the trend chart", async () => {
    const { code, stdout, runner } = await runFor("pull-request-opened", "mlp.onnx");
    expect(stdout).not.toMatch(/::error/);
    expect(code).toBe(0);
    const outputs = await runner.outputs();
    expect(outputs).toMatchObject({ mode: "check", verdict: "pass", regressions: "[]" });
    const [comment, ...more] = github.comments("acme", "models", 7);
    expect(more).toEqual([]);
    expect(comment?.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment?.body).toMatch(/No benchmark regression/);
    expect(comment?.body).toMatch(/Baseline: local .*/);
    expect(comment?.body).toMatch(/```mermaid\n[^`]*xychart-beta/);
    expect(outputs["comment-url"]).toMatch(/acme\/models\/pull\/7#issuecomment-/);
    const summary = await runner.summary();
    expect(summary).toMatch(/\| metric \| unit \| baseline \(median\)/);
    expect(await readFile(outputs["bench-chart"] ?? "", "utf8")).toMatch(/^<svg/);
  });

  it("fails a slower model, naming the metric in the comment, updated in place", async () => {
    const { code, stdout, runner } = await runFor("pull-request-opened", "mlp-slow.onnx");
    expect(code).toBe(1);
    expect(stdout).toMatch(/::error::benchmark regression: .*latency/);
    const outputs = await runner.outputs();
    expect(outputs.verdict).toBe("fail");
    const regressions = JSON.parse(outputs.regressions ?? "[]") as string[];
    expect(regressions.some((m) => m.startsWith("latency"))).toBe(true);
    const comments = github.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/❌ \*\*Benchmark regression\*\*: .*latency/);
    expect(stdout.split(github.token)).toHaveLength(2); // only the ::add-mask:: line
  });

  it("passes the slower model once a bench-accept label says the regression is intended", async () => {
    await github.addLabels("acme", "models", 7, ["bench-accept"]);
    const { code, runner } = await runFor("pull-request-opened", "mlp-slow.onnx");
    expect(code).toBe(0);
    expect((await runner.outputs()).verdict).toBe("pass");
    const comments = github.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/accepted/);
  });
});

describe("the action as a workflow checks it out (no node_modules)", () => {
  it("finds onnxruntime-node in the runner's tool cache, and says how to get it when it is not", async () => {
    const tmp = await scratch();
    try {
      // `uses: org/model-publish@v1` checks out the repository: dist/ and templates/, nothing installed.
      const action = join(tmp.dir, "_actions", "model-publish");
      const entry = join(action, "dist", "action.js");
      await mkdir(dirname(entry), { recursive: true });
      await copyFile(join(repoRoot, "dist", "action.js"), entry);
      await cp(join(repoRoot, "templates"), join(action, "templates"), { recursive: true });
      await copyFile(join(onnx, "mlp.onnx"), join(tmp.dir, "model.onnx"));
      await tmp.write("model-publish.yaml", MANIFEST);
      const toolCache = join(tmp.dir, "tool-cache");
      const dir = join(
        toolCache,
        "model-publish",
        "onnxruntime-node",
        `${ONNXRUNTIME_NODE_VERSION}-cpu-${platform()}-${arch()}`,
      );
      await mkdir(join(dir, "node_modules"), { recursive: true });
      await symlink(
        join(repoRoot, "node_modules", "onnxruntime-node"),
        join(dir, "node_modules", "onnxruntime-node"),
      );
      const step = await runnerEnv(
        tmp.dir,
        { "bench-store": "none", onnxruntime: "cpu" },
        { GITHUB_EVENT_NAME: "pull_request", RUNNER_TOOL_CACHE: toolCache },
      );
      const { code, stdout } = await runAction(step.env, tmp.dir, entry);
      expect(stdout).not.toMatch(/::error/);
      expect(code).toBe(0);
      expect(stdout).toMatch(/onnxruntime-node [\d.]+ \(cpu\): tool-cache/);
      expect((await step.outputs()).verdict).toBe("no-baseline");

      const without = await runnerEnv(
        tmp.dir,
        { "bench-store": "none", onnxruntime: "none", "release-dir": "out-2" },
        { GITHUB_EVENT_NAME: "pull_request", RUNNER_TOOL_CACHE: toolCache },
      );
      const missing = await runAction(without.env, tmp.dir, entry);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(
        /::error::the ONNX stages need onnxruntime-node, which is not installed/,
      );
    } finally {
      await tmp.remove();
    }
  });
});
