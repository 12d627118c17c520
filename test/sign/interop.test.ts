import { execFile } from "node:child_process";
import { createPublicKey, verify as nodeVerify } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { ReleaseSignature } from "../../src/manifest/types.generated.js";
import { canonicalJsonBytes } from "../../src/sign/canonical-json.js";
import { publicKeyPem } from "../../src/sign/keys.js";
import { signRelease } from "../../src/sign/sign-release.js";
import { defaultTemplatePath } from "../../src/card/card-template.js";
import { renderCard } from "../../src/card/render-card.js";
import { manifestOf, MINIMAL } from "../card/helpers.js";
import { scratch } from "../helpers/temp.js";
import { FIXED_TIMESTAMP, fixedKey, writeRelease } from "./fixture.js";

const exec = promisify(execFile);

async function available(command: string, args: string[]): Promise<boolean> {
  try {
    await exec(command, args);
    return true;
  } catch {
    return false;
  }
}

/** Our signatures, checked by other Ed25519 implementations from the files a user downloads. */
describe("other implementations verify our signatures", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  let sig: ReleaseSignature;
  let message: Buffer;
  beforeAll(async () => {
    tmp = await scratch();
    const release = join(tmp.dir, "release");
    await writeRelease(release);
    await signRelease(release, await fixedKey(), { keyId: "k", timestamp: FIXED_TIMESTAMP });
    sig = JSON.parse(
      await readFile(join(release, "manifest.sig.json"), "utf8"),
    ) as ReleaseSignature;
    message = canonicalJsonBytes(sig.manifest);
    await writeFile(join(tmp.dir, "signed.json"), message);
    await writeFile(
      join(tmp.dir, "tampered.json"),
      Buffer.concat([message.subarray(0, -2), Buffer.from(" }")]),
    );
    await writeFile(join(tmp.dir, "sig.bin"), Buffer.from(sig.signature, "base64"));
    // The public key as the user gets it: raw base64 from manifest.sig.json, wrapped as SPKI PEM.
    await writeFile(join(tmp.dir, "pub.pem"), publicKeyPem(Buffer.from(sig.publicKey, "base64")));
  });
  afterAll(() => tmp.remove());

  it("OpenSSL: pkeyutl -verify -rawin", async () => {
    if (!(await available("openssl", ["version"]))) {
      console.log("skipped: openssl is not installed");
      return;
    }
    const verify = (file: string) =>
      exec(
        "openssl",
        [
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          "pub.pem",
          "-rawin",
          "-in",
          file,
          "-sigfile",
          "sig.bin",
        ],
        {
          cwd: tmp.dir,
        },
      );
    expect((await verify("signed.json")).stdout).toContain("Signature Verified Successfully");
    await expect(verify("tampered.json")).rejects.toThrow();
  });

  it("libsodium through PyNaCl", async () => {
    const python = "/usr/bin/python3";
    if (!(await available(python, ["-c", "import nacl.signing"]))) {
      console.log("skipped: /usr/bin/python3 with PyNaCl (python3-nacl) is not installed");
      return;
    }
    const script = [
      "import base64, sys, nacl.signing, nacl.exceptions",
      "key = nacl.signing.VerifyKey(base64.b64decode(sys.argv[1]))",
      "signature = open(sys.argv[2], 'rb').read()",
      "try:",
      "    key.verify(open(sys.argv[3], 'rb').read(), signature)",
      "    print('valid')",
      "except nacl.exceptions.BadSignatureError:",
      "    print('bad')",
    ].join("\n");
    const run = async (file: string) =>
      (
        await exec(python, ["-c", script, sig.publicKey, "sig.bin", file], { cwd: tmp.dir })
      ).stdout.trim();
    expect(await run("signed.json")).toBe("valid");
    expect(await run("tampered.json")).toBe("bad");
  });

  it("Node's own crypto (OpenSSL in-process)", () => {
    const key = createPublicKey(publicKeyPem(Buffer.from(sig.publicKey, "base64")));
    expect(nodeVerify(null, message, key, Buffer.from(sig.signature, "base64"))).toBe(true);
  });

  it("the card's recipe: jq -cjS .manifest gives the signed bytes", async () => {
    if (!(await available("jq", ["--version"]))) {
      console.log("skipped: jq is not installed");
      return;
    }
    const { stdout } = await exec(
      "jq",
      ["-cjS", ".manifest", join(tmp.dir, "release", "manifest.sig.json")],
      {
        encoding: "buffer",
      },
    );
    expect(stdout.toString("utf8")).toBe(message.toString("utf8"));
  });
});

describe("the card's verification recipe", () => {
  it("verifies a signed release with OpenSSL, jq and sha256sum under a POSIX shell", async () => {
    for (const [tool, args] of [
      ["openssl", ["version"]],
      ["jq", ["--version"]],
      ["sha256sum", ["--version"]],
    ] as const) {
      if (!(await available(tool, [...args]))) {
        console.log(`skipped: ${tool} is not installed`);
        return;
      }
    }
    const tmp = await scratch();
    try {
      await writeRelease(tmp.dir);
      await signRelease(tmp.dir, await fixedKey(), { keyId: "k", timestamp: FIXED_TIMESTAMP });
      const card = renderCard({
        manifest: manifestOf(MINIMAL),
        template: { text: await readFile(await defaultTemplatePath(), "utf8"), path: "default" },
      });
      const recipe = /With OpenSSL and jq[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(card.markdown)?.[1];
      expect(recipe).toBeDefined();
      const { stdout } = await exec("sh", ["-e", "-c", recipe ?? "false"], { cwd: tmp.dir });
      expect(stdout).toContain("Signature Verified Successfully");
      expect(stdout).toContain("onnx/model.onnx: OK");
      await writeFile(join(tmp.dir, "config.json"), "tampered");
      const failed = await exec("sh", ["-e", "-c", recipe ?? "false"], { cwd: tmp.dir }).catch(
        (error: unknown) => error as { code: number; stdout: string },
      );
      expect(failed).toMatchObject({
        code: 1,
        stdout: expect.stringContaining("config.json: FAILED"),
      });
    } finally {
      await tmp.remove();
    }
  });
});
