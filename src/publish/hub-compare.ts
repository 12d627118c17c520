import { ModelPublishError } from "../errors.js";
import { SIGNATURE_FILE } from "../sign/release-files.js";
import type { PublishableRelease, ReleaseFile } from "./destination.js";
import { entryMatches, entryText } from "./hub-files.js";
import type { HubLane } from "./hub-lanes.js";
import type { HubEntry, HubRemote } from "./hub-remote.js";

/**
 * Compares a release with what a Hub revision holds, and words the refusal when a published
 * version holds other bytes. Git blob ids of small files are computed once and remembered.
 */
export class HubComparer {
  readonly label: string;
  private readonly blobOids = new Map<string, string>();

  constructor(label: string) {
    this.label = label;
  }

  /** Whether the revision's entry is exactly this file. */
  matches(file: ReleaseFile, entry: HubEntry | undefined): Promise<boolean> {
    return entryMatches(file, entry, this.blobOids);
  }

  /** The files the tree does not hold as they are here, each with what is there instead. */
  async differences(files: readonly ReleaseFile[], tree: Map<string, HubEntry>): Promise<string[]> {
    const differ: string[] = [];
    for (const file of files) {
      if (!(await this.matches(file, tree.get(file.path)))) {
        differ.push(
          `${file.path} (${entryText(tree.get(file.path))} there; sha256 ${file.sha256}, ${file.size} bytes here)`,
        );
      }
    }
    return differ;
  }

  /** The files a tree lacks or holds otherwise. */
  async pending(
    files: readonly ReleaseFile[],
    tree: Map<string, HubEntry>,
  ): Promise<ReleaseFile[]> {
    const missing: ReleaseFile[] = [];
    for (const file of files)
      if (!(await this.matches(file, tree.get(file.path)))) missing.push(file);
    return missing;
  }

  /** The refusal of a release whose version is published with other bytes. */
  refused(release: PublishableRelease, where: string, differ: string[]): ModelPublishError {
    return new ModelPublishError(
      "VERIFY_FAILED",
      `${this.label}: v${release.version} is already published ${where} with different bytes: ${differ.slice(0, 5).join("; ")}; a published version is never overwritten: publish the new bytes as a new version`,
    );
  }

  /** The branch head holds a signed manifest of this version that is not ours: refused. */
  async checkHeadManifest(
    remote: HubRemote,
    release: PublishableRelease,
    lane: HubLane,
    tree: Map<string, HubEntry>,
  ): Promise<void> {
    const ours = lane.files.find((f) => f.path === SIGNATURE_FILE);
    const entry = tree.get(SIGNATURE_FILE);
    if (ours === undefined || entry === undefined || (await this.matches(ours, entry))) return;
    const bytes = await remote.download(lane.branch, SIGNATURE_FILE);
    let theirs: { id?: unknown; version?: unknown } = {};
    try {
      const parsed = JSON.parse(Buffer.from(bytes ?? new Uint8Array()).toString("utf8")) as {
        manifest?: typeof theirs;
      };
      theirs = parsed.manifest ?? {};
    } catch {
      return;
    }
    if (theirs.id === release.id && theirs.version === release.version) {
      throw this.refused(release, `on branch ${lane.branch} (its signed manifest is committed)`, [
        `${SIGNATURE_FILE} (another signature of the same version)`,
      ]);
    }
  }
}
