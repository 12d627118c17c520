import { ModelPublishError } from "../errors.js";
import type {
  Destination,
  DestinationPlan,
  PublishContext,
  PublishableRelease,
  ReadBackReport,
  Receipt,
  ReleaseFile,
} from "./destination.js";
import { NOT_CONSULTED } from "./destination.js";
import { HubComparer } from "./hub-compare.js";
import { commitGroup, ensureBranch, ensureRepo, tagLane } from "./hub-commits.js";
import { commitGroups, hubLanes, type HubLane } from "./hub-lanes.js";
import { readBackHub } from "./hub-read-back.js";
import { HubRemote, type HubEntry } from "./hub-remote.js";
import { remoteFailed } from "./remote-error.js";

export interface HuggingFaceOptions {
  /** `owner/name`. */
  repo: string;
  /** The Hub, e.g. `https://huggingface.co` (or `HF_ENDPOINT`). */
  hubUrl: string;
  /** A write token (`hf_…`); without one only a dry run is possible. */
  token?: string;
  /** Default `main`. */
  branch?: string;
  private?: boolean;
  /** Variant scheme → the branch it is published on (seed 000 §6). */
  variantBranches?: Record<string, string>;
  /** Files per commit before a release is split into ordered commits. Default 200. */
  filesPerCommit?: number;
}

interface LanePlan {
  lane: HubLane;
  published: boolean;
  pending: ReleaseFile[];
}

/**
 * The Hugging Face Hub: a release is a commit (or, for many files, ordered commits) on a branch,
 * LFS for large files, then the tag `v{version}`. Files already at the branch head are skipped,
 * so a re-run resumes; a tag that holds other bytes is never moved. Read back: the tree at the
 * tag, every LFS oid and size (git blob id for small files) against the signed release.
 */
export class HuggingFaceDestination implements Destination {
  readonly name = "hf" as const;
  private readonly options: HuggingFaceOptions;
  private readonly comparer: HubComparer;
  private lanes: LanePlan[] = [];

  constructor(options: HuggingFaceOptions) {
    this.options = options;
    this.comparer = new HubComparer(`hf:${options.repo}`);
  }

  private get branch(): string {
    return this.options.branch ?? "main";
  }

  private get label(): string {
    return this.comparer.label;
  }

  private remote(context: PublishContext): HubRemote {
    const { repo, hubUrl, token } = this.options;
    return new HubRemote({ repo, hubUrl, ...(token === undefined ? {} : { token }) }, context);
  }

  private lanesOf(release: PublishableRelease): HubLane[] {
    return hubLanes(release, this.branch, this.options.variantBranches ?? {});
  }

  private groups(pending: readonly ReleaseFile[]): ReleaseFile[][] {
    return commitGroups(pending, this.options.filesPerCommit ?? 200);
  }

  localPlan(release: PublishableRelease): DestinationPlan {
    const lanes = this.lanesOf(release);
    return {
      destination: "hf",
      target: `${this.label}@${this.branch}`,
      files: lanes.flatMap((lane) => this.plannedFiles(lane, lane.files)),
      published: false,
      steps: [NOT_CONSULTED, ...lanes.map((lane) => `tag ${lane.tag}`)],
    };
  }

  private plannedFiles(lane: HubLane, pending: readonly ReleaseFile[]) {
    return lane.files.map((file) => ({
      path: lane.branch === this.branch ? file.path : `${file.path} (branch ${lane.branch})`,
      size: file.size,
      url: `${this.options.hubUrl}/${this.options.repo}/blob/${encodeURIComponent(lane.tag)}/${file.path}`,
      action: pending.includes(file) ? ("upload" as const) : ("skip" as const),
    }));
  }

