import { readFileSync } from "node:fs";
import { ModelPublishError } from "../errors.js";

/** What the action needs from the event that started the workflow (`GITHUB_EVENT_PATH`). */
export interface EventFacts {
  eventName?: string;
  ref?: string;
  /** owner/name, from `GITHUB_REPOSITORY`. */
  repository?: { owner: string; repo: string };
  defaultBranch?: string;
  pullRequest?: {
    number: number;
    /** The merge target's commit: its recorded results are the baseline. */
    baseSha?: string;
    labels: string[];
    /** True when the head branch lives in a fork: its token cannot write. */
    fromFork: boolean;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

function labelsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = isRecord(label) ? text(label.name) : undefined;
    return name === undefined ? [] : [name];
  });
}

function pullRequestOf(payload: Record<string, unknown>): EventFacts["pullRequest"] {
  const pr = payload.pull_request;
  if (!isRecord(pr) || typeof pr.number !== "number") return undefined;
  const base = isRecord(pr.base) ? pr.base : {};
  const head = isRecord(pr.head) && isRecord(pr.head.repo) ? pr.head.repo : {};
  const baseRepo = isRecord(base.repo) ? base.repo : {};
  const baseSha = text(base.sha);
  return {
    number: pr.number,
    ...(baseSha ? { baseSha } : {}),
    labels: labelsOf(pr.labels),
    fromFork:
      text(head.full_name) !== undefined && text(head.full_name) !== text(baseRepo.full_name),
  };
}

/** Reads the event payload; a run outside GitHub (no event file) gives what the env says. */
export function readEventFacts(env: NodeJS.ProcessEnv = process.env): EventFacts {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const facts: EventFacts = {
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(owner && repo ? { repository: { owner, repo } } : {}),
  };
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return facts;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ModelPublishError(
      "INPUT_MALFORMED",
      `GITHUB_EVENT_PATH ${path}: not a readable JSON event (${error instanceof Error ? error.message : String(error)}); the runner writes this file, so run the action from a workflow or point GITHUB_EVENT_PATH at a saved event`,
    );
  }
  if (!isRecord(payload)) return facts;
  const repository = isRecord(payload.repository) ? payload.repository : {};
  const defaultBranch = text(repository.default_branch);
  const pullRequest = pullRequestOf(payload);
  return {
    ...facts,
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(pullRequest ? { pullRequest } : {}),
  };
}

/**
 * Whether this run may record benchmark baselines: a push to the default branch or a tag. A pull
 * request, a fork's included, never writes the numbers it will be compared with.
 */
export function recordingRef(facts: EventFacts): string | undefined {
  if (facts.eventName !== "push" || !facts.ref) return undefined;
  if (facts.ref.startsWith("refs/tags/")) return facts.ref;
  if (facts.defaultBranch && facts.ref === `refs/heads/${facts.defaultBranch}`) return facts.ref;
  return undefined;
}
