import {
  Assert,
  Blob,
  HTTP,
  SpaceBlob,
  SpaceIndex,
  Storefront,
  UCAN,
  Upload,
} from "@storacha/capabilities";
import * as Server from "@ucanto/server";
import { ed25519, Verifier } from "@ucanto/principal";
import { base64pad } from "multiformats/bases/base64";
import { blobKey, type StorachaStore } from "./storacha-store.js";
import {
  NamedFailure,
  conclude,
  concludedReceipt,
  isUri,
  issue,
  type BlobModel,
  type Invocation,
  type Receipt,
  type Signer,
} from "./storacha-ucan.js";

/** What the service shares with the HTTP front: where blobs go and the receipts it issued. */
export interface StorachaServiceContext {
  id: Signer;
  store: StorachaStore;
  /** Base URL blobs are PUT to (`{baseUrl}/blob/{key}`). */
  baseUrl: () => string;
  /** Largest blob accepted, in bytes. */
  maxBlobSize: number;
  /** Receipts by the CID of the task they are for (`GET /receipt/{cid}`). */
  receipts: Map<string, Receipt>;
}

/** A `blob/accept` waiting for the `http/put` receipt the client concludes after its PUT. */
interface PendingPut {
  space: string;
  blob: BlobModel;
  accept: Invocation;
}

/**
 * The ucanto service of the Storacha stand-in: the upload service and its one storage node in
 * one principal. `space/blob/add` answers with the effects the real service forks
 * (`blob/allocate` with its receipt, `http/put` with the key that signs its receipt, `blob/accept`
 * awaiting the put); `ucan/conclude` of the put receipt runs the accept, which checks the bytes
 * arrived and issues a location commitment. Then `space/index/add`, `filecoin/offer`,
 * `upload/add` and `upload/get`. Every capability is checked against its delegation chain by
 * `@ucanto/server` before a handler runs.
 */
