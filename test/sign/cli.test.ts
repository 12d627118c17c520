import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { keygenCommand } from "../../src/cli/commands/keygen.js";
import { signCommand } from "../../src/cli/commands/sign.js";
import { verifyCommand } from "../../src/cli/commands/verify.js";
import { keyFingerprint, publicKeyPem } from "../../src/sign/keys.js";
import { scratch } from "../helpers/temp.js";
import { FIXED_EPOCH, FIXED_SEED, FIXED_TIMESTAMP, fixedKey, writeRelease } from "./fixture.js";
import { runCommand } from "./run-command.js";

describe("model-publish keygen, sign, verify", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
    await writeRelease(join(tmp.dir, "release"));
  });
  afterEach(() => tmp.remove());
  const env = { SOURCE_DATE_EPOCH: FIXED_EPOCH, KEY: FIXED_SEED.toString("base64") };
  const run = (command: typeof signCommand, ...argv: string[]) =>
    runCommand(command, argv, { cwd: tmp.dir, env });

  it("keygen writes a 0600 key file, prints the public key, and never replaces a key", async () => {
    const made = await run(keygenCommand, "-o", "release.key", "--json");
    expect(made.code).toBe(0);
    const doc = JSON.parse(made.stdout) as {
      publicKey: string;
      fingerprint: string;
      encrypted: boolean;
    };
    expect(doc.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(doc.encrypted).toBe(false);
    expect((await stat(join(tmp.dir, "release.key"))).mode & 0o777).toBe(0o600);
    const pem = await readFile(join(tmp.dir, "release.key"), "utf8");
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

    const again = await run(keygenCommand, "-o", "release.key");
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/release.key exists; keygen never replaces a key/);
    expect(await readFile(join(tmp.dir, "release.key"), "utf8")).toBe(pem);

    const signed = await run(signCommand, "release", "--key", "release.key", "--key-id", "mine");
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`public key  ${doc.publicKey}`);
    const verified = await run(verifyCommand, "release", "--public-key", doc.publicKey);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /✓ release verified: 4 files, \d+ bytes, signed by mine at 2024-05-01T00:00:00Z/,
    );
  });

  it("keygen encrypts the key file with a passphrase from the environment", async () => {
    const made = await runCommand(keygenCommand, ["-o", "enc.key", "--passphrase", "env:PW"], {
      cwd: tmp.dir,
      env: { PW: "hunter2" },
    });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/mode 0600, encrypted/);
    expect(await readFile(join(tmp.dir, "enc.key"), "utf8")).toContain("ENCRYPTED PRIVATE KEY");
    const signed = await runCommand(
      signCommand,
      ["release", "--key", "enc.key", "--passphrase", "env:PW"],
      { cwd: tmp.dir, env: { PW: "hunter2", SOURCE_DATE_EPOCH: FIXED_EPOCH } },
    );
    expect(signed.code).toBe(0);
    expect((await run(keygenCommand)).stderr).toMatch(/-o <private-key-file> is required/);
    expect((await run(keygenCommand, "-o", "x/y/z.key")).stderr).toMatch(
      /cannot write x\/y\/z.key \(ENOENT\)/,
    );
  });

  it("sign --json reports what was signed; the key id defaults to the key's fingerprint", async () => {
    const key = await fixedKey();
    const signed = await run(signCommand, "release", "--key", "env:KEY", "--json");
    expect(signed.code).toBe(0);
    const doc = JSON.parse(signed.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      keyId: keyFingerprint(key.publicKey),
      publicKey: key.publicKeyBase64,
      timestamp: FIXED_TIMESTAMP,
      merkleRoot: "4e029d08f9f57ac5f7a4488fcd93af318d84893e9c6dc2795f933fe3948fec41",
    });
    expect(doc.files).toHaveLength(4);
  });

  it("verify exits 1 and lists every problem; --json gives the report", async () => {
    const key = await fixedKey();
    await run(signCommand, "release", "--key", "env:KEY", "--key-id", "k");
    await writeFile(join(tmp.dir, "release", "config.json"), "{}");
    await writeFile(join(tmp.dir, "release", "extra"), "");
    const human = await run(verifyCommand, "release", "--public-key", key.publicKeyBase64);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("✗ extra is not covered by the signature\n");
    expect(human.stdout).toMatch(/✗ config.json is 2 bytes, signed as \d+\n/);
    expect(human.stdout).toMatch(/✗ release: 2 problems\n$/);

    await writeFile(join(tmp.dir, "pub.pem"), publicKeyPem(key.publicKey));
    const json = await run(
      verifyCommand,
      "release",
      "--public-key",
      "pub.pem",
      "--json",
      "--file",
      "onnx/model.onnx",
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      dir: "release",
      proof: { path: "onnx/model.onnx", treeSize: 4 },
    });
    await writeFile(join(tmp.dir, "ring.json"), JSON.stringify({ k: key.publicKeyBase64 }));
    const ring = await run(
      verifyCommand,
      "release",
      "--keyring",
      "ring.json",
      "--file",
      "README.md",
    );
    expect(ring.stdout).toMatch(/✓ release verified: README.md, signed by k/);
  });

  it("says what is missing in usage, with exit 2", async () => {
    const cases: [typeof signCommand, string[], RegExp][] = [
      [signCommand, ["release"], /--key is required/],
      [
        signCommand,
        ["release", "--key", "env:NOPE"],
        /env:NOPE: the environment variable NOPE is not set/,
      ],
      [verifyCommand, ["release"], /give a trusted public key/],
      [
        verifyCommand,
        ["https://example.com/r", "--public-key", "x"],
        /is a URL; download the release/,
      ],
      [verifyCommand, ["release", "--public-key", "missing.pub"], /missing.pub: no such key file/],
    ];
    for (const [command, argv, message] of cases) {
      const result = await run(command, ...argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const noTime = await runCommand(signCommand, ["release", "--key", "env:KEY"], {
      cwd: tmp.dir,
      env: { KEY: env.KEY },
    });
    expect(noTime.code).toBe(2);
    expect(noTime.stderr).toMatch(/no release timestamp/);
    expect((await run(verifyCommand, "--help")).stdout).toMatch(/--keyring F/);
  });
});
