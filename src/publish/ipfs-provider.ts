import type { PublishContext, PublishableRelease, ReadBackProblem } from "./destination.js";
import type { ReleaseDag } from "./release-dag.js";

/** Which of the release's two DAGs a provider already holds pinned. */
export interface IpfsPinState {
  content: boolean;
  root: boolean;
}

/**
 * One IPFS service the release is pinned on. `state` refuses (VERIFY_FAILED) when the provider
 * pins another DAG under this release's name; `push` pins the content DAG, then the root.
 */
export interface IpfsProvider {
  /** e.g. `kubo http://127.0.0.1:5001`. */
  readonly label: string;
  state(
    release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<IpfsPinState>;
  push(
    release: PublishableRelease,
    dag: ReleaseDag,
    state: IpfsPinState,
    context: PublishContext,
  ): Promise<void>;
  readBack(
    release: PublishableRelease,
    dag: ReleaseDag,
    context: PublishContext,
  ): Promise<ReadBackProblem[]>;
}

/** The pin name of a release's root: one name per model version, so a second DAG is noticed. */
export function rootPinName(release: PublishableRelease): string {
  return `${release.id}@${release.version}`;
}

/** The pin name of a release's content directory. */
export function contentPinName(release: PublishableRelease): string {
  return `${release.id}@${release.version} files`;
}
