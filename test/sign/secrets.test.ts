import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { keygenCommand } from "../../src/cli/commands/keygen.js";
import { signCommand } from "../../src/cli/commands/sign.js";
import { verifyCommand } from "../../src/cli/commands/verify.js";
import { parsePrivateKey, SigningKey } from "../../src/sign/keys.js";
import { scratch } from "../helpers/temp.js";
import { FIXED_EPOCH, FIXED_SEED, writeRelease } from "./fixture.js";
import { runCommand } from "./run-command.js";

/** Every spelling of a private key that could leak: PEM lines, DER, seed in base64, hex, raw. */
function secretForms(seed: Buffer, pem: string): (string | Buffer)[] {
  const pemLines = pem.split("\n").filter((line) => line && !line.startsWith("-----"));
  const der = Buffer.from(pemLines.join(""), "base64");
  return [
    seed,
    seed.toString("base64"),
    seed.toString("base64").slice(0, 24),
    seed.toString("base64url"),
    seed.toString("hex"),
    seed.toString("hex").toUpperCase(),
    der.toString("base64").slice(0, 40),
    ...pemLines.map((line) => line.slice(0, 40)),
    JSON.stringify([...seed]).slice(1, 40),
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("private keys never leak", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let seen: string[];
  beforeEach(async () => {
    tmp = await scratch();
    seen = [];
    await writeRelease(join(tmp.dir, "release"));
  });
  afterEach(() => tmp.remove());

  const run = async (command: typeof signCommand, argv: string[], env: NodeJS.ProcessEnv) => {
    const result = await runCommand(command, argv, { cwd: tmp.dir, env });
    seen.push(result.stdout, result.stderr);
    return result;
  };

  async function expectNoLeak(seed: Buffer, pem: string, keyFiles: string[]): Promise<void> {
    const forms = secretForms(seed, pem);
    const output = seen.join("\n");
    for (const form of forms) expect(output).not.toContain(form.toString());
    for (const file of await filesUnder(tmp.dir)) {
      if (keyFiles.includes(file)) continue;
      const bytes = await readFile(file);
      for (const form of forms) {
        expect([file, bytes.includes(form)]).toEqual([file, false]);
      }
    }
  }

  it("not from keygen, sign or verify, in output, errors or written files (PEM key file)", async () => {
    const keyFile = join(tmp.dir, "release.key");
    await run(keygenCommand, ["-o", "release.key"], {});
    await run(keygenCommand, ["-o", "release.key", "--json"], {});
    const pem = await readFile(keyFile, "utf8");
    const key = await parsePrivateKey(pem, "test");
    const env = { SOURCE_DATE_EPOCH: FIXED_EPOCH };
    await run(signCommand, ["release", "--key", "release.key"], env);
    await run(signCommand, ["release", "--key", "release.key", "--json"], env);
    await run(signCommand, ["release", "--key", "release.key"], {}); // fails: no timestamp
    await run(signCommand, ["release", "--key", "release.key", "--passphrase", "env:PW"], {
      PW: "x",
    });
    // A user who mistakes the private key for the public one.
    await run(verifyCommand, ["release", "--public-key", "release.key"], {});
    await run(verifyCommand, ["release", "--public-key", "release.key", "--json"], {});
    await run(verifyCommand, ["release", "--public-key", key.publicKeyBase64, "--json"], {});
    expect(seen.join("")).toContain(key.publicKeyBase64);
    const der = Buffer.from(pem.split("\n").slice(1, -2).join(""), "base64");
    // The seed searched for is the key's own (a wrong one would make this test pass vacuously).
    expect((await SigningKey.fromSeed(der.subarray(-32))).publicKeyBase64).toBe(
      key.publicKeyBase64,
    );
    await expectNoLeak(der.subarray(-32), pem, [keyFile]);
  });

  it("not from a base64 seed in the environment, even when it is wrong", async () => {
    const seed = FIXED_SEED;
    const b64 = seed.toString("base64");
    const good = { SOURCE_DATE_EPOCH: FIXED_EPOCH, KEY: b64 };
    await run(signCommand, ["release", "--key", "env:KEY", "--json"], good);
    await run(signCommand, ["release", "--key", "env:KEY", "--key-id", "ci"], good);
    for (const broken of [
      `${b64}x`,
      b64.slice(0, -4),
      `${b64}${b64}`,
      `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----`,
    ]) {
      const result = await run(signCommand, ["release", "--key", "env:KEY"], {
        ...good,
        KEY: broken,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^model-publish: env:KEY: /);
    }
    // The seed given where a public key belongs: rejected without echoing it.
    const mistaken = await run(verifyCommand, ["release", "--public-key", b64], {});
    expect(mistaken.code).toBe(1);
    await writeFile(join(tmp.dir, "ring.json"), JSON.stringify({ ci: b64 }));
    await run(verifyCommand, ["release", "--keyring", "ring.json"], {});
    await expectNoLeak(seed, (await parsePrivateKey(b64, "t")).toPkcs8Pem(), [
      join(tmp.dir, "ring.json"),
    ]);
  });
});
