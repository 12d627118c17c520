import type { PullSource } from "./pull-source.js";
import { responseBody } from "./response-body.js";

export interface GcsSourceOptions {
  bucket: string;
  /** The version folder, `{prefix}/{id}/v{version}`, without slashes at either end. */
  folder: string;
  /** The JSON API endpoint (`STORAGE_EMULATOR_HOST`); default Google's. */
  apiEndpoint?: string;
  projectId?: string;
  /**
   * The OAuth access token for a request. Default: for Google's endpoint, application default
   * credentials through `@google-cloud/storage` (anonymous when there are none, which reads
   * public buckets); for another endpoint (an emulator), none, as the client library does.
   */
  accessToken?: () => Promise<string | undefined>;
}

const GOOGLE = "https://storage.googleapis.com";

/**
 * A release in a GCS version folder, read with plain ranged GETs of the JSON API's media
 * downloads (`/download/storage/v1/b/{bucket}/o/{object}?alt=media`), with the credentials
 * publish uses. The client library's download stream costs about twice the CPU per byte; its
 * MD5/CRC32C check is not needed either: every file is held to the SHA-256 of the signed manifest.
 */
export class GcsSource implements PullSource {
  readonly name = "gcs" as const;
  private readonly options: GcsSourceOptions;
  private readonly token: () => Promise<string | undefined>;

  constructor(options: GcsSourceOptions) {
    this.options = options;
    this.token =
      options.accessToken ??
      (options.apiEndpoint === undefined
        ? applicationDefault(options.projectId)
        : () => Promise.resolve(undefined));
  }

  get target(): string {
    return `gs://${this.options.bucket}/${this.options.folder}/`;
  }

  async read(path: string, offset: number, signal?: AbortSignal) {
    const base = (this.options.apiEndpoint ?? GOOGLE).replace(/\/+$/, "");
    const object = encodeURIComponent(`${this.options.folder}/${path}`);
    const url = `${base}/download/storage/v1/b/${encodeURIComponent(this.options.bucket)}/o/${object}?alt=media`;
    const token = await this.token();
    const response = await fetch(url, {
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}),
      },
      ...(signal ? { signal } : {}),
    });
    return responseBody(response, offset, `${this.target}${path}`);
  }
}

/**
 * Tokens from application default credentials, refreshed by the auth client as they expire;
 * undefined (anonymous) when the machine has none.
 */
function applicationDefault(projectId?: string): () => Promise<string | undefined> {
  let usable = true;
  const auth = import("@google-cloud/storage").then(
    ({ Storage }) => new Storage(projectId === undefined ? {} : { projectId }).authClient,
  );
  return async () => {
    if (!usable) return undefined;
    try {
      return (await (await auth).getAccessToken()) ?? undefined;
    } catch {
      usable = false;
      return undefined;
    }
  };
}
