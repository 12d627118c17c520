import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { PublishEvent } from "../../src/publish/destination.js";
import { scratch } from "../helpers/temp.js";
import {
  publishTo,
  releaseCopy,
  disposeRelease,
  signedRelease,
  startServers,
  type Servers,
} from "./fixture.js";

describe("publishing through a flaky network", () => {
  let servers: Servers | undefined;
  let tmp: Awaited<ReturnType<typeof scratch>>;

  beforeAll(async () => {
    await signedRelease();
    tmp = await scratch();
  });
  afterEach(async () => {
    await servers?.stop();
  });
  afterAll(async () => {
    await tmp.remove();
    await disposeRelease();
  });

  it.each([11, 23])(
    "completes and verifies with 10%% of requests to every server failing (seed %i)",
    async (seed) => {
      servers = await startServers();
      const injectors = [
        servers.hub.faults,
        servers.gcs.faults,
        servers.kubo.faults,
        servers.kubo.gatewayFaults,
        servers.pinning.faults,
      ];
      injectors.forEach((faults, i) => faults.random({ rate: 0.1, seed: seed * 10 + i }));
      const result = await publishTo(servers, await releaseCopy(tmp.dir));
      expect(result.failures).toEqual([]);
      expect(result.reports.map((r) => [r.destination, r.ok])).toEqual([
        ["hf", true],
        ["gcs", true],
        ["ipfs", true],
      ]);
      const fired = injectors.map((faults) => faults.fired.length);
      expect(fired.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
      expect(servers.hub.faults.fired.length).toBeGreaterThan(0);
      expect(servers.gcs.faults.fired.length).toBeGreaterThan(0);
      // Each 429 was waited out for at least its Retry-After (1 s) before the next attempt.
      const retries = result.events.filter(
        (e): e is Extract<PublishEvent, { type: "retry" }> => e.type === "retry",
      );
      const limited = retries.filter((e) => e.reason === "HTTP 429");
      expect(limited.length).toBeGreaterThan(0);
      expect(limited.every((e) => e.delayMs >= 1000)).toBe(true);
      expect(retries.filter((e) => e.reason !== "HTTP 429").every((e) => e.delayMs < 1000)).toBe(
        true,
      );
    },
  );
});
