import { resolve } from "node:path";
import { ExitCode, ModelPublishError } from "../../errors.js";
import { formatIssue } from "../../manifest/issue.js";
import type { AuthoredManifest } from "../../manifest/types.generated.js";
import { validateManifestFile } from "../../manifest/validate.js";
import { resolveVersion } from "../../manifest/version.js";
import { environmentSecrets } from "../../publish/publish-config.js";
import { defaultCacheDir } from "../../pull/blob-cache.js";
import { openSources } from "../../pull/open-sources.js";
import { pullProgress, pullSummary } from "../../pull/pull-report.js";
import { pullRelease } from "../../pull/pull-release.js";
import type { PullResult } from "../../pull/pull-types.js";
import type { PullTrust } from "../../pull/signed-manifests.js";
import {
  manifestSources,
  orderSources,
  parseOrder,
  parseSourceUrl,
  type SourceSpec,
} from "../../pull/source-spec.js";
import { loadKeyring, loadPublicKey } from "../../sign/key-source.js";
import { parsePublicKey } from "../../sign/keys.js";
import type { Command, ParsedCommandArgs } from "../command.js";
import type { CliIO } from "../io.js";

function usage(message: string): ModelPublishError {
  return new ModelPublishError("USAGE", `pull: ${message}`);
}

/** `--version 1.2.0` or `v1.2.0`, checked as a semantic version. */
function versionOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const resolved = resolveVersion("from-tag", `v${text.replace(/^v/, "")}`);
  if (!resolved.ok) throw usage(`--version ${text} is not a version like 1.2.0`);
  return resolved.version;
}

async function authored(io: CliIO, file: string): Promise<AuthoredManifest> {
  const result = await validateManifestFile(resolve(io.cwd, file));
  if (!result.valid) {
    const issues = result.issues.map((issue) => formatIssue({ ...issue, file })).join("\n");
    throw new ModelPublishError("MANIFEST_INVALID", `${file} is not a valid manifest:\n${issues}`);
  }
  return result.manifest;
}

interface Request {
  specs: SourceSpec[];
  manifest?: { file: string; value: AuthoredManifest };
  version: string | undefined;
}

/** The sources the positionals name: URLs as given, a manifest's destinations in its order. */
async function sourcesOf(args: ParsedCommandArgs, io: CliIO): Promise<Request> {
  let version = versionOf(args.string("version"));
  const specs: SourceSpec[] = [];
  let manifest: Request["manifest"];
  for (const positional of args.positionals) {
    const spec = parseSourceUrl(positional, version);
    if (spec !== undefined) {
      specs.push(spec);
      continue;
    }
    if (manifest !== undefined) throw usage("give one authored manifest at most");
    const value = await authored(io, positional);
    manifest = { file: positional, value };
    if (version === undefined && value.version !== "from-tag") version = value.version;
    if (version === undefined) {
      throw usage(`${positional} says version: from-tag; say which release with --version 1.2.0`);
    }
    specs.push(...manifestSources(value, version));
  }
  const from = args.string("from");
  const ordered = from === undefined ? specs : orderSources(specs, parseOrder(from));
  if (ordered.length === 0) {
    throw usage(
      from === undefined
        ? "the manifest configures no destination to pull from"
        : `--from ${from} leaves no source`,
    );
  }
  return { specs: ordered, version, ...(manifest === undefined ? {} : { manifest }) };
}

async function trustOf(args: ParsedCommandArgs, io: CliIO, request: Request): Promise<PullTrust> {
  const context = { env: io.env, cwd: io.cwd };
  const keyring = args.string("keyring");
  if (keyring !== undefined) return { keyring: await loadKeyring(keyring, context) };
  const key = args.string("public-key");
  if (key !== undefined) return { publicKey: await loadPublicKey(key, context) };
  const named = request.manifest?.value.signing?.publicKey;
  if (named !== undefined && request.manifest !== undefined) {
    return { publicKey: parsePublicKey(named, `${request.manifest.file}: signing.publicKey`) };
  }
  if (args.values["trust-embedded-key"] === true) return { trustEmbeddedKey: true };
  throw usage(
    "no trusted key: give the publisher's public key with --public-key (or the authored manifest that names it in signing.publicKey); --trust-embedded-key accepts whatever key signed the release",
  );
}

