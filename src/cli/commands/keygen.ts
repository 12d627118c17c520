import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { writeNewFileAtomic } from "../../sign/atomic-write.js";
import { readPassphrase } from "../../sign/key-source.js";
import { keyFingerprint, SigningKey } from "../../sign/keys.js";
import type { Command } from "../command.js";

export const keygenCommand: Command = {
  name: "keygen",
  summary:
    "Make a new Ed25519 signing key. The private key goes to a new file (mode 0600, PKCS#8 PEM,\nencrypted when --passphrase is given) and is never printed; the public key is printed for\nverifiers and the manifest's signing.publicKey.",
  usage: "keygen -o <private-key-file> [--passphrase env:VAR] [--json]",
  flagHelp: [
    "-o, --output F   where to write the private key; an existing file is never replaced",
    "--passphrase P   env:NAME holding a passphrase to encrypt the key file with",
  ],
  options: { output: { type: "string", short: "o" }, passphrase: { type: "string" } },
  positionals: { min: 0, max: 0, names: "no positional arguments" },
  async run(args, io) {
    const output = args.string("output");
    if (output === undefined) {
      throw new ModelPublishError("USAGE", "keygen: -o <private-key-file> is required");
    }
    const passphraseSource = args.string("passphrase");
    const passphrase =
      passphraseSource === undefined ? undefined : readPassphrase(passphraseSource, io.env);
    const key = await SigningKey.generate();
    try {
      await writeNewFileAtomic(resolve(io.cwd, output), key.toPkcs8Pem(passphrase), 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ModelPublishError(
        code === "EEXIST" ? "USAGE" : "INPUT_MALFORMED",
        code === "EEXIST"
          ? `keygen: ${output} exists; keygen never replaces a key — pick another path`
          : `keygen: cannot write ${output} (${code ?? "error"})`,
      );
    }
    const publicKey = key.publicKeyBase64;
    const fingerprint = keyFingerprint(key.publicKey);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ privateKeyFile: output, publicKey, fingerprint, encrypted: passphrase !== undefined }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `✓ wrote the private key to ${output} (mode 0600${passphrase === undefined ? "" : ", encrypted"}); keep it secret\n` +
          `  public key  ${publicKey}\n` +
          `  fingerprint ${fingerprint}\n` +
          `  give verifiers the public key; put it in the manifest as signing.publicKey\n`,
      );
    }
    return ExitCode.ok;
  },
};
