import type { Destination, DestinationPlan, PublishContext, PublishableRelease, ReadBackReport, Receipt } from "./destination.js";
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
/**
 * The Hugging Face Hub: a release is a commit (or, for many files, ordered commits) on a branch,
 * LFS for large files, then the tag `v{version}`. Files already at the branch head are skipped,
 * so a re-run resumes; a tag that holds other bytes is never moved. Read back: the tree at the
 * tag, every LFS oid and size (git blob id for small files) against the signed release.
 */
export declare class HuggingFaceDestination implements Destination {
    readonly name: "hf";
    private readonly options;
    private readonly comparer;
    private lanes;
    constructor(options: HuggingFaceOptions);
    private get branch();
    private get label();
    private remote;
    private lanesOf;
    private groups;
    localPlan(release: PublishableRelease): DestinationPlan;
    private plannedFiles;
    plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan>;
    upload(release: PublishableRelease, plan: DestinationPlan, context: PublishContext): Promise<Receipt>;
    verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport>;
}
