/**
 * Publishes a release in a child process so a test can kill it (SIGKILL) at any point.
 * Input: JSON in PUBLISH_INPUT — the release folder, the authored manifest, the environment.
 */
import { configureDestinations } from "../../src/publish/publish-config.js";
import { publishRelease } from "../../src/publish/publish-release.js";
import { seededRandom } from "../../src/publish/retry.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import type { DestinationOverrides } from "../../src/publish/publish-config.js";

interface Input {
  dir: string;
  manifest: AuthoredManifest;
  env: NodeJS.ProcessEnv;
  overrides: DestinationOverrides;
}

const input = JSON.parse(process.env.PUBLISH_INPUT ?? "{}") as Input;
const config = configureDestinations({
  manifest: input.manifest,
  env: input.env,
  overrides: input.overrides,
});
const result = await publishRelease({
  dir: input.dir,
  destinations: config.destinations,
  secrets: config.secrets,
  retry: { baseDelayMs: 5, maxDelayMs: 50, random: seededRandom(1) },
  ...(config.ipfs === undefined ? {} : { ipfs: config.ipfs }),
});
process.stdout.write(`${JSON.stringify({ ok: result.ok, failures: result.failures })}\n`);
