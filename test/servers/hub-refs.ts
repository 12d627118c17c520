import type { HubStore, Repo } from "./hub-store.js";
import { asRecord, readJson, sendJson, stringField } from "./http-kit.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";

/** Repository metadata, history and references of the Hub stand-in. */

const REF_NAME = /^[\w.\-/]+$/;

/** GET /api/{type}s/{repo}[/revision/{rev}] */
export async function sendRepoInfo(ctx: RequestContext, store: HubStore, repo: Repo, rev: string) {
  const commit = await store.resolve(repo, rev);
  sendJson(ctx.res, 200, {
    _id: repo.id,
    id: repo.name,
    ...(repo.type === "model" ? { modelId: repo.name } : {}),
    author: repo.name.split("/")[0],
    sha: commit.id,
    lastModified: commit.date,
    createdAt: repo.createdAt,
    private: repo.private,
    gated: false,
    disabled: false,
    downloads: 0,
    likes: 0,
    tags: [],
    siblings: Object.keys(commit.files).map((rfilename) => ({ rfilename })),
  });
}

/** GET /api/{type}s/{repo}/refs */
export function sendRefs(ctx: RequestContext, repo: Repo): void {
  const branches = Object.entries(repo.branches).map(([name, targetCommit]) => ({
    name,
    ref: `refs/heads/${name}`,
    targetCommit,
  }));
  const tags = Object.entries(repo.tags).map(([name, tag]) => ({
    name,
    ref: `refs/tags/${name}`,
    targetCommit: tag.commit,
  }));
  const pulls = ctx.url.searchParams.get("include_prs") === "1" ? { pullRequests: [] } : {};
  sendJson(ctx.res, 200, { branches, converts: [], tags, ...pulls });
}

/** GET /api/{type}s/{repo}/commits/{rev}?limit=&p= (first-parent history, newest first). */
export async function sendCommits(ctx: RequestContext, store: HubStore, repo: Repo, rev: string) {
  const head = await store.resolve(repo, rev);
  const limit = Math.max(1, Math.min(Number(ctx.url.searchParams.get("limit")) || 50, 1000));
  const page = Math.max(0, Number(ctx.url.searchParams.get("p")) || 0);
  const all = [];
  for await (const commit of store.history(head.id)) all.push(commit);
  const slice = all.slice(page * limit, (page + 1) * limit).map((c) => ({
    id: c.id,
    title: c.title,
    message: c.message,
    authors: [{ user: c.author, avatar: "" }],
    date: c.date,
  }));
  const headers: Record<string, string> = {};
  if ((page + 1) * limit < all.length) {
    const next = new URL(ctx.url.href);
    next.searchParams.set("p", String(page + 1));
    headers.Link = `<${next.href}>; rel="next"`;
  }
  sendJson(ctx.res, 200, slice, headers);
}

function mutate(store: HubStore, repo: Repo, work: () => Promise<void>): Promise<void> {
  return store.lock.run(`${repo.type}/${repo.name}`, async () => {
    await work();
    await store.saveRepo(repo);
  });
}

/** POST|DELETE /api/{type}s/{repo}/branch/{branch} */
export async function branchRequest(
  ctx: RequestContext,
  store: HubStore,
  repo: Repo,
  branch: string,
  who: string,
): Promise<void> {
  if (ctx.method === "DELETE") {
    await mutate(store, repo, () => {
      if (branch === "main") throw new HttpError(403, "Cannot delete the default branch");
      if (repo.branches[branch] === undefined) {
        throw new HttpError(404, `Branch ${branch} not found`, "RevisionNotFound");
      }
      Reflect.deleteProperty(repo.branches, branch);
      return Promise.resolve();
    });
    sendJson(ctx.res, 200, {});
    return;
  }
  if (ctx.method !== "POST") throw new HttpError(405, "Method not allowed");
  const body = asRecord(await readJson(ctx.body));
  if (!REF_NAME.test(branch) || branch.startsWith("refs/") || branch.includes("..")) {
    throw new HttpError(400, `Invalid branch name: ${branch}`);
  }
  await mutate(store, repo, async () => {
    if (repo.branches[branch] !== undefined && body.overwrite !== true) {
      throw new HttpError(409, `Reference already exists: refs/heads/${branch}`);
    }
    const target =
      body.emptyBranch === true
        ? await store.createCommit({
            parents: [],
            title: "empty",
            message: "",
            author: who,
            files: {},
          })
        : await store.resolve(repo, stringField(body, "startingPoint") ?? "main");
    repo.branches[branch] = target.id;
  });
  sendJson(ctx.res, 200, {});
}

/** POST /api/{type}s/{repo}/tag/{rev} with `{ tag, message }`; DELETE /api/{type}s/{repo}/tag/{tag}. */
export async function tagRequest(
  ctx: RequestContext,
  store: HubStore,
  repo: Repo,
  arg: string,
): Promise<void> {
  if (ctx.method === "DELETE") {
    await mutate(store, repo, () => {
      if (repo.tags[arg] === undefined) {
        throw new HttpError(404, `Tag ${arg} not found`, "RevisionNotFound");
      }
      Reflect.deleteProperty(repo.tags, arg);
      return Promise.resolve();
    });
    sendJson(ctx.res, 200, {});
    return;
  }
  if (ctx.method !== "POST") throw new HttpError(405, "Method not allowed");
  const body = asRecord(await readJson(ctx.body));
  const tag = stringField(body, "tag");
  if (tag === undefined || !REF_NAME.test(tag)) throw new HttpError(400, "Invalid tag name");
  await mutate(store, repo, async () => {
    if (repo.tags[tag] !== undefined) throw new HttpError(409, `Tag ${tag} already exists`);
    const commit = await store.resolve(repo, arg);
    const message = stringField(body, "message");
    repo.tags[tag] = message === undefined ? { commit: commit.id } : { commit: commit.id, message };
  });
  sendJson(ctx.res, 200, {});
}
