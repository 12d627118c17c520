import type { Bucket, File } from "@google-cloud/storage";
import { ModelPublishError } from "../errors.js";
import type {
  Destination,
  DestinationPlan,
  PublishContext,
  PublishableRelease,
  ReadBackReport,
  Receipt,
  PlannedFile,
  ReleaseFile,
} from "./destination.js";
import { NOT_CONSULTED } from "./destination.js";
import { folderDifferences } from "./gcs-compare.js";
import {
  IMMUTABLE,
  contentType,
  indexName,
  latestName,
  objectName,
  publicUrl,
  versionFolder,
  type GcsLocation,
} from "./gcs-layout.js";
import {
  registryVerdict,
  readJsonObject,
  registryHas,
  summaryOf,
  updateRegistry,
  withSummary,
} from "./gcs-registry.js";
import { compareObjects } from "./gcs-read-back.js";
import { remoteObject, uploadObject, type RemoteObject } from "./gcs-upload.js";
import { objectHashes, type ObjectHashes } from "./object-hashes.js";
import { runPool } from "./pool.js";
import { remoteFailed } from "./remote-error.js";
import { withRetry } from "./retry.js";
import { withTimeout } from "./timeout.js";

export interface GcsOptions extends GcsLocation {
  /** The JSON API endpoint (a local server in tests); default Google's, with ADC credentials. */
  apiEndpoint?: string;
  projectId?: string;
  /** Objects uploaded at once. Default 4. */
  parallelism?: number;
  /** Files above this size go up in a resumable session. Default 8 MiB. */
  resumableAbove?: number;
  /** Bytes per request of a resumable upload, a multiple of 256 KiB. Default 256 MiB. */
  chunkSize?: number;
  /** Longest wait for one call of the client library (it can stall on a cut body). Default 60 s. */
  timeoutMs?: number;
}

/**
 * Google Cloud Storage through `@google-cloud/storage`: `gs://{bucket}/{prefix}/{id}/v{version}/`
 * holds the release, written create-only (`ifGenerationMatch: 0`) with bounded parallelism,
 * the manifests last; then `latest.json` and `index.json`. An existing object with the same
 * bytes is skipped, a different one refuses the release before anything is written. Read back:
 * the server's MD5 and CRC-32C of every object against the local files.
 */
export class GcsDestination implements Destination {
  readonly name = "gcs" as const;
  private readonly options: GcsOptions;
  private bucketHandle: Promise<Bucket> | undefined;
  private readonly hashes = new Map<string, ObjectHashes>();
  private registryCurrent = false;

  constructor(options: GcsOptions) {
    this.options = options;
  }

  /** The bucket, the client library loaded on first use. */
  private bucket(): Promise<Bucket> {
    const options = this.options;
    this.bucketHandle ??= import("@google-cloud/storage").then(({ Storage }) =>
      new Storage({
        ...(options.apiEndpoint === undefined ? {} : { apiEndpoint: options.apiEndpoint }),
        ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
        // Retries are ours: jittered, Retry-After-aware, and only where a repeat is safe.
        retryOptions: { autoRetry: false, maxRetries: 0 },
      }).bucket(options.bucket),
    );
    return this.bucketHandle;
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 60_000;
  }

  private folder(release: PublishableRelease): string {
    return versionFolder(this.options, release.id, release.version);
  }

  private gsUrl(name: string): string {
    return `gs://${this.options.bucket}/${name}`;
  }

