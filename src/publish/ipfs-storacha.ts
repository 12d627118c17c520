import type { CID } from "multiformats/cid";
import { ModelPublishError } from "../errors.js";
import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import type { IpfsPinState, IpfsProvider } from "./ipfs-provider.js";
import {
  delegationCommand,
  storachaAuth,
  type StorachaAuth,
  type StorachaCredentialOptions,
} from "./ipfs-storacha-auth.js";
import { releaseCarBlob } from "./ipfs-storacha-car.js";
import {
  failureName,
  storachaFailure,
  storachaVerdict,
  type StorachaWhere,
} from "./ipfs-storacha-errors.js";
import type { ReleaseDag } from "./release-dag.js";
import { withRetry } from "./retry.js";

/** Storacha's upload service and its DID. */
export const STORACHA_URL = "https://up.storacha.network";
export const STORACHA_DID = "did:web:up.storacha.network";

export interface StorachaOptions extends StorachaCredentialOptions {
  /** The upload service (UCAN invocations are POSTed here; receipts under `/receipt/`). */
  url: string;
  /** The service's DID, the audience of every invocation. */
  serviceDid: `did:${string}:${string}`;
}

type Client = Awaited<ReturnType<typeof import("@storacha/client").create>>;
type UploadInfo = Awaited<ReturnType<Client["capability"]["upload"]["get"]>>;
type ShardLink = NonNullable<Parameters<Client["capability"]["upload"]["add"]>[1]>[number];

type ServiceModule = typeof import("@storacha/client/service");
type ServiceConf = NonNullable<
  Parameters<typeof import("@storacha/client").create>[0]
>["serviceConf"];

/** Every service connection of the client pointed at one URL and DID. */
function serviceConf(
  service: ServiceModule,
  target: { id: { did: () => `did:${string}:${string}` }; url: URL },
): ServiceConf {
  /* eslint-disable @typescript-eslint/no-unsafe-assignment -- the client types its connection helpers as ConnectionView<any> */
  return {
    access: service.accessServiceConnection(target),
    upload: service.uploadServiceConnection(target),
    filecoin: service.filecoinServiceConnection(target),
    gateway: service.gatewayServiceConnection(target),
  };
  /* eslint-enable @typescript-eslint/no-unsafe-assignment */
}

interface Session {
  client: Client;
  auth: StorachaAuth;
  where: StorachaWhere;
}

/**
 * Storacha (https://storacha.network) through its own client, `@storacha/client`: the release
 * goes up as one CAR with `uploadCAR` (sharded, each shard stored with `space/blob/add`, indexed
 * with `space/index/add`, registered with `upload/add` under the content directory), then the
 * release root is registered over the same shards (commit point). The agent acts with its key
 * and the space's delegation, both checked before anything is sent; the key stays in memory.
 * Read-back asks the service for both uploads; the bytes are read back, every block re-hashed,
 * through the gateways of `destinations.ipfs.gateways` (e.g. https://w3s.link).
 */
export class StorachaProvider implements IpfsProvider {
  readonly label: string;
  private readonly options: StorachaOptions;
  private session: Promise<Session> | undefined;

  constructor(options: StorachaOptions) {
    this.label = `storacha ${options.url}`;
    this.options = options;
  }

  /** The client, made on first use; the credentials are checked before it exists. */
  private connect(): Promise<Session> {
    this.session ??= (async () => {
      const auth = await storachaAuth(this.label, this.options);
      const { create } = await import("@storacha/client");
      const { StoreMemory } = await import("@storacha/client/stores/memory");
      const service = await import("@storacha/client/service");
      const url = new URL(
        this.options.url.endsWith("/") ? this.options.url : `${this.options.url}/`,
      );
      const serviceDid = this.options.serviceDid;
      const id = { did: () => serviceDid };
      const client = await create({
        principal: auth.signer,
        // In memory: the key is never written to a profile on disk.
        store: new StoreMemory(),
        serviceConf: serviceConf(service, { id, url }),
        receiptsEndpoint: new URL("receipt/", url),
      });
      await client.addSpace(auth.proof);
      await client.setCurrentSpace(auth.space);
      const agent = auth.signer.did();
      const proof = this.options.proof;
      return {
        client,
        auth,
        where: {
          label: this.label,
          space: auth.space,
          agent,
          serviceDid,
          url: this.options.url,
          proofFrom: "env" in proof ? `env:${proof.env}` : `file:${proof.file}`,
          delegation: delegationCommand(agent),
        },
      };
    })();
    return this.session;
  }