  async plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan> {
    const remote = this.remote(context);
    const read = <T>(what: string, work: () => Promise<T>): Promise<T> =>
      work().catch((error: unknown) => {
        throw remoteFailed(this.label, what, error);
      });
    const steps: string[] = [];
    this.lanes = [];
    const exists = await read("looking up the repository", () => remote.exists());
    if (!exists) {
      steps.push(
        `create the ${this.options.private === true ? "private" : "public"} repository ${this.options.repo}`,
      );
    }
    const refs = exists
      ? await read("listing refs", () => remote.refs())
      : { branches: [], tags: [] };
    for (const lane of this.lanesOf(release)) {
      if (refs.tags.some((t) => t.name === lane.tag)) {
        const differ = await this.comparer.differences(
          lane.files,
          await read(`listing ${lane.tag}`, () => remote.tree(lane.tag)),
        );
        if (differ.length > 0) throw this.comparer.refused(release, `as tag ${lane.tag}`, differ);
        this.lanes.push({ lane, published: true, pending: [] });
        continue;
      }
      const branchExists = refs.branches.some((b) => b.name === lane.branch);
      const tree = branchExists
        ? await read(`listing ${lane.branch}`, () => remote.tree(lane.branch))
        : new Map<string, HubEntry>();
      await this.comparer.checkHeadManifest(remote, release, lane, tree);
      const pending = await this.comparer.pending(lane.files, tree);
      if (!branchExists && lane.branch !== "main") steps.push(`create branch ${lane.branch}`);
      const commits = this.groups(pending).length;
      if (commits > 0) steps.push(`${commits} commit${commits === 1 ? "" : "s"} on ${lane.branch}`);
      steps.push(`tag ${lane.tag}`);
      this.lanes.push({ lane, published: false, pending });
    }
    const files = this.lanes.flatMap(({ lane, pending }) => this.plannedFiles(lane, pending));
    return {
      destination: "hf",
      target: `${this.label}@${this.branch}`,
      files,
      published: this.lanes.every((l) => l.published),
      steps,
    };
  }

  async upload(
    release: PublishableRelease,
    plan: DestinationPlan,
    context: PublishContext,
  ): Promise<Receipt> {
    if (this.options.token === undefined) {
      throw new ModelPublishError(
        "USAGE",
        `${this.label}: no token; set HF_TOKEN (or HUGGING_FACE_HUB_TOKEN, HUGGINGFACE_API_KEY) to a write token`,
      );
    }
    const remote = this.remote(context);
    const uploaded = new Set<string>();
    let bytes = 0;
    const report = (file: ReleaseFile, action: "uploaded" | "skipped") => {
      context.emit({ type: "file", destination: "hf", path: file.path, action, bytes: file.size });
    };
    await ensureRepo(remote, this.options.private === true, this.label, context);
    for (const { lane, published, pending } of this.lanes) {
      if (published) continue;
      if (lane.branch !== "main") {
        // The release branch starts from main; a variant branch from the release branch.
        const from = lane.branch === this.branch ? "main" : this.branch;
        await ensureBranch(remote, lane.branch, from, this.label, context);
      }
      const groups = this.groups(pending);
      for (const [index, group] of groups.entries()) {
        const part = groups.length > 1 ? ` (part ${index + 1} of ${groups.length})` : "";
        await commitGroup(remote, this.comparer, release, lane, group, part, context);
        for (const file of group) {
          uploaded.add(file.path);
          bytes += file.size;
          report(file, "uploaded");
        }
      }
      for (const file of lane.files.filter((f) => !pending.includes(f))) report(file, "skipped");
      await tagLane(remote, this.comparer, release, lane, context);
    }
    const commit = await remote.refs().then(
      (refs) => refs.tags.find((t) => t.name === `v${release.version}`)?.targetCommit ?? "",
      () => "",
    );
    return {
      destination: "hf",
      target: plan.target,
      url: `${this.options.hubUrl}/${this.options.repo}/tree/v${release.version}`,
      uploaded: [...uploaded],
      skipped: release.files.map((f) => f.path).filter((p) => !uploaded.has(p)),
      bytesUploaded: bytes,
      details: {
        repo: this.options.repo,
        tags: this.lanes.map((l) => l.lane.tag).join(", "),
        commit,
      },
    };
  }

  verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport> {
    return readBackHub(
      this.remote(context),
      this.comparer,
      release,
      this.lanesOf(release),
      context,
    );
  }
}
