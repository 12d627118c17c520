import { UCAN } from "@storacha/capabilities";
import * as Server from "@ucanto/server";
import { CAR } from "@ucanto/transport";

/** UCAN plumbing the Storacha stand-in's handlers share: receipts, conclusions, failures. */

export type Signer = Server.API.Signer;
export type Receipt = Server.API.Receipt;
export type Invocation = Server.API.Invocation;
export type Link = Server.API.UnknownLink;

/** Issues a receipt typed loosely enough to keep receipts of every capability in one map. */
export function issue(options: {
  issuer: Signer;
  ran: Invocation | ReturnType<Invocation["link"]>;
  result: Receipt["out"];
  fx?: Server.API.Effects;
}): Promise<Receipt> {
  return Server.Receipt.issue(options);
}

export function isUri(text: string): text is `${string}:${string}` {
  return /^[a-z][a-z0-9+.-]*:/i.test(text);
}

/** A blob's digest and size as the capabilities carry them. */
export interface BlobModel {
  digest: Uint8Array;
  size: number;
}

/** Failures with the names the real service uses, so a client sees the same `name`. */
export class NamedFailure extends Server.Failure {
  readonly #name: string;
  readonly #text: string;
  constructor(name: string, text: string) {
    super(text);
    this.#name = name;
    this.#text = text;
  }
  override get name(): string {
    return this.#name;
  }
  override describe(): string {
    return this.#text;
  }
}

/** A `ucan/conclude` invocation carrying a receipt, as the client sends and the service forks. */
export async function conclude(receipt: Receipt, issuer: Signer): Promise<Invocation> {
  const blocks = [...receipt.iterateIPLDBlocks()];
  const invocation = UCAN.conclude.invoke({
    issuer,
    audience: issuer,
    with: issuer.did(),
    nb: { receipt: receipt.link() },
    expiration: Infinity,
    // Blocks may only be attached when linked from the invocation: the facts link them all.
    facts: [Object.fromEntries(blocks.map((block, i) => [String(i), block.cid]))],
  });
  for (const block of blocks) invocation.attach(block);
  return invocation.delegate();
}

/** The receipt inside a `ucan/conclude` invocation. */
export function concludedReceipt(invocation: Invocation, root: Link): Receipt {
  const blocks = new Map<string, Server.API.Block>();
  for (const block of invocation.iterateIPLDBlocks()) blocks.set(block.cid.toString(), block);
  // Receipt.view decodes (and so checks) the block the link names; the cast only names its type.
  return Server.Receipt.view({ root: root as ReturnType<Receipt["link"]>, blocks });
}

/** The agent message a `GET /receipt/{task}` answers with: the receipt of that task. */
export async function receiptMessage(receipt: Receipt): Promise<Uint8Array> {
  const message = await Server.Message.build({ receipts: [receipt] });
  return CAR.request.encode(message).body;
}
