import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { commandHelp } from "../../src/cli/command.js";
import { pullCommand } from "../../src/cli/commands/pull.js";
import { defaultCacheDir } from "../../src/pull/blob-cache.js";
import { DEFAULT_GATEWAY, openSources } from "../../src/pull/open-sources.js";
import { pullProgress, pullSummary } from "../../src/pull/pull-report.js";
import type { PullResult } from "../../src/pull/pull-types.js";
import {
  manifestSources,
  orderSources,
  parseOrder,
  parseSourceUrl,
} from "../../src/pull/source-spec.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { pullCli } from "./pull-fixture.js";

const CID = "bafybeieynt7votmqoio6jzfrxmdat46zsvbxyqodnwp6oejprpotmmp3fe";
const KEY = Buffer.alloc(32, 5).toString("base64");

describe("model-publish pull: arguments", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  // Nothing listens here: a run that got as far as the network would fail, not pass.
  const env = { HF_ENDPOINT: "http://127.0.0.1:9", STORAGE_EMULATOR_HOST: "http://127.0.0.1:9" };
  const run = (argv: string[]) => pullCli(argv, env, tmp.dir);

  beforeAll(async () => {
    tmp = await scratch();
    const example = await readFile(
      join(repoRoot, "examples/tiny-llama/model-publish.yaml"),
      "utf8",
    );
    await tmp.write("from-tag.yaml", example);
    await tmp.write("pinned.yaml", example.replace("version: from-tag", "version: 1.0.0"));
    await tmp.write("broken.yaml", example.replace("id: tiny-llama", "id: 42"));
    await tmp.write("nowhere.yaml", example.replace(/destinations:[\s\S]*?signing:/, "signing:"));
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it("documents the source syntax, the trust options and the cache in --help", () => {
    const help = commandHelp(pullCommand);
    for (const text of [
      "gs://BUCKET/PREFIX/ID/vVERSION/",
      "ipfs://ROOT-CID",
      "hf://OWNER/NAME@vVERSION",
      "--from LIST",
      "--public-key K",
      "--trust-embedded-key",
      "--cache-dir D",
      "--no-cache",
      "-o, --output DIR",
    ]) {
      expect(help).toContain(text);
    }
  });

  it.each([
    [["gs://bucket/f/"], /-o DIR is required/],
    [["s3://bucket/x", "-o", "out"], /pull reads gs:\/\/, ipfs:\/\/ and hf:\/\/ sources/],
    [["gs://bucket", "-o", "out"], /give the version folder, as publish prints it/],
    [["ipfs://not-a-cid", "-o", "out"], /"not-a-cid" is not a CID/],
    [["hf://org/repo", "-o", "out"], /say which release: hf:\/\/org\/repo@vVERSION, or --version/],
    [["hf://just-a-name@v1", "-o", "out"], /give the repository as hf:\/\/OWNER\/NAME@vVERSION/],
    [["gs://bucket/f/", "-o", "out", "--version", "one"], /--version one is not a version/],
    [["from-tag.yaml", "-o", "out"], /says version: from-tag; say which release with --version/],
    [["pinned.yaml", "pinned.yaml", "-o", "out"], /give one authored manifest at most/],
    [["pinned.yaml", "-o", "out", "--from", "s3"], /--from takes gcs, ipfs, hf/],
    [["pinned.yaml", "-o", "out", "--from", ","], /--from names no source/],
    [
      ["nowhere.yaml", "-o", "out", "--version", "1.0.0"],
      /the manifest configures no destination to pull from/,
    ],
    [["gs://bucket/f/", "-o", "out", "--from", "hf"], /--from hf leaves no source/],
    [
      ["gs://bucket/f/", "-o", "out"],
      /no trusted key: give the publisher's public key with --public-key/,
    ],
    [["gs://bucket/f/", "-o", "out", "--public-key", "env:NOT_SET"], /NOT_SET is not set/],
  ])("refuses %j as a usage error (exit 2)", async (argv, message) => {
    const result = await run(argv);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
  });

  it("reports an invalid manifest with its issues (exit 1)", async () => {
    const result = await run(["broken.yaml", "-o", "out"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml is not a valid manifest:\n.*broken\.yaml:3/);
  });

  it("checks the output folder before reaching any source", async () => {
    await mkdir(join(tmp.dir, "full"));
    await writeFile(join(tmp.dir, "full", "x"), "");
    const result = await run(["hf://org/repo@v1", "-o", "full", "--public-key", KEY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/full exists and is not empty/);
  });

  it("reads source URLs", () => {
    expect(parseSourceUrl("gs://b-1/models/tiny/v1.0.0/")).toEqual({
      kind: "gcs",
      bucket: "b-1",
      folder: "models/tiny/v1.0.0",
    });
    expect(parseSourceUrl(`ipfs://${CID}/`)).toEqual({ kind: "ipfs", cid: CID, gateways: [] });
    expect(parseSourceUrl("hf://org/repo", "1.2.0")).toEqual({
      kind: "hf",
      repo: "org/repo",
      revision: "v1.2.0",
    });
    expect(parseSourceUrl("HF://org/repo@main")).toMatchObject({ revision: "main" });
    expect(parseSourceUrl("./model-publish.yaml")).toBeUndefined();
  });

  it("orders a manifest's sources GCS, IPFS, Hub, or as --from says", () => {
    const manifest = {
      id: "m",
      destinations: {
        huggingface: { repo: "o/m" },
        ipfs: { providers: [], gateways: ["https://gw.example"] },
        gcs: { bucket: "b" },
      },
    } as unknown as Parameters<typeof manifestSources>[0];
    const specs = manifestSources(manifest, "2.0.0");
    expect(specs).toEqual([
      { kind: "gcs", bucket: "b", folder: "m/v2.0.0" },
      { kind: "ipfs", gateways: ["https://gw.example"] },
      { kind: "hf", repo: "o/m", revision: "v2.0.0" },
    ]);
    expect(orderSources(specs, parseOrder("hf, gcs")).map((s) => s.kind)).toEqual(["hf", "gcs"]);
    const sources = openSources(specs, { env: {} });
    expect(sources.map((s) => s.target)).toEqual([
      "gs://b/m/v2.0.0/",
      "ipfs://(CID from manifest.json) via https://gw.example",
      "hf:o/m@v2.0.0",
    ]);
    const gateways = openSources([{ kind: "ipfs", cid: CID, gateways: [] }], { env: {} });
    expect(gateways.map((s) => s.target)).toEqual([`ipfs://${CID} via ${DEFAULT_GATEWAY}`]);
    const given = openSources([{ kind: "ipfs", cid: CID, gateways: ["https://a"] }], {
      env: {},
      gateways: ["https://b/ipfs/", "https://c/"],
    });
    expect(given.map((s) => s.target)).toEqual([
      `ipfs://${CID} via https://b`,
      `ipfs://${CID} via https://c`,
    ]);
  });

  it("keeps its cache under XDG_CACHE_HOME, else ~/.cache", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/model-publish");
    expect(defaultCacheDir({ HOME: "/home/u" })).toBe("/home/u/.cache/model-publish");
  });

  it("prints progress at most once a second per file, and a verdict", () => {
    let text = "";
    let now = 0;
    const print = pullProgress(
      (t) => (text += t),
      () => now,
    );
    print({ type: "source-start", source: "gcs", target: "gs://b/f/" });
    for (const done of [10, 20, 30]) {
      now += 400;
      print({ type: "progress", source: "gcs", path: "w.bin", done, total: 30 });
    }
    print({
      type: "retry",
      source: "gcs",
      what: "downloading w.bin",
      attempt: 1,
      delayMs: 500,
      reason: "HTTP 503",
    });
    print({ type: "log", level: "warning", message: "careful" });
    print({ type: "file", source: "gcs", path: "w.bin", action: "downloaded", bytes: 30 });
    expect(text).toBe(
      [
        "▶ gcs gs://b/f/",
        "  w.bin: 33%",
        "  w.bin: 100%",
        "  gcs: downloading w.bin failed (HTTP 503); retrying in 0.5 s",
        "warning: careful",
        "  downloaded w.bin (30 bytes)",
        "",
      ].join("\n"),
    );
    const failed: PullResult = {
      ok: false,
      dir: "/o",
      files: 0,
      bytes: 0,
      attempts: [
        {
          source: "hf",
          target: "hf:o/m@v1",
          outcome: "incomplete",
          message: "no manifest.sig.json",
          downloaded: 0,
          bytesDownloaded: 0,
          cached: 0,
        },
      ],
    };
    expect(pullSummary(failed)).toBe(
      "✗ hf hf:o/m@v1: incomplete: no manifest.sig.json\n✗ no source served the signed release; nothing was written to /o\n",
    );
  });
});
