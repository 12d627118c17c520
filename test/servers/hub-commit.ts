import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { stat } from "node:fs/promises";
import type { Commit, FileEntry, HubStore, Repo } from "./hub-store.js";
import { gitBlobOid, lfsPointer } from "./hub-store.js";
import { asRecord, stringField } from "./http-kit.js";
import { HttpError } from "./http-server.js";

/**
 * The Hub's commit endpoint: an NDJSON body whose first line is the header
 * (`summary`, `description`, `parentCommit`) and whose other lines add regular files (base64),
 * point at uploaded LFS objects, or delete files and folders. The commit is applied under the
 * repository's lock; a `parentCommit` that is not the branch head fails with 412, as on the Hub.
 */

/** Files at or over this size, or binary, must go through LFS. */
export const REGULAR_FILE_LIMIT = 10 * 1024 * 1024;

/** The Hub treats content with a NUL byte in its first bytes as binary. */
function looksBinary(sample: Buffer): boolean {
  return sample.includes(0);
}

function globMatch(pattern: string, path: string): boolean {
  const body = pattern
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*\/?|\*/g, (m) => (m === "*" ? "[^/]*" : ".*"));
  const re = new RegExp(pattern.includes("/") ? `^${body}$` : `(^|/)${body}$`);
  return re.test(path);
}

/** Whether `.gitattributes` text routes `path` through LFS. */
export function lfsByAttributes(attributes: string, path: string): boolean {
  let lfs = false;
  for (const line of attributes.split("\n")) {
    const [pattern, ...attrs] = line.trim().split(/\s+/);
    if (pattern === undefined || pattern === "" || pattern.startsWith("#")) continue;
    if (!globMatch(pattern, path)) continue;
    if (attrs.includes("filter=lfs")) lfs = true;
    if (attrs.includes("-filter") || attrs.includes("!filter")) lfs = false;
  }
  return lfs;
}

/** Decides `uploadMode` for each file of a preupload request, as the Hub does. */
export async function preupload(
  store: HubStore,
  head: Commit,
  body: unknown,
): Promise<{
  files: { path: string; uploadMode: "lfs" | "regular"; shouldIgnore: boolean; oid?: string }[];
  commitOid: string;
}> {
  const request = asRecord(body);
  let attributes = stringField(request, "gitAttributes");
  const attributesEntry = head.files[".gitattributes"];
  if (attributes === undefined && attributesEntry !== undefined) {
    attributes = (await store.readBlob(attributesEntry.oid)).toString("utf8");
  }
  const files = (Array.isArray(request.files) ? request.files : []).map(asRecord).map((file) => {
    const path = stringField(file, "path") ?? "";
    const size = typeof file.size === "number" ? file.size : 0;
    const sample = Buffer.from(stringField(file, "sample") ?? "", "base64");
    const lfs =
      size >= REGULAR_FILE_LIMIT ||
      looksBinary(sample) ||
      (attributes !== undefined && lfsByAttributes(attributes, path));
    const existing = head.files[path];
    return {
      path,
      uploadMode: lfs ? ("lfs" as const) : ("regular" as const),
      shouldIgnore: false,
      ...(existing === undefined ? {} : { oid: existing.oid }),
    };
  });
  return { files, commitOid: head.id };
}

function validPath(path: string | undefined): string {
  if (
    path === undefined ||
    path === "" ||
    path.startsWith("/") ||
    path.split("/").some((p) => p === ".." || p === "." || p === "")
  ) {
    throw new HttpError(400, `Invalid path in commit: ${String(path)}`, "BadRequest");
  }
  if (path === ".git" || path.startsWith(".git/"))
    throw new HttpError(400, "Cannot commit into .git", "BadRequest");
  return path;
}

/** A parsed commit request, files already stored. */
interface CommitRequest {
  summary: string;
  description: string;
  parentCommit?: string;
  changes: { path: string; entry?: FileEntry; folder?: boolean }[];
}

