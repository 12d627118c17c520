/**
 * Pulls a release in a child process so a test can kill it (SIGKILL) at any point.
 * Input: JSON in PULL_INPUT — the source URL, the output folder, the trusted key, the environment.
 */
import { openSources } from "../../src/pull/open-sources.js";
import { pullRelease } from "../../src/pull/pull-release.js";
import { parseSourceUrl } from "../../src/pull/source-spec.js";

interface Input {
  url: string;
  out: string;
  cacheDir: string;
  publicKey: string;
  env: NodeJS.ProcessEnv;
}

const input = JSON.parse(process.env.PULL_INPUT ?? "{}") as Input;
const spec = parseSourceUrl(input.url);
if (spec === undefined) throw new Error(`not a source URL: ${input.url}`);
const result = await pullRelease({
  sources: openSources([spec], { env: input.env }),
  out: input.out,
  cacheDir: input.cacheDir,
  trust: { publicKey: Buffer.from(input.publicKey, "base64") },
  // One file at a time, so a kill can land between any two.
  parallel: 1,
});
process.stdout.write(`${JSON.stringify({ ok: result.ok })}\n`);
