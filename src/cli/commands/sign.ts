import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { loadPrivateKey, readPassphrase } from "../../sign/key-source.js";
import { keyFingerprint } from "../../sign/keys.js";
import { signRelease } from "../../sign/sign-release.js";
import { releaseTimestamp } from "../../sign/timestamp.js";
import type { Command } from "../command.js";

export const signCommand: Command = {
  name: "sign",
  summary:
    "Hash every file of a release folder, compute its Merkle root, and sign the manifest with Ed25519.\nWrites manifest.sig.json and brings manifest.json into agreement. The timestamp comes from\nSOURCE_DATE_EPOCH or the commit time of --tag, so signing twice gives the same bytes.",
  usage: "sign <release-dir> --key <file|env:VAR> [--key-id ID] [--tag vX.Y.Z] [--json]",
  flagHelp: [
    "--key K          the Ed25519 private key: a file (PKCS#8 PEM or base64 seed) or env:NAME",
    "--key-id ID      the name verifiers' keyrings know the key by (default: its fingerprint)",
    "--tag T          take the timestamp from tag T's commit when SOURCE_DATE_EPOCH is not set",
    "--passphrase P   env:NAME holding the passphrase of an encrypted PEM key",
  ],
  options: {
    key: { type: "string" },
    "key-id": { type: "string" },
    tag: { type: "string" },
    passphrase: { type: "string" },
  },
  positionals: { min: 1, max: 1, names: "one release folder" },
  async run(args, io) {
    const keySource = args.string("key");
    if (keySource === undefined) {
      throw new ModelPublishError(
        "USAGE",
        "sign: --key is required: a key file or env:NAME (make one with `model-publish keygen -o release.key`)",
      );
    }
    const dir = resolve(io.cwd, args.positionals[0] ?? "");
    const passphraseSource = args.string("passphrase");
    const passphrase =
      passphraseSource === undefined ? undefined : readPassphrase(passphraseSource, io.env);
    const key = await loadPrivateKey(keySource, { env: io.env, cwd: io.cwd }, passphrase);
    const tag = args.string("tag");
    const timestamp = await releaseTimestamp({
      env: io.env,
      cwd: io.cwd,
      ...(tag === undefined ? {} : { tag }),
    });
    const keyId = args.string("key-id") ?? keyFingerprint(key.publicKey);
    const signed = await signRelease(dir, key, { keyId, timestamp });
    const bytes = signed.files.reduce((sum, file) => sum + file.size, 0);
    if (args.json) {
      io.stdout(
        `${JSON.stringify(
          {
            dir: args.positionals[0],
            keyId,
            publicKey: signed.signature.publicKey,
            merkleRoot: signed.signature.manifest.merkleRoot,
            timestamp,
            bytes,
            files: signed.files,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout(
        `✓ signed ${args.positionals[0] ?? ""}: ${signed.files.length} files, ${bytes} bytes\n` +
          `  merkle root ${signed.signature.manifest.merkleRoot}\n` +
          `  timestamp   ${timestamp}\n` +
          `  key id      ${keyId}\n` +
          `  public key  ${signed.signature.publicKey}\n`,
      );
    }
    return ExitCode.ok;
  },
};