async function parse(store: HubStore, body: AsyncIterable<Buffer>): Promise<CommitRequest> {
  const lines = createInterface({ input: Readable.from(body), crlfDelay: Infinity });
  const request: CommitRequest = { summary: "", description: "", changes: [] };
  let first = true;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = asRecord(JSON.parse(line));
    } catch {
      throw new HttpError(400, "Commit body is not valid NDJSON", "BadRequest");
    }
    const value = asRecord(parsed.value);
    if (first) {
      if (parsed.key !== "header")
        throw new HttpError(400, "The first NDJSON line must be the header", "BadRequest");
      first = false;
      request.summary = stringField(value, "summary") ?? "";
      request.description = stringField(value, "description") ?? "";
      const parent = stringField(value, "parentCommit");
      if (parent !== undefined) request.parentCommit = parent;
      continue;
    }
    const path = validPath(stringField(value, "path"));
    switch (parsed.key) {
      case "file": {
        const encoding = stringField(value, "encoding") ?? "utf-8";
        const data = Buffer.from(
          stringField(value, "content") ?? "",
          encoding === "base64" ? "base64" : "utf8",
        );
        if (data.length >= REGULAR_FILE_LIMIT || data.subarray(0, 8000).includes(0)) {
          throw new HttpError(
            400,
            `Your push was rejected because it contains binary or large files not tracked with LFS: ${path}`,
            "BadRequest",
          );
        }
        const oid = await store.putBlob(data);
        request.changes.push({ path, entry: { oid, size: data.length } });
        break;
      }
      case "lfsFile": {
        const oid = stringField(value, "oid") ?? "";
        const size = value.size;
        const stored = await stat(store.lfsPath(oid)).then(
          (s) => s.size,
          () => undefined,
        );
        if (!/^[0-9a-f]{64}$/.test(oid) || typeof size !== "number" || stored !== size) {
          throw new HttpError(
            422,
            `Your push was rejected because an LFS pointer pointed to a file that does not exist. Offending file: ${path}`,
            "BadRequest",
          );
        }
        const pointer = lfsPointer(oid, size);
        await store.putBlob(pointer);
        request.changes.push({
          path,
          entry: {
            oid: gitBlobOid(pointer),
            size,
            lfs: { oid, size, pointerSize: pointer.length },
          },
        });
        break;
      }
      case "deletedFile":
        request.changes.push({ path });
        break;
      case "deletedFolder":
        request.changes.push({ path, folder: true });
        break;
      default:
        throw new HttpError(400, `Unknown commit operation: ${String(parsed.key)}`, "BadRequest");
    }
  }
  if (first) throw new HttpError(400, "Empty commit body", "BadRequest");
  return request;
}

/** Parses the NDJSON body, then applies it on `branch` under the repository's lock. */
export async function applyCommit(
  store: HubStore,
  repo: Repo,
  branch: string,
  body: AsyncIterable<Buffer>,
  author: string,
): Promise<Commit> {
  if (repo.branches[branch] === undefined) {
    throw new HttpError(404, `Invalid rev id: ${branch}`, "RevisionNotFound");
  }
  const request = await parse(store, body);
  return store.lock.run(`${repo.type}/${repo.name}`, async () => {
    const headId = repo.branches[branch];
    if (headId === undefined)
      throw new HttpError(404, `Invalid rev id: ${branch}`, "RevisionNotFound");
    if (request.parentCommit !== undefined && request.parentCommit !== headId) {
      throw new HttpError(
        412,
        "A commit has happened since. Please refresh and try again.",
        "PreconditionFailed",
      );
    }
    const head = await store.commit(headId);
    const files: Record<string, FileEntry> = { ...head.files };
    for (const change of request.changes) {
      if (change.entry !== undefined) {
        files[change.path] = change.entry;
      } else if (change.folder === true) {
        for (const path of Object.keys(files))
          if (path.startsWith(`${change.path}/`)) Reflect.deleteProperty(files, path);
      } else if (files[change.path] === undefined) {
        throw new HttpError(
          404,
          `File not found in revision ${branch}: ${change.path}`,
          "EntryNotFound",
        );
      } else {
        Reflect.deleteProperty(files, change.path);
      }
    }
    const commit = await store.createCommit({
      parents: [headId],
      title: request.summary,
      message: request.description,
      author,
      files,
    });
    repo.branches[branch] = commit.id;
    await store.saveRepo(repo);
    return commit;
  });
}