  /**
   * Runs one step under the retry policy. The client's own retries are off (`retries: 0`) so that
   * one policy decides; every step is safe to repeat: a blob already stored is not sent again.
   */
  private async retry<T>(
    what: string,
    context: PublishContext,
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    const session = await this.connect();
    return withRetry(what, () => work(session), storachaVerdict, context.retry, {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      },
    }).catch((error: unknown) => {
      throw storachaFailure(session.where, what, error);
    });
  }

  private request(context: PublishContext) {
    return { retries: 0, ...(context.signal ? { signal: context.signal } : {}) };
  }

  /** The upload registered under a root in the space, or undefined. */
  private async upload(cid: CID, context: PublishContext): Promise<UploadInfo | undefined> {
    return this.retry(`looking up the upload ${cid.toString()}`, context, async ({ client }) => {
      try {
        return await client.capability.upload.get(cid, this.request(context));
      } catch (error) {
        if (failureName(error) === "UploadNotFound") return undefined;
        throw error;
      }
    });
  }

  // Uploads carry no names, so another DAG under this version's name cannot be noticed here;
  // the Kubo and pinning providers that do keep names refuse it.
  async state(
    _release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<IpfsPinState> {
    const content = await this.upload(dag.content.root, context);
    const root = await this.upload(dag.root.root, context);
    return { content: content !== undefined, root: root !== undefined };
  }

  async push(
    release: PublishableRelease,
    dag: ReleaseDag,
    state: IpfsPinState,
    context: PublishContext,
  ): Promise<void> {
    if (state.content && state.root) return;
    // The whole CAR even when only the root is missing: another version with the same files
    // has other manifests, which its shards lack. Shards already stored are not sent again.
    const shards = await this.retry("uploading the release CAR", context, async ({ client }) => {
      const stored: ShardLink[] = [];
      const root = await client.uploadCAR(releaseCarBlob(release, dag), {
        ...this.request(context),
        onShardStored: (meta) => {
          stored.push(meta.cid);
          context.emit({
            type: "log",
            level: "info",
            message: `${this.label}: stored shard ${meta.cid.toString()} (${meta.size} bytes)`,
          });
        },
      });
      if (root.toString() !== dag.content.root.toString()) {
        throw new ModelPublishError(
          "VERIFY_FAILED",
          `${this.label}: the client registered ${root.toString()}, not the content directory ${dag.content.root.toString()} computed here; the release CAR names that directory as its root, so the client changed it`,
        );
      }
      return stored;
    });
    const root = dag.root.root;
    await this.retry(`registering the release root ${root.toString()}`, context, ({ client }) =>
      client.capability.upload.add(root, shards, this.request(context)),
    );
  }

  async readBack(
    _release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<ReadBackProblem[]> {
    const { where } = await this.connect();
    const problems: ReadBackProblem[] = [];
    const root = await this.upload(dag.root.root, context);
    if (root === undefined) {
      return [
        {
          message: `${this.label} has no upload of the release root ${dag.root.root.toString()} (with the signed manifest) in space ${where.space}: the release is incomplete there`,
          incomplete: true,
        },
      ];
    }
    if ((await this.upload(dag.content.root, context)) === undefined) {
      problems.push({
        message: `${this.label} has no upload of the content directory ${dag.content.root.toString()} named in manifest.json (space ${where.space})`,
      });
    }
    return problems;
  }
}
