import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError } from "../errors.js";
import type { BenchResultFile, ReleaseManifest } from "../manifest/types.generated.js";
import { validators } from "../manifest/validate.js";
import { remoteFailed } from "../publish/remote-error.js";
import { retryPolicy, type RetryPolicy } from "../publish/retry.js";
import { retryingFetch } from "../publish/retrying-fetch.js";
import { schemaErrorText } from "../sign/signed-manifest.js";
import { baselineFrom, checkBaselineKey, mediansOf } from "./baseline-document.js";
import {
  BASELINE_FORMAT,
  type Baseline,
  type BaselineKey,
  type BaselineReader,
} from "./baseline-store.js";
import { resultsFromRelease } from "./release-benchmarks.js";

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ReleaseManifestReaderOptions {
  /**
   * The last published release: a release folder (holding manifest.json), the URL of its
   * manifest.json or of its folder (ending in `/`), or the URL of a GCS `latest.json`.
   */
  source: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Baselines from the last published release's manifest.json (its `benchmarks` section, see
 * `releaseBenchmarks`). Read-only: a release is recorded by publishing it. The section keeps
 * summaries, so the samples are rebuilt and the baseline is marked approximate. The section is
 * not covered by the release signature (manifest.json is checked against the signed object for
 * identity and files only), so these figures are as trustworthy as the place they are read from.
 */
export class ReleaseManifestBaselineReader implements BaselineReader {
  readonly kind = "release-manifest";
  private readonly options: ReleaseManifestReaderOptions;
  private manifest: Promise<{ manifest: ReleaseManifest; origin: string } | undefined> | undefined;

  constructor(options: ReleaseManifestReaderOptions) {
    this.options = options;
  }

  private async fetchJson(url: string): Promise<unknown> {
    const policy = retryPolicy(this.options.retry);
    const send = retryingFetch({
      policy,
      retrySafe: () => true,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    let response: Response;
    try {
      response = await send(url, { headers: { Accept: "application/json" } });
    } catch (error) {
      throw remoteFailed(url, "reading the release manifest", error, "check the URL");
    }
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw remoteFailed(
        url,
        "reading the release manifest",
        new Error(`HTTP ${String(response.status)}`),
        "check the URL",
      );
    }
    const text = await response.text();
    if (text.length > MAX_MANIFEST_BYTES) {
      throw new ModelPublishError("INPUT_MALFORMED", `${url}: too large for a release manifest`);
    }
    return this.parse(text, url);
  }

  private parse(text: string, origin: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ModelPublishError("INPUT_MALFORMED", `${origin}: not valid JSON`, { cause: error });
    }
  }

  private async read(): Promise<{ manifest: ReleaseManifest; origin: string } | undefined> {
    const { source } = this.options;
    let origin: string;
    let data: unknown;
    if (/^https?:\/\//i.test(source)) {
      origin = source.endsWith("/") ? new URL("manifest.json", source).href : source;
      data = await this.fetchJson(origin);
      // latest.json points at the highest published version's manifest.
      if (isRecord(data) && !("artifacts" in data) && typeof data.manifest === "string") {
        origin = new URL(data.manifest, origin).href;
        data = await this.fetchJson(origin);
      }
    } else {
      origin = join(source, "manifest.json");
      const text = await readFile(origin, "utf8").catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new ModelPublishError("INPUT_MALFORMED", `${origin}: cannot be read`, {
          cause: error,
        });
      });
      data = text === undefined ? undefined : this.parse(text, origin);
    }
    if (data === undefined) return undefined;
    const validate = validators().release;
    if (!validate(data)) {
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${origin}: not a release manifest: ${schemaErrorText(validate)}`,
      );
    }
    return { manifest: data as ReleaseManifest, origin };
  }

  async load(key: BaselineKey): Promise<Baseline | undefined> {
    checkBaselineKey(key);
    this.manifest ??= this.read();
    const found = await this.manifest;
    if (found === undefined) return undefined;
    const { manifest, origin } = found;
    if (manifest.id !== key.modelId) {
      throw new ModelPublishError(
        "USAGE",
        `${origin} is the release of ${manifest.id}, not ${key.modelId}; point the baseline at this model's release`,
      );
    }
    const recorded = resultsFromRelease(manifest.benchmarks, key.variant, key.fingerprint);
    const [first, ...rest] = recorded?.results ?? [];
    if (first === undefined) return undefined;
    const recordedAt = manifest.publishedAt ?? manifest.timestamp ?? "";
    const file: BenchResultFile = {
      model: manifest.id,
      // Only the hash is recorded in a release; it is what comparisons go by.
      fingerprint: { hash: key.fingerprint, cpu: "unknown", cores: 1, platform: "unknown" },
      results: [first, ...rest],
    };
    const ref = `v${manifest.version}`;
    return baselineFrom(
      {
        format: BASELINE_FORMAT,
        version: 1,
        modelId: manifest.id,
        variant: key.variant,
        fingerprint: key.fingerprint,
        recordedAt,
        ref,
        results: file,
        history: [{ ref, recordedAt, medians: mediansOf(file) }],
      },
      key,
      `release ${manifest.id} v${manifest.version} (${origin})`,
      true,
    );
  }
}
