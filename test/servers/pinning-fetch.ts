import { CarBlockIterator } from "@ipld/car";
import type { CID } from "multiformats/cid";
import { blockLinks } from "./blockstore.js";
import type { DiskBlockstore } from "./blockstore.js";

/**
 * How the pinning stand-in finds content: blocks copied from blockstores it can read, or a DAG
 * fetched from a gateway as a trustless CAR. Either way every block is hash-checked by the
 * blockstore before it is kept.
 */

/** An HTTP(S) URL for a multiaddr such as `/ip4/127.0.0.1/tcp/8080/http`; undefined for others. */
export function multiaddrToUrl(addr: string): string | undefined {
  const match = /^\/(ip4|ip6|dns|dns4|dns6)\/([^/]+)\/tcp\/(\d+)\/(http|https)$/.exec(addr);
  if (match === null) return undefined;
  const [, proto, host = "", port = "", scheme = "http"] = match;
  return `${scheme}://${proto === "ip6" ? `[${host}]` : host}:${port}`;
}

/** Copies the blocks of the DAG under `root` that `store` lacks from `peers`; true when complete. */
export async function copyFromPeers(
  store: DiskBlockstore,
  peers: DiskBlockstore[],
  root: CID,
): Promise<boolean> {
  const stack = [root];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const cid = stack.pop();
    if (cid === undefined || seen.has(cid.toString())) continue;
    seen.add(cid.toString());
    let bytes: Uint8Array | undefined = await store.bytes(cid).catch(() => undefined);
    for (const peer of peers) {
      if (bytes !== undefined) break;
      bytes = await peer.bytes(cid).catch(() => undefined);
      if (bytes !== undefined) await store.put(cid, bytes);
    }
    if (bytes === undefined) return false;
    stack.push(...blockLinks(cid, bytes));
  }
  return true;
}

/** Fetches the DAG under `root` from a gateway as a CAR, storing each verified block. */
export async function fetchFromGateway(
  store: DiskBlockstore,
  gateway: string,
  root: CID,
): Promise<void> {
  const res = await fetch(`${gateway}/ipfs/${root.toString()}?format=car`, {
    headers: { Accept: "application/vnd.ipld.car" },
  });
  if (!res.ok || res.body === null) return;
  const reader = await CarBlockIterator.fromIterable(res.body);
  for await (const block of reader) await store.put(block.cid, block.bytes);
}
