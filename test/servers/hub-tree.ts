import { createHash } from "node:crypto";
import type { Commit, HubStore } from "./hub-store.js";
import { sendFile, sendJson } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";

/**
 * Reading a revision: tree listings (recursive or not, `expand` adding each entry's last commit,
 * pages linked with `Link: <…>; rel="next"`), paths-info, and file downloads (`resolve`, `raw`)
 * with Range support and the Hub's `X-Repo-Commit` / `X-Linked-*` headers.
 */

export interface TreeEntry {
  type: "file" | "directory";
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  lastCommit?: { id: string; title: string; date: string };
}

/** Every file and directory of a commit, sorted by path. */
function allEntries(commit: Commit): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  const children = new Map<string, string[]>();
  for (const [path, file] of Object.entries(commit.files)) {
    const entry: TreeEntry = { type: "file", oid: file.oid, size: file.size, path };
    if (file.lfs !== undefined) entry.lfs = file.lfs;
    entries.set(path, entry);
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      const list = children.get(dir) ?? [];
      list.push(path);
      children.set(dir, list);
    }
  }
  for (const [dir, files] of children) {
    const hash = createHash("sha1");
    for (const file of files.sort()) hash.update(`${file} ${commit.files[file]?.oid ?? ""}\n`);
    entries.set(dir, { type: "directory", oid: hash.digest("hex"), size: 0, path: dir });
  }
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The most recent commit that changed `path` (a file, or anything under a directory). */
async function lastCommitOf(store: HubStore, head: Commit, entry: TreeEntry) {
  const under = (commit: Commit) =>
    Object.entries(commit.files)
      .filter(([p]) => (entry.type === "file" ? p === entry.path : p.startsWith(`${entry.path}/`)))
      .map(([p, f]) => `${p}:${f.oid}`)
      .join(",");
  let found = head;
  for await (const commit of store.history(head.id)) {
    const parent = commit.parents[0];
    found = commit;
    if (parent === undefined || under(await store.commit(parent)) !== under(commit)) break;
  }
  return { id: found.id, title: found.title, date: found.date };
}

/** GET /api/{type}s/{repo}/tree/{rev}[/{path}]?recursive=&expand=&cursor=&limit= */
export async function listTree(
  ctx: RequestContext,
  store: HubStore,
  commit: Commit,
  path: string,
  pageSize: { plain: number; expanded: number },
): Promise<void> {
  const query = ctx.url.searchParams;
  const recursive = query.get("recursive") === "true" || query.get("recursive") === "1";
  const expand = query.get("expand") === "true" || query.get("expand") === "1";
  const entries = allEntries(commit);
  if (path !== "" && entries.get(path)?.type !== "directory") {
    throw new HttpError(404, `Entry not found: ${path}`, "EntryNotFound");
  }
  const prefix = path === "" ? "" : `${path}/`;
  const listed = [...entries.values()].filter(
    (e) => e.path.startsWith(prefix) && (recursive || !e.path.slice(prefix.length).includes("/")),
  );
  const cursor = query.get("cursor");
  const after = cursor === null ? undefined : Buffer.from(cursor, "base64url").toString("utf8");
  const start = after === undefined ? 0 : listed.findIndex((e) => e.path > after);
  const limit = Math.min(
    Number(query.get("limit")) || Infinity,
    expand ? pageSize.expanded : pageSize.plain,
  );
  const page = start < 0 ? [] : listed.slice(start, start + limit);
  const body: TreeEntry[] = [];
  for (const entry of page) {
    body.push(expand ? { ...entry, lastCommit: await lastCommitOf(store, commit, entry) } : entry);
  }
  const headers: Record<string, string> = {};
  const last = page.at(-1);
  if (start >= 0 && start + limit < listed.length && last !== undefined) {
    const next = new URL(ctx.url.href);
    next.searchParams.set("cursor", Buffer.from(last.path).toString("base64url"));
    headers.Link = `<${next.href}>; rel="next"`;
  }
  sendJson(ctx.res, 200, body, headers);
}

/** POST /api/{type}s/{repo}/paths-info/{rev}: entries for the paths that exist. */
export async function pathsInfo(
  ctx: RequestContext,
  store: HubStore,
  commit: Commit,
  paths: string[],
  expand: boolean,
): Promise<void> {
  const entries = allEntries(commit);
  const body: TreeEntry[] = [];
  for (const path of paths) {
    const entry = entries.get(path.replace(/\/+$/, ""));
    if (entry === undefined) continue;
    body.push(expand ? { ...entry, lastCommit: await lastCommitOf(store, commit, entry) } : entry);
  }
  sendJson(ctx.res, 200, body);
}

/** GET|HEAD /{repo}/resolve/{rev}/{path} (the file) and /raw/ (the LFS pointer for LFS files). */
export async function sendRepoFile(
  ctx: RequestContext,
  store: HubStore,
  commit: Commit,
  path: string,
  raw: boolean,
): Promise<void> {
  const file = commit.files[path];
  if (file === undefined) throw new HttpError(404, `Entry not found: ${path}`, "EntryNotFound");
  const name = path.split("/").at(-1) ?? path;
  const headers: Record<string, string> = {
    "Content-Type": "application/octet-stream",
    "X-Repo-Commit": commit.id,
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}; filename="${name.replace(/[^\x20-\x7e]|"/g, "_")}"`,
  };
  if (file.lfs !== undefined && !raw) {
    headers.ETag = `"${file.lfs.oid}"`;
    headers["X-Linked-ETag"] = `"${file.lfs.oid}"`;
    headers["X-Linked-Size"] = String(file.lfs.size);
    await sendFile(
      ctx.res,
      store.lfsPath(file.lfs.oid),
      file.lfs.size,
      ctx.req.headers.range,
      headers,
    );
    return;
  }
  headers.ETag = `"${file.oid}"`;
  const size = file.lfs === undefined ? file.size : file.lfs.pointerSize;
  await sendFile(ctx.res, store.blobPath(file.oid), size, ctx.req.headers.range, headers);
}
