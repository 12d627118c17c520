import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { loadKeyring, loadPublicKey } from "../../sign/key-source.js";
import { verifyRelease } from "../../sign/verify-release.js";
import type { Command } from "../command.js";

export const verifyCommand: Command = {
  name: "verify",
  summary:
    "Check a release folder against its signed manifest with a key you trust: the Ed25519 signature,\nthe Merkle root, every file's size and SHA-256, no file missing or unsigned, manifest.json in\nagreement. Every problem is listed; exit 1 when there is any.",
  usage:
    "verify <release-dir> (--public-key <file|base64> | --keyring <file>) [--file PATH] [--json]",
  flagHelp: [
    "--public-key K   the publisher's Ed25519 public key: base64, or a file (base64 or PEM)",
    '--keyring F      a JSON file {"key-id": "<base64 public key>"}; the signature\'s keyId picks one',
    "--file PATH      verify this one file alone, with its Merkle inclusion proof",
  ],
  options: {
    "public-key": { type: "string" },
    keyring: { type: "string" },
    file: { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const target = args.positionals[0] ?? "";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      throw new ModelPublishError(
        "USAGE",
        `verify: ${target} is a URL; download the release into a folder first, then verify the folder`,
      );
    }
    const context = { env: io.env, cwd: io.cwd };
    const publicKeySource = args.string("public-key");
    const keyringSource = args.string("keyring");
    const file = args.string("file");
    const report = await verifyRelease(resolve(io.cwd, target), {
      ...(publicKeySource === undefined
        ? {}
        : { publicKey: await loadPublicKey(publicKeySource, context) }),
      ...(keyringSource === undefined
        ? {}
        : { keyring: await loadKeyring(keyringSource, context) }),
      ...(file === undefined ? {} : { file }),
    });
    if (args.json) {
      io.stdout(`${JSON.stringify({ ...report, dir: target }, null, 2)}\n`);
    } else {
      for (const problem of report.problems) io.stdout(`✗ ${problem.message}\n`);
      const what = file === undefined ? `${report.files} files, ${report.bytes} bytes` : file;
      io.stdout(
        report.ok
          ? `✓ ${target} verified: ${what}, signed by ${report.keyId ?? "?"} at ${report.timestamp ?? "?"}\n`
          : `✗ ${target}: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}\n`,
      );
    }
    return report.ok ? ExitCode.ok : ExitCode.checkFailed;
  },
};
