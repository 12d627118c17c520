import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelPublishError, type ErrorCode } from "../errors.js";
import { writeFileAtomic } from "../sign/atomic-write.js";
import { MANIFEST_FILE } from "../sign/release-files.js";
import type {
  Destination,
  DestinationName,
  DestinationPlan,
  PublishContext,
  PublishEvent,
  PublishableRelease,
  ReadBackReport,
  Receipt,
} from "./destination.js";
import { loadRelease } from "./load-release.js";
import { retryPolicy, type RetryPolicy } from "./retry.js";
import { Secrets } from "./secrets.js";

export interface PublishOptions {
  /** A release folder after `build` and `sign`. */
  dir: string;
  destinations: Destination[];
  /** Plan only: read the remote state, write nothing anywhere. */
  dryRun?: boolean;
  /** Plan without asking any remote (implies `dryRun`): where every file would go. */
  offline?: boolean;
  /** Read every destination back after uploading (default true). */
  verify?: boolean;
  /** Put the IPFS content CID into manifest.json (whenever IPFS is configured, selected or not). */
  ipfs?: { gateways: readonly string[] };
  /** The base64 public key the release must be signed with. */
  publicKey?: string;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Values never to print; every message and event is redacted with them. */
  secrets?: Secrets;
  onEvent?: (event: PublishEvent) => void;
}

/** A destination that could not be finished. */
export interface PublishFailure {
  destination: DestinationName;
  code: ErrorCode;
  message: string;
}

export interface PublishResult {
  id: string;
  version: string;
  dryRun: boolean;
  plans: DestinationPlan[];
  receipts: Receipt[];
  reports: ReadBackReport[];
  failures: PublishFailure[];
  /** Every destination finished and read back without a problem. */
  ok: boolean;
}

function failureOf(destination: DestinationName, error: unknown, secrets: Secrets): PublishFailure {
  const safe = secrets.redactError(error);
  return {
    destination,
    code: safe instanceof ModelPublishError ? safe.code : "REMOTE_FAILED",
    message: safe.message,
  };
}

/** Writes the published manifest.json into the folder, so it holds what was published. */
async function recordManifest(release: PublishableRelease): Promise<void> {
  const file = release.files.find((f) => f.kind === "manifest");
  if (file === undefined || !("bytes" in file.source)) return;
  const path = join(release.dir, MANIFEST_FILE);
  const current = await readFile(path).catch(() => Buffer.alloc(0));
  if (!current.equals(Buffer.from(file.source.bytes)))
    await writeFileAtomic(path, file.source.bytes);
}

/**
 * Publishes a signed release: reads it (checking it against its signature), plans every
 * destination — a different release already published under this version is refused before
 * anything is written anywhere — then uploads to each (artifacts first, the signed manifest
 * last) and reads each back. A destination that fails after retries does not stop the others; a
 * re-run finishes what is missing. Nothing that leaves here carries a known secret.
 */
export async function publishRelease(options: PublishOptions): Promise<PublishResult> {
  const secrets = options.secrets ?? new Secrets();
  const emit = (event: PublishEvent): void => {
    options.onEvent?.(secrets.redactValue(event));
  };
  const context: PublishContext = {
    retry: retryPolicy(options.retry),
    emit,
    secrets,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    const release = await loadRelease(options.dir, {
      ...(options.ipfs === undefined ? {} : { ipfs: options.ipfs }),
      ...(options.publicKey === undefined ? {} : { publicKey: options.publicKey }),
    });
    const failures: PublishFailure[] = [];
    const plans: DestinationPlan[] = [];
    const planned: { destination: Destination; plan: DestinationPlan }[] = [];
    for (const destination of options.destinations) {
      try {
        await destination.prepare?.(release, context);
        const plan =
          options.offline === true
            ? destination.localPlan(release)
            : await destination.plan(release, context);
        plans.push(plan);
        planned.push({ destination, plan });
        emit({ type: "plan", plan });
      } catch (error) {
        // A version already published with other bytes stops everything, before any write.
        if (error instanceof ModelPublishError && error.code !== "REMOTE_FAILED") throw error;
        failures.push(failureOf(destination.name, error, secrets));
      }
    }
    const result: PublishResult = {
      id: release.id,
      version: release.version,
      dryRun: options.dryRun === true || options.offline === true,
      plans: secrets.redactValue(plans),
      receipts: [],
      reports: [],
      failures,
      ok: false,
    };
    if (result.dryRun) {
      result.ok = failures.length === 0;
      return result;
    }
    await recordManifest(release);
    const finished: Destination[] = [];
    for (const { destination, plan } of planned) {
      emit({ type: "destination-start", destination: destination.name, target: plan.target });
      try {
        result.receipts.push(secrets.redactValue(await destination.upload(release, plan, context)));
        finished.push(destination);
        emit({ type: "destination-end", destination: destination.name, ok: true });
      } catch (error) {
        if (options.signal?.aborted === true) throw error;
        const failure = failureOf(destination.name, error, secrets);
        failures.push(failure);
        emit({
          type: "destination-end",
          destination: destination.name,
          ok: false,
          message: failure.message,
        });
      }
    }
    if (options.verify !== false) {
      for (const destination of finished) {
        try {
          const report = secrets.redactValue(await destination.verify(release, context));
          result.reports.push(report);
          emit({ type: "verified", report });
        } catch (error) {
          failures.push(failureOf(destination.name, error, secrets));
        }
      }
    }
    result.ok = failures.length === 0 && result.reports.every((r) => r.ok);
    return result;
  } catch (error) {
    throw secrets.redactError(error);
  }
}

/**
 * Reads what is published back without uploading anything: for `verify` of a published release.
 * A destination without the signed manifest reports `incomplete`.
 */
export async function verifyPublished(
  options: Omit<PublishOptions, "dryRun" | "verify">,
): Promise<ReadBackReport[]> {
  const secrets = options.secrets ?? new Secrets();
  const context: PublishContext = {
    retry: retryPolicy(options.retry),
    emit: (event) => options.onEvent?.(secrets.redactValue(event)),
    secrets,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    const release = await loadRelease(options.dir, {
      ...(options.ipfs === undefined ? {} : { ipfs: options.ipfs }),
      ...(options.publicKey === undefined ? {} : { publicKey: options.publicKey }),
    });
    const reports: ReadBackReport[] = [];
    for (const destination of options.destinations) {
      await destination.prepare?.(release, context);
      const report = secrets.redactValue(await destination.verify(release, context));
      reports.push(report);
      context.emit({ type: "verified", report });
    }
    return reports;
  } catch (error) {
    throw secrets.redactError(error);
  }
}
