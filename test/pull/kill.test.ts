import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { build } from "esbuild";
import { openSources } from "../../src/pull/open-sources.js";
import { pullRelease } from "../../src/pull/pull-release.js";
import { verifyRelease } from "../../src/sign/verify-release.js";
import { killAfterRequests } from "../helpers/kill-after.js";
import { repoRoot } from "../helpers/temp.js";
import {
  BUCKET,
  GCS_FOLDER,
  consumerEnv,
  published,
  tree,
  type Published,
} from "./pull-fixture.js";

// The bundle sits under node_modules so its imports of the client libraries resolve.
const driver = join(repoRoot, "node_modules", ".cache", "model-publish-test", "pull-driver.mjs");

describe("a pull killed at any point", () => {
  let release: Published;

  beforeAll(async () => {
    await build({
      entryPoints: [join(repoRoot, "test", "pull", "kill-driver.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outfile: driver,
      logLevel: "error",
    });
    release = await published();
  });
  afterAll(async () => {
    await release.stop();
  });

  /** Runs the driver; kills it with SIGKILL once GCS has received `killAt` requests. */
  async function pullAndKill(
    out: string,
    cacheDir: string,
    killAt: number,
  ): Promise<"killed" | "finished"> {
    const input = {
      url: `gs://${BUCKET}/${GCS_FOLDER}/`,
      out,
      cacheDir,
      publicKey: release.publicKey,
      env: consumerEnv(release.servers),
    };
    const log = release.servers.gcs.log;
    const child = spawn(process.execPath, [driver], {
      env: { ...process.env, PULL_INPUT: JSON.stringify(input) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return killAfterRequests(child, () => log.length, killAt);
  }

  it("leaves no output folder, or a complete one that verifies; the next pull finishes and cleans up", async () => {
    // Slow answers widen the window in which a kill lands mid-file.
    release.servers.gcs.faults.add({ kind: "slow", delayMs: 40, count: 1000 });
    const reference = await tree(release.dir);
    const publicKey = Buffer.from(release.publicKey, "base64");
    const seen = new Set<string>();
    let reused = 0;
    // A release is 9 requests (2 manifests, 7 files); kill after several of them.
    for (const killAt of [1, 3, 5, 8, 100]) {
      const out = join(release.tmp.dir, `killed-${killAt}`);
      const cacheDir = join(release.tmp.dir, `cache-${killAt}`);
      const how = await pullAndKill(out, cacheDir, killAt);
      const entries = await readdir(out).catch(() => undefined);
      if (entries === undefined) {
        seen.add("absent");
        expect(how).toBe("killed");
        const again = await pullRelease({
          sources: openSources([{ kind: "gcs", bucket: BUCKET, folder: GCS_FOLDER }], {
            env: consumerEnv(release.servers),
          }),
          out,
          cacheDir,
          trust: { publicKey },
        });
        expect(again.ok).toBe(true);
        reused += again.attempts[0]?.cached ?? 0;
      } else {
        seen.add("complete");
      }
      expect(await tree(out)).toEqual(reference);
      expect((await verifyRelease(out, { publicKey })).ok).toBe(true);
      // Nothing else is left beside it: the killed run's staging folder is gone.
      const beside = await readdir(release.tmp.dir);
      expect(beside.filter((e) => e.startsWith(`.killed-${killAt}.`))).toEqual([]);
    }
    // Both outcomes happened: kills landed while pulling, and a run finished.
    expect([...seen].sort()).toEqual(["absent", "complete"]);
    // What killed runs had verified was taken from the cache, not downloaded again.
    expect(reused).toBeGreaterThan(0);
  });
});