export function createStorachaService(context: StorachaServiceContext) {
  const { id, store } = context;
  const pending = new Map<string, PendingPut>();

  const record = (receipt: Receipt): Receipt => {
    context.receipts.set(receipt.ran.link().toString(), receipt);
    return receipt;
  };

  /** Runs `blob/accept`: the bytes must be there; the answer names where they are. */
  const accept = async (space: string, blob: BlobModel, task: Invocation): Promise<Receipt> => {
    const key = blobKey(blob.digest);
    if (!(await store.hasBlob(key, blob.size))) {
      return record(
        await issue({
          issuer: id,
          ran: task,
          result: {
            error: new NamedFailure(
              "AllocatedMemoryHadNotBeenWrittenTo",
              `blob ${key} was allocated but its bytes never arrived`,
            ),
          },
        }),
      );
    }
    await store.acceptBlob(space, key);
    const location = `${context.baseUrl()}/blob/${key}`;
    if (!isUri(location)) throw new Error(`not a URI: ${location}`);
    const site = await Assert.location
      .invoke({
        issuer: id,
        audience: id,
        with: id.did(),
        nb: {
          content: { digest: blob.digest },
          location: [location],
        },
        expiration: Infinity,
      })
      .delegate();
    return record(
      await issue({
        issuer: id,
        ran: task,
        result: { ok: { site: site.link() } },
        fx: { fork: [site] },
      }),
    );
  };

  return {
    space: {
      blob: {
        add: Server.provideAdvanced({
          capability: SpaceBlob.add,
          handler: async ({ capability, invocation }) => {
            const space = capability.with;
            const blob = capability.nb.blob;
            if (blob.size > context.maxBlobSize) {
              return Server.error(
                new NamedFailure(
                  "BlobSizeOutsideOfSupportedRange",
                  `Blob of ${blob.size} bytes, exceeds size limit of ${context.maxBlobSize} bytes`,
                ),
              );
            }
            const key = blobKey(blob.digest);
            const stored = await store.hasBlob(key, blob.size);
            if (!stored) store.allocate(key);
            const allocate = await Blob.allocate
              .invoke({
                issuer: id,
                audience: id,
                with: id.did(),
                nb: { blob, cause: invocation.link(), space: Server.DID.parse(space) },
                expiration: Infinity,
              })
              .delegate();
            const allocated = record(
              await issue({
                issuer: id,
                ran: allocate,
                result: {
                  ok: stored
                    ? { size: 0 }
                    : {
                        size: blob.size,
                        address: {
                          url: `${context.baseUrl()}/blob/${key}`,
                          headers: {
                            "x-amz-checksum-sha256": base64pad.baseEncode(
                              blob.digest.subarray(-32),
                            ),
                          },
                          expires: 60 * 60 * 24,
                        },
                      },
                },
              }),
            );
            // Whoever holds the blob can sign the put receipt: its key derives from the digest.
            const holder = await ed25519.derive(blob.digest.subarray(-32));
            const put = await HTTP.put
              .invoke({
                issuer: holder,
                audience: holder,
                with: holder.toDIDKey(),
                nb: {
                  body: blob,
                  url: { "ucan/await": [".out.ok.address.url", allocate.link()] },
                  headers: { "ucan/await": [".out.ok.address.headers", allocate.link()] },
                },
                facts: [{ keys: holder.toArchive() }],
                expiration: Infinity,
              })
              .delegate();
            const acceptTask = await Blob.accept
              .invoke({
                issuer: id,
                audience: id,
                with: id.did(),
                nb: {
                  blob,
                  space: Server.DID.parse(space),
                  _put: { "ucan/await": [".out.ok", put.link()] },
                },
                expiration: Infinity,
              })
              .delegate();
            const effects: Invocation[] = [await conclude(allocated, id)];
            if (stored) {
              const delivered = await issue({
                issuer: holder,
                ran: put,
                result: { ok: {} },
              });
              effects.push(await conclude(record(delivered), holder));
              effects.push(await conclude(await accept(space, blob, acceptTask), id));
            } else {
              pending.set(put.link().toString(), { space, blob, accept: acceptTask });
            }
            let result = Server.ok({
              site: { "ucan/await": [".out.ok.site", acceptTask.link()] },
            })
              .fork(allocate)
              .fork(put)
              .fork(acceptTask);
            for (const effect of effects) result = result.fork(effect);
            return result;
          },
        }),
      },
      index: {
        add: Server.provide(SpaceIndex.add, ({ capability }) => {
          const key = blobKey(capability.nb.index.multihash);
          if (!store.hasSpaceBlob(capability.with, key)) {
            return Server.error(
              new NamedFailure("IndexNotFound", `index ${key} is not a blob of this space`),
            );
          }
          store.addIndex(capability.with, key);
          return Server.ok({});
        }),
      },
    },
    ucan: {
      conclude: Server.provide(UCAN.conclude, async ({ capability, invocation }) => {
        const receipt = concludedReceipt(invocation, capability.nb.receipt);
        const ran = receipt.ran.link().toString();
        const waiting = pending.get(ran);
        if (waiting !== undefined) {
          const holder = await ed25519.derive(waiting.blob.digest.subarray(-32));
          const signed =
            receipt.issuer?.did() === holder.did() &&
            (await receipt.verifySignature(Verifier.parse(holder.did()))).ok !== undefined;
          if (!signed) {
            return Server.error(
              new NamedFailure(
                "InvalidReceipt",
                `the http/put receipt for ${ran} is not signed by the blob's key`,
              ),
            );
          }
          record(receipt);
          const accepted = await accept(waiting.space, waiting.blob, waiting.accept);
          if (accepted.out.ok !== undefined) pending.delete(ran);
        }
        return Server.ok({ time: Date.now() });
      }),
    },
    filecoin: {
      offer: Server.provide(Storefront.filecoinOffer, async ({ capability }) => {
        const key = blobKey(capability.nb.content.multihash);
        if (!(await store.hasBlob(key))) {
          return Server.error(
            new NamedFailure("ContentNotFound", `offered content ${key} is not stored here`),
          );
        }
        return Server.ok({ piece: capability.nb.piece });
      }),
    },
    upload: {
      add: Server.provide(Upload.add, ({ capability }) => {
        const space = capability.with;
        const shards = (capability.nb.shards ?? []).map((s) => blobKey(s.multihash));
        const missing = shards.find((key) => !store.hasSpaceBlob(space, key));
        if (missing !== undefined) {
          return Server.error(
            new NamedFailure("ShardNotFound", `shard ${missing} is not a blob of this space`),
          );
        }
        const root = capability.nb.root;
        store.addUpload(
          space,
          root.toString(),
          (capability.nb.shards ?? []).map((s) => s.toString()),
        );
        return Server.ok({ root, shards: capability.nb.shards ?? [] });
      }),
      get: Server.provide(Upload.get, ({ capability }) => {
        const root = capability.nb.root;
        const upload =
          root === undefined ? undefined : store.getUpload(capability.with, root.toString());
        if (upload === undefined || root === undefined) {
          return Server.error(
            new NamedFailure("UploadNotFound", `upload not found: ${String(root)}`),
          );
        }
        return Server.ok({ root, insertedAt: upload.insertedAt, updatedAt: upload.updatedAt });
      }),
    },
  };
}