  private retry<T>(what: string, context: PublishContext, work: () => Promise<T>): Promise<T> {
    return withRetry(what, work, registryVerdict, context.retry, {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "gcs", ...notice });
      },
    }).catch((error: unknown) => {
      throw remoteFailed(this.gsUrl(this.options.prefix), what, error);
    });
  }

  /** Every object under the version folder, by release path. */
  private async listed(
    release: PublishableRelease,
    context: PublishContext,
  ): Promise<Map<string, RemoteObject>> {
    const folder = `${this.folder(release)}/`;
    const bucket = await this.bucket();
    const [files] = await this.retry("listing the version folder", context, () =>
      withTimeout(
        "listing the version folder",
        this.timeoutMs,
        bucket.getFiles({ prefix: folder, autoPaginate: true }),
      ),
    );
    return new Map(
      files.map((f: File) => [
        f.name.slice(folder.length),
        remoteObject(f.metadata as Record<string, unknown>),
      ]),
    );
  }

  private async localHashes(file: ReleaseFile): Promise<ObjectHashes> {
    let hashes = this.hashes.get(file.path);
    if (hashes === undefined) {
      hashes = await objectHashes(file);
      this.hashes.set(file.path, hashes);
    }
    return hashes;
  }

  private plannedFile(
    release: PublishableRelease,
    file: ReleaseFile,
    action: PlannedFile["action"],
  ) {
    const name = objectName(this.options, release.id, release.version, file.path);
    return { path: file.path, size: file.size, url: this.gsUrl(name), action };
  }

  private registryStep(release: PublishableRelease): string {
    return `update ${this.gsUrl(latestName(this.options, release.id))} and ${this.gsUrl(indexName(this.options))}`;
  }

  localPlan(release: PublishableRelease): DestinationPlan {
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      files: release.files.map((file) => this.plannedFile(release, file, "upload")),
      published: false,
      steps: [NOT_CONSULTED, this.registryStep(release)],
    };
  }

  async plan(release: PublishableRelease, context: PublishContext): Promise<DestinationPlan> {
    const remote = await this.listed(release, context);
    const problems = await folderDifferences(remote, release.files, (file) =>
      this.localHashes(file),
    );
    const files = release.files.map((file) =>
      this.plannedFile(release, file, remote.has(file.path) ? "skip" : "upload"),
    );
    if (problems.length > 0) {
      throw new ModelPublishError(
        "VERIFY_FAILED",
        `${this.gsUrl(this.folder(release))}/ already holds other bytes for v${release.version}: ${problems.slice(0, 5).join("; ")}; a published version is never overwritten (and nothing was written): publish the new bytes as a new version${remote.has("manifest.sig.json") ? "" : ", or delete that unfinished folder if you know no one else is publishing it"}`,
      );
    }
    const bucket = await this.bucket();
    this.registryCurrent = await this.retry("reading index.json and latest.json", context, () =>
      registryHas(bucket, this.options, release, this.timeoutMs),
    );
    const steps = this.registryCurrent ? [] : [this.registryStep(release)];
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      files,
      published: files.every((f) => f.action === "skip") && this.registryCurrent,
      steps,
    };
  }

  private metadata(release: PublishableRelease, file: ReleaseFile) {
    return {
      contentType: contentType(file.path),
      cacheControl: IMMUTABLE,
      metadata: { "model-version": release.version, "model-checksum": `sha256:${file.sha256}` },
    };
  }

  async upload(
    release: PublishableRelease,
    plan: DestinationPlan,
    context: PublishContext,
  ): Promise<Receipt> {
    const pending = new Set(plan.files.filter((f) => f.action === "upload").map((f) => f.path));
    const uploaded: string[] = [];
    let bytes = 0;
    const settings = {
      resumableAbove: this.options.resumableAbove ?? 8 << 20,
      chunkSize: this.options.chunkSize ?? 256 << 20,
      timeoutMs: this.timeoutMs,
    };
    const put = async (file: ReleaseFile): Promise<void> => {
      if (!pending.has(file.path)) {
        context.emit({
          type: "file",
          destination: "gcs",
          path: file.path,
          action: "skipped",
          bytes: file.size,
        });
        return;
      }
      const name = objectName(this.options, release.id, release.version, file.path);
      const hashes = await uploadObject(
        (await this.bucket()).file(name),
        file,
        this.metadata(release, file),
        settings,
        context,
        (done) => {
          context.emit({
            type: "progress",
            destination: "gcs",
            path: file.path,
            done,
            total: file.size,
          });
        },
      );
      this.hashes.set(file.path, hashes);
      uploaded.push(file.path);
      bytes += file.size;
      context.emit({
        type: "file",
        destination: "gcs",
        path: file.path,
        action: "uploaded",
        bytes: file.size,
      });
    };
    // Artifacts in parallel; then manifest.json; then manifest.sig.json, the commit point.
    await runPool(
      release.files.filter((f) => f.kind === "artifact"),
      this.options.parallelism ?? 4,
      put,
    );
    for (const file of release.files.filter((f) => f.kind === "manifest")) await put(file);
    for (const file of release.files.filter((f) => f.kind === "signature")) await put(file);
    if (!this.registryCurrent) {
      await updateRegistry(await this.bucket(), this.options, release, context, this.timeoutMs);
    }
    const folder = this.folder(release);
    return {
      destination: "gcs",
      target: plan.target,
      url: `${publicUrl(this.options, folder)}/`,
      uploaded,
      skipped: release.files.map((f) => f.path).filter((p) => !uploaded.includes(p)),
      bytesUploaded: bytes,
      details: {
        bucket: this.options.bucket,
        folder,
        latest: latestName(this.options, release.id),
        index: indexName(this.options),
      },
    };
  }

  async verify(release: PublishableRelease, context: PublishContext): Promise<ReadBackReport> {
    const remote = await this.listed(release, context);
    const { problems, checked } = await compareObjects(
      release,
      remote,
      (file) => this.localHashes(file),
      (path) => this.gsUrl(objectName(this.options, release.id, release.version, path)),
    );
    const bucket = await this.bucket();
    const index = await this.retry("reading index.json", context, () =>
      readJsonObject(bucket, indexName(this.options), this.timeoutMs),
    );
    if (withSummary(index.value, summaryOf(release, this.options)) !== undefined) {
      problems.push({
        message: `${this.gsUrl(indexName(this.options))} does not list ${release.id} v${release.version}`,
      });
    }
    return {
      destination: "gcs",
      target: `${this.gsUrl(this.folder(release))}/`,
      ok: problems.length === 0,
      incomplete: problems.some((p) => p.incomplete === true),
      checked,
      problems,
    };
  }
}
