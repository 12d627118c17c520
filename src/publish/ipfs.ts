import { ModelPublishError } from "../errors.js";
import type {
  Destination,
  DestinationPlan,
  PlannedFile,
  PublishContext,
  PublishableRelease,
  ReadBackProblem,
  ReadBackReport,
  Receipt,
} from "./destination.js";
import { NOT_CONSULTED } from "./destination.js";
import { readBackFromGateway } from "./ipfs-gateway.js";
import type { IpfsPinState, IpfsProvider } from "./ipfs-provider.js";
import { releaseDag, type ReleaseDag } from "./release-dag.js";

export interface IpfsDestinationOptions {
  /** Where the release is pinned, in order: a Kubo node before the pinning services it feeds. */
  providers: IpfsProvider[];
  /** Gateways read back from (trustless), e.g. `https://ipfs.io`. */
  gateways: string[];
}

function plannedFiles(
  release: PublishableRelease,
  root: string,
  action: PlannedFile["action"],
): PlannedFile[] {
  return release.files.map((file) => ({
    path: file.path,
    size: file.size,
    url: `${root}/${file.path}`,
    action,
  }));
}

/**
 * IPFS: the release as UnixFS DAGs with the PRODUCT.md settings, computed here before anything
 * is sent; on each provider the content DAG is pinned first and the release root (holding the
 * signed manifest) last. Read back from each provider and each gateway, every block re-hashed.
 */
export class IpfsDestination implements Destination {
  readonly name = "ipfs" as const;
  private readonly options: IpfsDestinationOptions;
  private dag: ReleaseDag | undefined;
  private readonly states = new Map<IpfsProvider, IpfsPinState>();

  constructor(options: IpfsDestinationOptions) {
    if (options.providers.length === 0) {
      throw new ModelPublishError(
        "USAGE",
        "ipfs: no provider configured; add one under destinations.ipfs.providers",
      );
    }
    this.options = options;
  }

  async prepare(release: PublishableRelease): Promise<void> {
    this.dag = await releaseDag(release);
  }

  private async releaseDag(release: PublishableRelease): Promise<ReleaseDag> {
    this.dag ??= await releaseDag(release);
    return this.dag;
  }

  private target(dag: ReleaseDag): string {
    return `ipfs://${dag.root.root.toString()}`;
  }

  localPlan(release: PublishableRelease): DestinationPlan {
    const dag = this.dag;
    if (!dag)
      throw new ModelPublishError("USAGE", "ipfs: prepare() computes the CIDs before a plan");
    const root = this.target(dag);
    return {
      destination: "ipfs",
      target: root,
      files: plannedFiles(release, root, "upload"),
      published: false,
      steps: [
        NOT_CONSULTED,
        ...this.options.providers.map(
          (p) => `pin ${dag.content.root.toString()} and ${dag.root.root.toString()} on ${p.label}`,
        ),
      ],
    };
  }

  async plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan> {
    const dag = await this.releaseDag(release);
    const steps: string[] = [];
    let published = true;
    for (const provider of this.options.providers) {
      const state = await provider.state(release, dag, context);
      this.states.set(provider, state);
      if (!state.content)
        steps.push(`pin the content ${dag.content.root.toString()} on ${provider.label}`);
      if (!state.root)
        steps.push(`pin the release root ${dag.root.root.toString()} on ${provider.label}`);
      published &&= state.content && state.root;
    }
    const root = this.target(dag);
    return {
      destination: "ipfs",
      target: root,
      files: plannedFiles(release, root, published ? "skip" : "upload"),
      published,
      steps,
    };
  }

  async upload(
    release: PublishableRelease,
    plan: DestinationPlan,
    context: PublishContext,
  ): Promise<Receipt> {
    const dag = await this.releaseDag(release);
    for (const provider of this.options.providers) {
      const state = this.states.get(provider) ?? (await provider.state(release, dag, context));
      if (state.content && state.root) continue;
      context.emit({ type: "log", level: "info", message: `ipfs: pinning on ${provider.label}` });
      await provider.push(release, dag, state, context);
      this.states.set(provider, { content: true, root: true });
    }
    const uploaded = plan.published ? [] : release.files.map((f) => f.path);
    for (const file of release.files) {
      context.emit({
        type: "file",
        destination: "ipfs",
        path: file.path,
        action: plan.published ? "skipped" : "uploaded",
        bytes: file.size,
      });
    }
    return {
      destination: "ipfs",
      target: plan.target,
      url: this.target(dag),
      uploaded,
      skipped: plan.published ? release.files.map((f) => f.path) : [],
      bytesUploaded: plan.published ? 0 : release.files.reduce((sum, f) => sum + f.size, 0),
      details: {
        root: dag.root.root.toString(),
        content: dag.content.root.toString(),
        providers: this.options.providers.map((p) => p.label).join(", "),
      },
    };
  }

  async verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport> {
    const dag = await this.releaseDag(release);
    const problems: ReadBackProblem[] = [];
    for (const provider of this.options.providers) {
      problems.push(...(await provider.readBack(release, dag, context)));
    }
    for (const gateway of this.options.gateways) {
      problems.push(...(await readBackFromGateway(gateway, dag, context)));
    }
    return {
      destination: "ipfs",
      target: this.target(dag),
      ok: problems.length === 0,
      incomplete: problems.some((p) => p.incomplete === true),
      checked: release.files.length,
      problems,
    };
  }
}
