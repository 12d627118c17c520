import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ModelPublishError } from "../errors.js";
import { writeFileAtomic } from "../sign/atomic-write.js";
import {
  baselineFrom,
  checkBaselineKey,
  nextDocument,
  parseBaselineDocument,
  serializeBaselineDocument,
} from "./baseline-document.js";
import type {
  Baseline,
  BaselineDocument,
  BaselineKey,
  BaselineRun,
  BaselineStore,
  SaveOutcome,
} from "./baseline-store.js";

/** A baseline document is a few hundred KB at most; anything far larger is not one. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface LocalStoreOptions {
  /** The folder that holds the baselines. */
  dir: string;
  /** Runs kept for the trend chart (default 30). */
  historyLimit?: number;
}

/**
 * Baselines in a folder, for the CLI and for runners that keep a workspace:
 * `{dir}/{model id}/{variant}/{fingerprint}.json` (the model id percent-encoded).
 */
export class LocalBaselineStore implements BaselineStore {
  readonly kind = "local";
  private readonly options: LocalStoreOptions;

  constructor(options: LocalStoreOptions) {
    this.options = options;
  }

  /** The file that holds `key`'s document. */
  pathFor(key: BaselineKey): string {
    checkBaselineKey(key);
    return join(
      this.options.dir,
      encodeURIComponent(key.modelId),
      key.variant,
      `${key.fingerprint}.json`,
    );
  }

  private async read(path: string): Promise<BaselineDocument | undefined> {
    let text: string;
    try {
      if ((await stat(path)).size > MAX_DOCUMENT_BYTES) {
        throw new ModelPublishError(
          "INPUT_MALFORMED",
          `${path}: too large for a baseline document (over ${String(MAX_DOCUMENT_BYTES)} bytes); delete it`,
        );
      }
      text = await readFile(path, "utf8");
    } catch (error) {
      if (error instanceof ModelPublishError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new ModelPublishError(
        "INPUT_MALFORMED",
        `${path}: cannot be read (${(error as Error).message})`,
        {
          cause: error,
        },
      );
    }
    return parseBaselineDocument(text, path);
  }

  async load(key: BaselineKey): Promise<Baseline | undefined> {
    const path = this.pathFor(key);
    const document = await this.read(path);
    return document === undefined ? undefined : baselineFrom(document, key, `local ${path}`);
  }

  /** Replaces the document; a damaged one is replaced too (its history is lost). */
  async save(key: BaselineKey, run: BaselineRun): Promise<SaveOutcome> {
    const path = this.pathFor(key);
    const previous = await this.read(path).catch(() => undefined);
    const document = nextDocument(key, run, previous, this.options.historyLimit);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, serializeBaselineDocument(document));
    return { saved: true, location: path };
  }
}
