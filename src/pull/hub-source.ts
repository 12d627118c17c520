import { HubRemote, type HubConnection } from "../publish/hub-remote.js";
import { retryPolicy } from "../publish/retry.js";
import { Secrets } from "../publish/secrets.js";
import type { PullSource } from "./pull-source.js";
import { responseBody } from "./response-body.js";

/**
 * A release on the Hugging Face Hub at a revision (the tag `v{version}` that publish sets on the
 * release commit), read through `resolve/{revision}/{path}` with the token of HF_TOKEN when there
 * is one (private repositories). Variants published on their own branch are found under the tags
 * `{revision}-{branch}` that publish gives them.
 */
export class HubSource implements PullSource {
  readonly name = "hf" as const;
  readonly revision: string;
  private readonly remote: HubRemote;
  private variantTags: Promise<string[]> | undefined;

  constructor(connection: HubConnection, revision: string) {
    this.revision = revision;
    // One request per read: retrying and resuming are the puller's.
    this.remote = new HubRemote(connection, {
      retry: retryPolicy({ maxAttempts: 1 }),
      emit: () => undefined,
      secrets: new Secrets().add(connection.token),
    });
  }

  get target(): string {
    return `hf:${this.remote.connection.repo}@${this.revision}`;
  }

  /** Tags of variant branches of this release, e.g. `v1.0.0-experimental-int4`. */
  private tags(): Promise<string[]> {
    this.variantTags ??= this.remote.refs().then(
      (refs) => refs.tags.map((t) => t.name).filter((name) => name.startsWith(`${this.revision}-`)),
      (error: unknown) => {
        this.variantTags = undefined;
        throw error;
      },
    );
    return this.variantTags;
  }

  async read(path: string, offset: number, signal?: AbortSignal) {
    let response = await this.remote.open(this.revision, path, offset, signal);
    if (response.status === 404 && !path.startsWith("manifest.")) {
      for (const tag of await this.tags()) {
        await response.body?.cancel();
        response = await this.remote.open(tag, path, offset, signal);
        if (response.status !== 404) break;
      }
    }
    return responseBody(response, offset, `${this.target}: ${path}`);
  }
}
