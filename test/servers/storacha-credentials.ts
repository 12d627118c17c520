import { delegate } from "@ucanto/core";
import { ed25519 } from "@ucanto/principal";
import { base64 } from "multiformats/bases/base64";
import { CID } from "multiformats/cid";
import { identity } from "multiformats/hashes/identity";

/** The abilities `storacha delegation create` is told to grant a CI agent. */
export const UPLOAD_ABILITIES = [
  "space/blob/add",
  "space/index/add",
  "filecoin/offer",
  "upload/add",
  "upload/get",
] as const;

/** An agent key and a space delegation, formatted as the Storacha CLI prints them. */
export interface StorachaCredentials {
  /** The agent's private key (`storacha key create`): multibase base64pad, starts with `M`. */
  key: string;
  agent: string;
  /** The delegation (`storacha delegation create … --base64`): a CAR in an identity CID. */
  proof: string;
  space: string;
}

/** A delegation as the base64 identity CID of its CAR archive (what `--base64` prints). */
export async function formatProof(
  delegation: Awaited<ReturnType<typeof delegate>>,
): Promise<string> {
  const archived = await delegation.archive();
  if (archived.error) throw archived.error;
  return CID.createV1(0x0202, identity.digest(archived.ok)).toString(base64);
}

/**
 * A fresh space and agent, the space delegating `abilities` to the agent as a CI job gets them.
 * `issuer` signs the delegation instead of the space (a forged chain the service must refuse).
 */
export async function storachaCredentials(
  options: {
    abilities?: readonly `${string}/${string}`[];
    issuer?: ed25519.EdSigner;
    expiration?: number;
    notBefore?: number;
    /** Also delegate the abilities on a second space (listed after the first). */
    secondSpace?: boolean;
  } = {},
): Promise<StorachaCredentials> {
  const space = await ed25519.generate();
  const agent = await ed25519.generate();
  const spaces = [
    space.did(),
    ...(options.secondSpace === true ? [(await ed25519.generate()).did()] : []),
  ];
  const [first, ...rest] = spaces.flatMap((did) =>
    (options.abilities ?? UPLOAD_ABILITIES).map((can) => ({ can, with: did })),
  );
  if (first === undefined) throw new Error("a delegation needs at least one ability");
  const delegation = await delegate({
    issuer: options.issuer ?? space,
    audience: agent,
    capabilities: [first, ...rest],
    expiration: options.expiration ?? Infinity,
    ...(options.notBefore === undefined ? {} : { notBefore: options.notBefore }),
  });
  return {
    key: ed25519.format(agent),
    agent: agent.did(),
    proof: await formatProof(delegation),
    space: space.did(),
  };
}

function isDid(text: string): text is `did:${string}:${string}` {
  return /^did:[a-z0-9]+:.+/.test(text);
}

/**
 * The real `@storacha/client` pointed at a local service (`url`, `did`), acting as the agent of
 * `key` with `proof` as its space; nothing is kept on disk.
 */
export async function storachaClient(
  service: { url: string; did: string },
  credentials: { key: string; proof: string },
) {
  const { create } = await import("@storacha/client");
  const { StoreMemory } = await import("@storacha/client/stores/memory");
  const Proof = await import("@storacha/client/proof");
  const conf = await import("@storacha/client/service");
  const did = service.did;
  if (!isDid(did)) throw new Error(`not a DID: ${did}`);
  const target = { id: { did: () => did }, url: new URL(service.url) };
  const client = await create({
    principal: ed25519.parse(credentials.key),
    store: new StoreMemory(),
    /* eslint-disable @typescript-eslint/no-unsafe-assignment -- the client types its connection helpers as ConnectionView<any> */
    serviceConf: {
      access: conf.accessServiceConnection(target),
      upload: conf.uploadServiceConnection(target),
      filecoin: conf.filecoinServiceConnection(target),
      gateway: conf.gatewayServiceConnection(target),
    },
    /* eslint-enable @typescript-eslint/no-unsafe-assignment */
    receiptsEndpoint: new URL("/receipt/", service.url),
  });
  const space = await client.addSpace(await Proof.parse(credentials.proof));
  await client.setCurrentSpace(space.did());
  return client;
}
