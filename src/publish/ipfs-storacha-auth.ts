import { readFile } from "node:fs/promises";
import { base64 } from "multiformats/bases/base64";
import { CID } from "multiformats/cid";
import { identity } from "multiformats/hashes/identity";
import { ModelPublishError } from "../errors.js";

/** Multicodec of a CAR (what a delegation archive is). */
const CAR_CODE = 0x0202;

/** What the provider invokes on the space; `filecoin/offer` is invoked on the agent itself. */
export const STORACHA_SPACE_ABILITIES = [
  "space/blob/add",
  "space/index/add",
  "upload/add",
  "upload/get",
] as const;

/** Where a credential comes from: an environment variable's value or a file. */
export type CredentialSource = { env: string; value: string } | { file: string };

/** The agent key and the space delegation, as the manifest names them. */
export interface StorachaCredentialOptions {
  /** The agent's private key as `storacha key create` prints it (multibase, starts with `M`). */
  key: string;
  /** For messages: where the key came from, e.g. `env:STORACHA_KEY` (never the key). */
  keyFrom: string;
  /** The delegation as `storacha delegation create … --base64` prints it (or a CAR file). */
  proof: CredentialSource;
  /** The space to upload to; default the one the proof names. */
  space?: string;
}

/** The parsed credentials, checked against each other. */
export interface StorachaAuth {
  signer: ReturnType<typeof import("@storacha/client/principal/ed25519").parse>;
  proof: Awaited<ReturnType<typeof import("@storacha/client/proof").parse>>;
  space: `did:key:${string}`;
}

function sourceName(source: CredentialSource): string {
  return "env" in source ? `env:${source.env}` : `file:${source.file}`;
}

/** The command that makes a delegation this provider can use, for error messages. */
export function delegationCommand(agent: string): string {
  const cans = [...STORACHA_SPACE_ABILITIES, "filecoin/offer"].map((c) => `--can ${c}`).join(" ");
  return `storacha delegation create ${agent} ${cans} --base64`;
}

function isDidKey(text: string): text is `did:key:${string}` {
  return text.startsWith("did:key:");
}

/** Whether a delegated ability covers a wanted one (`*`, `space/*`, `space/blob/*` or itself). */
function covers(delegated: string, wanted: string): boolean {
  if (delegated === "*" || delegated === wanted) return true;
  return delegated.endsWith("/*") && wanted.startsWith(delegated.slice(0, -1));
}

/** The proof as the text `Proof.parse` reads: a `--base64` string as is, a CAR file wrapped. */
async function proofText(source: CredentialSource): Promise<string> {
  if ("env" in source) return source.value.trim();
  let bytes: Buffer;
  try {
    bytes = await readFile(source.file);
  } catch (error) {
    throw new ModelPublishError(
      "USAGE",
      `storacha: cannot read the proof file ${source.file} (${error instanceof Error ? error.message : String(error)}); point proof at the file \`storacha delegation create -o\` wrote`,
    );
  }
  const text = bytes.toString("utf8").trim();
  if (/^[A-Za-z0-9+/=_-]+$/.test(text)) return text;
  // A file from `storacha delegation create -o` is the CAR itself: the CLI's base64 form of it
  // is the CAR inside an identity CID.
  return CID.createV1(CAR_CODE, identity.digest(bytes)).toString(base64);
}

/**
 * Parses the agent key and the space delegation and checks them against each other before
 * anything is sent: the delegation must be addressed to this key, name the space, grant every
 * ability an upload needs, and be within its validity window. Messages name where each
 * credential came from and the command that makes a good one; never a credential itself.
 */
export async function storachaAuth(
  label: string,
  options: StorachaCredentialOptions,
  now = Date.now(),
): Promise<StorachaAuth> {
  const Signer = await import("@storacha/client/principal/ed25519");
  const Proof = await import("@storacha/client/proof");
  let signer: StorachaAuth["signer"];
  try {
    signer = Signer.parse(options.key.trim());
  } catch {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: ${options.keyFrom} is not a Storacha agent key (the private key \`storacha key create\` prints, starting with "M"); create one with \`storacha key create\` and store it as a secret`,
    );
  }
  const agent = signer.did();
  const proofFrom = sourceName(options.proof);
  let proof: StorachaAuth["proof"];
  try {
    proof = await Proof.parse(await proofText(options.proof));
  } catch (error) {
    if (error instanceof ModelPublishError) throw error;
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: ${proofFrom} is not a UCAN delegation; create one with \`${delegationCommand(agent)}\` and store its output there`,
    );
  }
  const audience = proof.audience.did();
  if (audience !== agent) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: the proof in ${proofFrom} delegates to ${audience}, not to the key in ${options.keyFrom} (${agent}); create one for this key with \`${delegationCommand(agent)}\``,
    );
  }
  const named = [...new Set(proof.capabilities.map((c) => c.with))].filter(isDidKey);
  const space = options.space ?? (named.length === 1 ? named[0] : undefined);
  if (space === undefined || !isDidKey(space)) {
    throw new ModelPublishError(
      "USAGE",
      named.length === 0
        ? `${label}: the proof in ${proofFrom} names no space (did:key:…); create one from the space with \`${delegationCommand(agent)}\``
        : `${label}: the proof in ${proofFrom} names ${named.length} spaces (${named.join(", ")}); set \`space:\` to the one to upload to`,
    );
  }
  if (proof.capabilities[0].with !== space) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: the proof in ${proofFrom} does not delegate on the space ${space}${named.length > 0 ? ` (it names ${named.join(", ")})` : ""}; create one in that space with \`${delegationCommand(agent)}\``,
    );
  }
  for (const ability of STORACHA_SPACE_ABILITIES) {
    const granted = proof.capabilities.some((c) => c.with === space && covers(c.can, ability));
    if (!granted) {
      throw new ModelPublishError(
        "KEY_INVALID",
        `${label}: the proof in ${proofFrom} does not delegate ${ability} on ${space} to ${agent}; create one with \`${delegationCommand(agent)}\` in that space`,
      );
    }
  }
  const seconds = Math.floor(now / 1000);
  if (Number.isFinite(proof.expiration) && proof.expiration <= seconds) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: the proof in ${proofFrom} expired at ${new Date(proof.expiration * 1000).toISOString()}; create a new one with \`${delegationCommand(agent)}\``,
    );
  }
  if (proof.notBefore !== undefined && proof.notBefore > seconds) {
    throw new ModelPublishError(
      "KEY_INVALID",
      `${label}: the proof in ${proofFrom} is not valid before ${new Date(proof.notBefore * 1000).toISOString()}; wait or create one without --not-before`,
    );
  }
  return { signer, proof, space };
}