/** Exit code of a pull: 0 pulled; 3 when every source failed to answer; else 1 (none served it). */
export function pullExitCode(result: PullResult): number {
  if (result.ok) return ExitCode.ok;
  return result.attempts.every((a) => a.outcome === "failed")
    ? ExitCode.remoteFailed
    : ExitCode.checkFailed;
}

export const pullCommand: Command = {
  name: "pull",
  summary:
    "Fetch a published release, verify it, and only then write it to a new folder. Sources are tried\nin turn until one serves the release whole: a source without the signed manifest is incomplete,\none whose signature or any file does not match is refused (the file and why are shown), one\nthat keeps failing is passed over. The signature is checked with a key you trust before any\nfile is fetched; every file is hashed as it streams in. The output appears at once, complete,\nor not at all; an existing non-empty folder is never written to. Verified files are kept in a\ncache by SHA-256, so pulling them again downloads nothing. Endpoints and tokens come from the\nenvironment as for publish (HF_ENDPOINT, HF_TOKEN, STORAGE_EMULATOR_HOST, GCS credentials).\nExit 1 when no source serves the release, 3 when every source failed to answer.",
  usage:
    "pull <model-publish.yaml | gs://… | ipfs://… | hf://…>… -o <dir> [--version V] [--from LIST] [--public-key K] [--json]",
  flagHelp: [
    "SOURCES          model-publish.yaml: its GCS folder, IPFS gateways and Hub repository, tried",
    "                 gcs, then ipfs, then hf; or URLs, tried in the order given:",
    "                   gs://BUCKET/PREFIX/ID/vVERSION/   the version folder publish prints",
    "                   ipfs://ROOT-CID                   the release root publish prints",
    "                   hf://OWNER/NAME@vVERSION          a Hub revision (@ omitted: v--version)",
    "-o, --output DIR the folder to create (absent or empty)",
    "--version V      the release version (default: the manifest's; needed with from-tag)",
    "--from LIST      only these kinds, in this order: gcs,ipfs,hf",
    "--gateway URL    IPFS gateway to read through (repeatable; default: the manifest's, else https://ipfs.io)",
    "--public-key K   the publisher's Ed25519 public key: base64, a file (base64 or PEM) or env:NAME",
    "                 (default: signing.publicKey of the manifest); a release signed by any other key is refused",
    '--keyring F      a JSON file {"key-id": "<base64 public key>"}; the signature\'s keyId picks one',
    "--trust-embedded-key  no key at hand: accept the key in the first signed manifest found and hold",
    "                 every other source to it (proves integrity, not who signed)",
    "--cache-dir D    the cache of verified files (default: $XDG_CACHE_HOME/model-publish or ~/.cache/model-publish)",
    "--no-cache       neither read nor fill the cache",
  ],
  options: {
    output: { type: "string", short: "o" },
    version: { type: "string" },
    from: { type: "string" },
    gateway: { type: "string", multiple: true },
    "public-key": { type: "string" },
    keyring: { type: "string" },
    "trust-embedded-key": { type: "boolean" },
    "cache-dir": { type: "string" },
    cache: { type: "boolean", default: true },
  },
  positionals: { min: 1, max: 16, names: "an authored manifest or source URLs" },
  async run(args, io) {
    const output = args.string("output");
    if (output === undefined) throw usage("-o DIR is required: the folder to create");
    const request = await sourcesOf(args, io);
    const trust = await trustOf(args, io, request);
    const secrets = environmentSecrets(io.env, request.manifest?.value);
    const gatewayValues = args.values.gateway;
    const gateways = Array.isArray(gatewayValues)
      ? gatewayValues.filter((g): g is string => typeof g === "string")
      : [];
    const cacheDir = args.string("cache-dir");
    const result = await pullRelease({
      sources: openSources(request.specs, { env: io.env, gateways }),
      out: resolve(io.cwd, output),
      trust,
      expect: {
        ...(request.manifest === undefined ? {} : { id: request.manifest.value.id }),
        ...(request.version === undefined ? {} : { version: request.version }),
      },
      ...(args.values.cache === false
        ? {}
        : {
            cacheDir: cacheDir === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, cacheDir),
          }),
      secrets,
      onEvent: pullProgress((text) => {
        io.stderr(text);
      }),
    });
    io.stdout(
      secrets.redact(args.json ? `${JSON.stringify(result, null, 2)}\n` : pullSummary(result)),
    );
    return pullExitCode(result);
  },
};
