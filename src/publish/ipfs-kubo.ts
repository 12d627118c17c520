import type { KuboRPCClient } from "kubo-rpc-client";
import type { CID } from "multiformats/cid";
import { ModelPublishError } from "../errors.js";
import { checkCar } from "../formats/car.js";
import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import {
  contentPinName,
  rootPinName,
  type IpfsPinState,
  type IpfsProvider,
} from "./ipfs-provider.js";
import { contentCar, rootCar, type ReleaseDag } from "./release-dag.js";
import { remoteFailed, transientVerdict } from "./remote-error.js";
import { withRetry } from "./retry.js";

export interface KuboOptions {
  /** The Kubo RPC API, e.g. `http://127.0.0.1:5001`. */
  url: string;
  /** Sent as `Authorization: Bearer` (Kubo's `API.Authorizations`). */
  token?: string;
}

/**
 * A Kubo node through its RPC API (kubo-rpc-client): the content CAR goes in with
 * `dag/import` and its root is pinned, then the manifests' CAR and the release root. Every call
 * is safe to repeat (blocks are content-addressed, pins idempotent). Read-back exports the
 * root's DAG as a CAR and re-hashes every block.
 */
export class KuboProvider implements IpfsProvider {
  readonly label: string;
  private readonly options: KuboOptions;
  private client: Promise<KuboRPCClient> | undefined;

  constructor(options: KuboOptions) {
    this.label = `kubo ${options.url}`;
    this.options = options;
  }

  /** The RPC client, loaded on first use: a release without IPFS never pays for it. */
  private rpc(): Promise<KuboRPCClient> {
    this.client ??= import("kubo-rpc-client").then(({ create }) =>
      create({
        url: this.options.url,
        ...(this.options.token === undefined
          ? {}
          : { headers: { Authorization: `Bearer ${this.options.token}` } }),
      }),
    );
    return this.client;
  }

  private retry<T>(what: string, context: PublishContext, work: () => Promise<T>): Promise<T> {
    return withRetry(what, work, transientVerdict, context.retry, {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      },
    }).catch((error: unknown) => {
      throw remoteFailed(this.label, what, error);
    });
  }

  private async pins(context: PublishContext): Promise<Map<string, string>> {
    return this.retry("listing pins", context, async () => {
      const pins = new Map<string, string>();
      for await (const pin of (await this.rpc()).pin.ls({
        type: "recursive",
        names: true,
        ...(context.signal ? { signal: context.signal } : {}),
      })) {
        pins.set(pin.cid.toV1().toString(), pin.name ?? "");
      }
      return pins;
    });
  }

  async state(
    release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<IpfsPinState> {
    const pins = await this.pins(context);
    const root = dag.root.root.toString();
    const name = rootPinName(release);
    for (const [cid, pinName] of pins) {
      if (pinName === name && cid !== root) {
        throw new ModelPublishError(
          "VERIFY_FAILED",
          `${this.label}: ${release.id} v${release.version} is already pinned as ${cid}, not ${root}: a published version is never replaced; publish the new bytes as a new version`,
        );
      }
    }
    return { content: pins.has(dag.content.root.toString()), root: pins.has(root) };
  }

  private async importAndPin(
    what: string,
    car: () => AsyncIterable<Uint8Array>,
    cid: CID,
    name: string,
    context: PublishContext,
  ): Promise<void> {
    const signal = context.signal ? { signal: context.signal } : {};
    await this.retry(`importing the ${what} CAR`, context, async () => {
      for await (const _result of (await this.rpc()).dag.import(car(), {
        pinRoots: false,
        ...signal,
      })) {
        // drain: the node answers once the whole CAR is stored
      }
    });
    await this.retry(`pinning ${cid.toString()}`, context, async () => {
      await (await this.rpc()).pin.add(cid, { recursive: true, name, ...signal });
    });
  }

  async push(
    release: PublishableRelease,
    dag: ReleaseDag,
    state: IpfsPinState,
    context: PublishContext,
  ): Promise<void> {
    if (!state.content) {
      await this.importAndPin(
        "content",
        () => contentCar(release, dag),
        dag.content.root,
        contentPinName(release),
        context,
      );
    }
    if (!state.root) {
      await this.importAndPin(
        "release root",
        () => rootCar(dag),
        dag.root.root,
        rootPinName(release),
        context,
      );
    }
  }

  async readBack(
    release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<ReadBackProblem[]> {
    const pins = await this.pins(context);
    const problems: ReadBackProblem[] = [];
    if (!pins.has(dag.root.root.toString())) {
      problems.push({
        message: `${this.label} does not pin the release root ${dag.root.root.toString()} (with the signed manifest): the release is incomplete there`,
        incomplete: true,
      });
      return problems;
    }
    if (!pins.has(dag.content.root.toString())) {
      problems.push({
        message: `${this.label} does not pin the content directory ${dag.content.root.toString()} named in manifest.json`,
      });
    }
    const client = await this.rpc();
    const check = await this.retry("exporting the release DAG", context, () =>
      checkCar(
        client.dag.export(dag.root.root, context.signal ? { signal: context.signal } : {}),
        dag.root.root,
      ),
    );
    for (const cid of check.corrupt)
      problems.push({ message: `${this.label}: block ${cid} does not match its hash` });
    for (const cid of check.missing.slice(0, 10))
      problems.push({ message: `${this.label}: block ${cid} of the release DAG is missing` });
    return problems;
  }
}
