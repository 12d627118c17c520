import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import * as actionsCache from "@actions/cache";
import {
  needsOnnxRuntime,
  setupOnnxRuntime,
  type RuntimeFlavour,
} from "../../src/action/onnx-runtime-setup.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { RUNTIME_DIR_ENV } from "../../src/runtime/onnxruntime.js";
import { ONNXRUNTIME_NODE_VERSION } from "../../src/version.generated.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { withCacheEnv } from "../servers/cache-env.js";
import { startActionsCacheServer, type ActionsCacheServer } from "../servers/index.js";

/** Stands in for `npm install` where no registry is reachable: links the package this repo has. */
async function linkRuntime(dir: string): Promise<void> {
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(
    join(repoRoot, "node_modules", "onnxruntime-node"),
    join(dir, "node_modules", "onnxruntime-node"),
  );
}

describe("onnxruntime-node beside the action", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let server: ActionsCacheServer;
  beforeEach(async () => {
    tmp = await scratch();
    server = await startActionsCacheServer({ tokens: { main: { ref: "refs/heads/main" } } });
  });
  afterEach(async () => {
    await server.stop();
    await rm(server.storageDir, { recursive: true, force: true });
    await tmp.remove();
  });

  it("installs once, saves to the Actions cache, and a fresh runner restores it", async () => {
    const installs: RuntimeFlavour[] = [];
    const install = async (dir: string, flavour: RuntimeFlavour) => {
      installs.push(flavour);
      await linkRuntime(dir);
    };
    const runOn = (runner: string) => {
      // Hosted runners share one tool-cache path (part of the cache entry's version).
      const env: NodeJS.ProcessEnv = { RUNNER_TOOL_CACHE: join(tmp.dir, "tool-cache") };
      return withCacheEnv(server.env("main"), join(tmp.dir, runner), () =>
        setupOnnxRuntime({
          choice: "auto",
          env,
          cache: actionsCache,
          hasGpu: () => Promise.resolve(false),
          install,
          bundled: false,
        }).then((setup) => ({ setup, env })),
      );
    };
    const first = await runOn("runner-1");
    expect(first.value.setup).toMatchObject({ source: "installed", flavour: "cpu" });
    expect(first.value.env[RUNTIME_DIR_ENV]).toBe(first.value.setup.dir);
    expect(first.value.setup.dir).toContain(`${ONNXRUNTIME_NODE_VERSION}-cpu-`);
    expect(server.entries()).toEqual([
      expect.objectContaining({
        key: expect.stringContaining(
          `model-publish-onnxruntime-node-${ONNXRUNTIME_NODE_VERSION}-cpu`,
        ),
        finalized: true,
      }),
    ]);

    // The same runner keeps it in its tool cache; nothing is fetched.
    const again = await runOn("runner-1");
    expect(again.value.setup.source).toBe("tool-cache");

    await rm(join(tmp.dir, "tool-cache"), { recursive: true });
    const fresh = await runOn("runner-2");
    expect(fresh.value.setup.source).toBe("actions-cache");
    expect(installs).toEqual(["cpu"]);
    const pkg = join(
      fresh.value.setup.dir ?? "",
      "node_modules",
      "onnxruntime-node",
      "package.json",
    );
    expect(JSON.parse(await readFile(pkg, "utf8"))).toMatchObject({ name: "onnxruntime-node" });
  });

  it("takes the CUDA build where a GPU is seen, and none when told", async () => {
    const env: NodeJS.ProcessEnv = { RUNNER_TOOL_CACHE: tmp.dir };
    const setup = await setupOnnxRuntime({
      choice: "auto",
      env,
      hasGpu: () => Promise.resolve(true),
      install: linkRuntime,
      bundled: false,
    });
    expect(setup).toMatchObject({ flavour: "cuda12", source: "installed" });
    expect(await setupOnnxRuntime({ choice: "none", env: {} })).toEqual({ source: "skipped" });
  });

  it("says what to do when the install leaves nothing", async () => {
    await expect(
      setupOnnxRuntime({
        choice: "cpu",
        env: { RUNNER_TOOL_CACHE: tmp.dir },
        install: (dir) => writeFile(join(tmp.dir, "x"), dir),
      }),
    ).rejects.toThrow(
      /installing onnxruntime-node left no .*package\.json; remove .* and run again/,
    );
  });

  it("asks for onnxruntime only for ONNX sources, ONNX variants or a benchmark", () => {
    const base = { sources: { checkpoint: "model.pt" } } as unknown as AuthoredManifest;
    expect(needsOnnxRuntime(base)).toBe(false);
    expect(needsOnnxRuntime(undefined)).toBe(false);
    expect(needsOnnxRuntime({ ...base, bench: {} })).toBe(true);
    expect(needsOnnxRuntime({ ...base, variants: [{ scheme: "onnx-int8" }] })).toBe(true);
    expect(needsOnnxRuntime({ ...base, variants: [{ scheme: "q4_k_m" }] })).toBe(false);
  });
});
