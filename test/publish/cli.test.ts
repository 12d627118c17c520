import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { parseCommandArgs } from "../../src/cli/command.js";
import { publishCommand, publishExitCode } from "../../src/cli/commands/publish.js";
import { exitCodeFor } from "../../src/errors.js";
import type { AuthoredManifest } from "../../src/manifest/types.generated.js";
import { scratch } from "../helpers/temp.js";
import {
  HF_TOKEN,
  PINNING_TOKEN,
  SIGNING_KEY_TEXT,
  envFor,
  manifestFor,
  releaseCopy,
  resigned,
  disposeRelease,
  signedRelease,
  startServers,
  writes,
  type Servers,
} from "./fixture.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("model-publish publish", () => {
  let servers: Servers;
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let dir: string;
  const all: string[] = [];

  /** Runs the command as the CLI's main does: parse, run, and map a thrown error to its exit code. */
  async function cli(argv: string[], env = envFor(servers)): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: (t: string) => (stdout += t),
      stderr: (t: string) => (stderr += t),
      env,
      cwd: tmp.dir,
    };
    let code: number;
    try {
      code = await publishCommand.run(parseCommandArgs(publishCommand, argv), io);
    } catch (error) {
      stderr += `model-publish: ${error instanceof Error ? error.message : String(error)}\n`;
      code = exitCodeFor(error);
    }
    all.push(stdout, stderr);
    return { code, stdout, stderr };
  }

  async function manifestFile(name: string, edit?: (m: AuthoredManifest) => void): Promise<string> {
    const path = join(tmp.dir, name);
    await writeFile(path, stringify(await manifestFor(servers, edit)));
    return path;
  }

  beforeAll(async () => {
    await signedRelease();
    servers = await startServers();
    tmp = await scratch();
    dir = await releaseCopy(tmp.dir);
    await manifestFile("model-publish.yaml");
  });
  afterAll(async () => {
    await servers.stop();
    await tmp.remove();
    await disposeRelease();
  });

  it("prints the plan of a dry run — file, size, URL, upload or skip — and writes nothing", async () => {
    const run = await cli([dir, "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^hf hf:test-user\/tiny-llama@main\n/);
    expect(run.stdout).toMatch(
      / {2}upload +5\.0 MiB {2}tiny-llama\.safetensors {2}→ {2}gs:\/\/example-models\/models\/tiny-llama\/v0\.1\.0\/tiny-llama\.safetensors\n/,
    );
    expect(run.stdout).toMatch(
      /upload .* manifest\.sig\.json {2}→ {2}ipfs:\/\/bafy\w+\/manifest\.sig\.json/,
    );
    expect(run.stdout).toContain("then   tag v0.1.0");
    expect(run.stdout).toContain("dry run: nothing was written");
    for (const server of [servers.hub, servers.gcs, servers.kubo, servers.pinning])
      expect(writes(server.log)).toEqual([]);
    const json = await cli([dir, "--dry-run", "--json"]);
    const document = JSON.parse(json.stdout) as {
      dryRun: boolean;
      plans: { destination: string }[];
    };
    expect(document.dryRun).toBe(true);
    expect(document.plans.map((p) => p.destination)).toEqual(["hf", "gcs", "ipfs"]);
  });

  it("publishes to the chosen destinations and says where it went", async () => {
    const run = await cli([dir, "--to", "hf,gcs"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ hf: 9 uploaded, 0 already there →");
    expect(run.stdout).toContain("✓ tiny-llama v0.1.0 published and read back");
    expect(run.stderr).toContain(
      "✓ read back gs://example-models/models/tiny-llama/v0.1.0/: 9 files match the signed release",
    );
    expect(writes(servers.kubo.log)).toEqual([]);
    const verified = await cli([dir, "--to", "gcs", "--verify-only"]);
    expect(verified.code).toBe(0);
    const missing = await cli([dir, "--to", "ipfs", "--verify-only", "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      ok: false,
      reports: [{ destination: "ipfs", incomplete: true }],
    });
  });

  it("exits 1 when the version exists with other bytes", async () => {
    const other = await resigned(tmp.dir, { touch: "config.json" });
    const run = await cli([other, "--to", "gcs"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/already holds other bytes for v0\.1\.0: config\.json/);
  });

  it("exits 3 when a service refuses and 2 on bad usage", async () => {
    const manifest = await manifestFile("elsewhere.yaml", (m) => {
      m.destinations = { huggingface: { repo: "someone-else/tiny-llama" } };
    });
    const refused = await cli([dir, "--manifest", manifest]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toMatch(
      /✗ hf: hf:someone-else\/tiny-llama: creating the repository failed \(HTTP 403\)/,
    );
    expect((await cli([dir, "--to", "hf,s3"])).code).toBe(2);
    expect((await cli([dir, "--manifest", manifest, "--to", "gcs"])).code).toBe(2);
    expect((await cli([dir, "--manifest", join(tmp.dir, "nope.yaml")])).code).toBe(2);
    const storacha = await manifestFile("storacha.yaml", (m) => {
      m.destinations = { ipfs: { providers: [{ type: "storacha" }] } };
    });
    const noKey = await cli([dir, "--manifest", storacha]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("STORACHA_KEY (the Storacha agent key) is not set");
    const env = { ...envFor(servers) };
    delete env.PINNING_TOKEN;
    expect((await cli([dir, "--dry-run"], env)).stderr).toContain(
      "the token variable PINNING_TOKEN is not set",
    );
  });

  it("keeps tokens and the signing key out of everything it prints, even a library's error", async () => {
    // A token pasted into the endpoint variable ends up in the Hub client's error text (its URL).
    const env = { ...envFor(servers), HF_ENDPOINT: `${servers.hub.url}/${HF_TOKEN}` };
    const run = await cli([dir, "--to", "hf"], env);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("URL: http://127.0.0.1:");
    expect(run.stdout).toContain("/***/api/repos/create");
    const text = all.join("\n");
    for (const secret of [HF_TOKEN, PINNING_TOKEN, SIGNING_KEY_TEXT])
      expect(text).not.toContain(secret);
  });

  it("maps outcomes to exit codes: usage first, then remote failures, then checks", () => {
    const base = {
      id: "x",
      version: "1.0.0",
      dryRun: false,
      plans: [],
      receipts: [],
      reports: [],
      ok: false,
    };
    expect(publishExitCode({ ...base, failures: [] })).toBe(0);
    expect(
      publishExitCode({
        ...base,
        failures: [{ destination: "hf", code: "VERIFY_FAILED", message: "" }],
      }),
    ).toBe(1);
    expect(
      publishExitCode({
        ...base,
        failures: [
          { destination: "hf", code: "VERIFY_FAILED", message: "" },
          { destination: "gcs", code: "REMOTE_FAILED", message: "" },
        ],
      }),
    ).toBe(3);
    expect(
      publishExitCode({
        ...base,
        failures: [
          { destination: "gcs", code: "USAGE", message: "" },
          { destination: "hf", code: "REMOTE_FAILED", message: "" },
        ],
      }),
    ).toBe(2);
    expect(
      publishExitCode({
        ...base,
        failures: [],
        reports: [
          {
            destination: "gcs",
            target: "",
            ok: false,
            incomplete: false,
            checked: 1,
            problems: [],
          },
        ],
      }),
    ).toBe(1);
  });
});
