import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { build } from "esbuild";
import { seededRandom } from "../../src/publish/retry.js";
import { killAfterRequests } from "../helpers/kill-after.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import {
  FAST_OVERRIDES,
  REPO,
  envFor,
  manifestFor,
  publishTo,
  releaseCopy,
  disposeRelease,
  signedRelease,
  startServers,
  type Servers,
} from "./fixture.js";
import { remoteState } from "./remote-state.js";

// The bundle sits under node_modules so its imports of the client libraries resolve.
const driver = join(repoRoot, "node_modules", ".cache", "model-publish-test", "kill-driver.mjs");

function requestCount(servers: Servers): number {
  return (
    servers.hub.log.length +
    servers.gcs.log.length +
    servers.kubo.log.length +
    servers.kubo.gatewayLog.length +
    servers.pinning.log.length
  );
}

/** Runs the driver and kills it with SIGKILL once the servers have seen `killAt` requests. */
async function publishAndKill(
  servers: Servers,
  dir: string,
  killAt: number,
): Promise<"killed" | "finished"> {
  const input = {
    dir,
    manifest: await manifestFor(servers),
    env: envFor(servers),
    overrides: FAST_OVERRIDES,
  };
  const child = spawn(process.execPath, [driver], {
    env: { ...process.env, PUBLISH_INPUT: JSON.stringify(input) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return killAfterRequests(child, () => requestCount(servers), killAt);
}

describe("a publish killed at a random point", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let reference: Record<string, unknown>;
  let total = 0;
  let gatewayPort = 0;

  beforeAll(async () => {
    tmp = await scratch();
    await build({
      entryPoints: [join(repoRoot, "test", "publish", "kill-driver.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outfile: driver,
      logLevel: "error",
    });
    await signedRelease();
    // The state an uninterrupted run leaves, and how many requests it takes.
    const servers = await startServers();
    gatewayPort = Number(new URL(servers.kubo.gatewayUrl).port);
    try {
      const result = await publishTo(servers, await releaseCopy(tmp.dir));
      expect(result.ok).toBe(true);
      total = requestCount(servers);
      reference = await remoteState(servers, REPO);
    } finally {
      await servers.stop();
    }
  });
  afterAll(async () => {
    await tmp.remove();
    await disposeRelease();
  });

  // Seeds whose kill points fall in each phase: Hub (7, 19), GCS (8, 12, 6), IPFS (1).
  it.each([7, 19, 8, 12, 6, 1])(
    "finishes on a re-run with the state of an uninterrupted run (seed %i)",
    async (seed) => {
      const servers = await startServers({ gatewayPort });
      try {
        const dir = await releaseCopy(tmp.dir);
        const killAt = 1 + Math.floor(seededRandom(seed)() * (total - 2));
        expect(await publishAndKill(servers, dir, killAt)).toBe("killed");
        const rerun = await publishTo(servers, dir);
        expect(rerun.failures).toEqual([]);
        expect(rerun.ok).toBe(true);
        expect(await remoteState(servers, REPO)).toEqual(reference);
      } finally {
        await servers.stop();
      }
    },
  );
});
