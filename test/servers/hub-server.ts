import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FaultInjector } from "./faults.js";
import { applyCommit, preupload } from "./hub-commit.js";
import { LfsService } from "./hub-lfs.js";
import { HubStore } from "./hub-store.js";
import type { Repo, RepoType } from "./hub-store.js";
import { HubAccess, repoUrl } from "./hub-access.js";
import { branchRequest, sendCommits, sendRefs, sendRepoInfo, tagRequest } from "./hub-refs.js";
import { listTree, pathsInfo, sendRepoFile } from "./hub-tree.js";
import { asRecord, randomId, readBody, readJson, sendJson, stringField } from "./http-kit.js";
import { HttpError, startHttpServer } from "./http-server.js";
import type { RequestContext, RequestLogEntry } from "./http-server.js";

/** Options of {@link startHubServer}. */
export interface HubServerOptions {
  /** Where repositories are kept; a fresh temporary folder when omitted. Reusing one keeps its state. */
  storageDir?: string;
  /** The one valid access token (the client insists on the `hf_` prefix). */
  token?: string;
  /** The token's user, and the organisations it may write to. */
  user?: string;
  orgs?: string[];
  /** LFS objects above this size use multipart transfer. Default 64 MiB. */
  lfsMultipartThreshold?: number;
  /** Part size of multipart transfers. Default 16 MiB. */
  lfsPartSize?: number;
  /** Tree entries per page (without / with `expand`). Defaults 1000 / 50, as on the Hub. */
  treePageSize?: number;
  treeExpandPageSize?: number;
  faults?: FaultInjector;
  /** Port to listen on (to come back at the same URL after a restart); default a free one. */
  port?: number;
}

/** A running Hugging Face Hub stand-in. */
export interface HubServer {
  /** Pass as `hubUrl` to every `@huggingface/hub` call. */
  url: string;
  token: string;
  user: string;
  storageDir: string;
  faults: FaultInjector;
  log: RequestLogEntry[];
  /** A repository's state (branches, tags) for assertions. */
  repo: (name: string, type?: RepoType) => Repo | undefined;
  stop: () => Promise<void>;
}

const TYPES: Record<string, RepoType> = { models: "model", datasets: "dataset", spaces: "space" };

function formatError(error: HttpError) {
  const headers: Record<string, string> = { "X-Request-Id": randomId(8) };
  if (error.reason !== undefined) headers["X-Error-Code"] = error.reason;
  headers["X-Error-Message"] = error.message.replace(/[^\x20-\x7e]/g, "?");
  return {
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ error: error.message }),
    headers,
  };
}

function segments(pathname: string): string[] {
  return pathname
    .split("/")
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new HttpError(400, `Malformed path segment: ${s}`);
      }
    });
}

/**
 * Starts a stand-in for the Hugging Face Hub on 127.0.0.1 that the real `@huggingface/hub`
 * client drives through `hubUrl`: whoami, repo create/info/delete, preupload, Git LFS batch with
 * basic and multipart transfers, NDJSON commits with the `parentCommit` guard, tree listing with
 * pages and `expand`, paths-info, resolve/raw with Range, commits, refs, branches and tags.
 */
export async function startHubServer(options: HubServerOptions = {}): Promise<HubServer> {
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), "hub-server-")));
  const token = options.token ?? "hf_local_test_token_0000000000";
  const user = options.user ?? "test-user";
  const store = new HubStore(storageDir);
  await store.load();
  const lfs = new LfsService(store, {
    multipartThreshold: options.lfsMultipartThreshold ?? 64 * 1024 * 1024,
    partSize: options.lfsPartSize ?? 16 * 1024 * 1024,
  });
  const pageSize = {
    plain: options.treePageSize ?? 1000,
    expanded: options.treeExpandPageSize ?? 50,
  };

  const access = new HubAccess(store, token, user, options.orgs ?? ["test-org"]);

  const pathsInfoRequest = async (ctx: RequestContext, repo: Repo, rev: string) => {
    const raw = (await readBody(ctx.body)).toString("utf8");
    let paths: string[];
    let expand: boolean;
    if ((ctx.req.headers["content-type"] ?? "").includes("json")) {
      const json = asRecord(JSON.parse(raw));
      paths = Array.isArray(json.paths) ? json.paths.filter((p) => typeof p === "string") : [];
      expand = json.expand === true;
    } else {
      // huggingface_hub (Python) posts a form.
      const form = new URLSearchParams(raw);
      paths = form.getAll("paths");
      expand = ["true", "True"].includes(form.get("expand") ?? "");
    }
    await pathsInfo(ctx, store, await store.resolve(repo, rev), paths, expand);
  };

  const repoApi = async (ctx: RequestContext, type: RepoType, name: string, rest: string[]) => {
    const { method } = ctx;
    const [action, ...args] = rest;
    const rev = args[0] ?? "main";
    if (method === "GET" || (method === "POST" && action === "paths-info")) {
      const repo = access.readable(ctx, type, name);
      if (action === undefined) return sendRepoInfo(ctx, store, repo, "main");
      if (action === "revision") return sendRepoInfo(ctx, store, repo, rev);
      if (action === "tree") {
        const commit = await store.resolve(repo, rev);
        return listTree(ctx, store, commit, args.slice(1).join("/"), pageSize);
      }
      if (action === "paths-info") return pathsInfoRequest(ctx, repo, rev);
      if (action === "commits") return sendCommits(ctx, store, repo, rev);
      if (action === "refs") {
        sendRefs(ctx, repo);
        return;
      }
    }
    const who = access.writer(ctx, name.split("/")[0] ?? "");
    const repo = access.readable(ctx, type, name);
    if (ctx.url.searchParams.get("create_pr") === "1") {
      throw new HttpError(400, "Pull requests are not supported by this local Hub");
    }
    if (action === "preupload" && method === "POST") {
      const body = await readJson(ctx.body);
      sendJson(ctx.res, 200, await preupload(store, await store.resolve(repo, rev), body));
      return;
    }
    if (action === "commit" && method === "POST") {
      const commit = await applyCommit(store, repo, rev, ctx.body, who);
      sendJson(ctx.res, 200, {
        success: true,
        commitOid: commit.id,
        commitUrl: `${repoUrl(ctx, repo)}/commit/${commit.id}`,
        hookOutput: "",
      });
      return;
    }
    if (action === "branch" && args[0] !== undefined) {
      return branchRequest(ctx, store, repo, args[0], who);
    }
    if (action === "tag" && args[0] !== undefined) return tagRequest(ctx, store, repo, args[0]);
    throw new HttpError(404, `Not found: ${method} ${ctx.url.pathname}`);
  };

  const reposRequest = async (ctx: RequestContext, verb: string) => {
    const body = asRecord(await readJson(ctx.body));
    const type = stringField(body, "type") ?? "model";
    if (type !== "model" && type !== "dataset" && type !== "space") {
      throw new HttpError(400, `Invalid repo type: ${type}`);
    }
    const namespace = stringField(body, "organization") ?? access.caller(ctx) ?? "";
    const short = stringField(body, "name") ?? "";
    if (!/^[\w.-]{1,96}$/.test(short) || short.includes("..")) {
      throw new HttpError(400, `Invalid repo name: ${short}`);
    }
    const name = `${namespace}/${short}`;
    const who = access.writer(ctx, namespace);
    await store.lock.run(`${type}/${name}`, async () => {
      const existing = store.find(type, name);
      if (verb === "delete" && ctx.method === "DELETE") {
        if (existing === undefined)
          throw new HttpError(404, "Repository not found", "RepoNotFound");
        await store.deleteRepo(existing);
        sendJson(ctx.res, 200, {});
        return;
      }
      if (verb !== "create" || ctx.method !== "POST")
        throw new HttpError(405, "Method not allowed");
      if (existing !== undefined) {
        throw new HttpError(
          409,
          `You already created this ${type} repo: ${repoUrl(ctx, existing)}`,
        );
      }
      const isPrivate = body.private === true || body.visibility === "private";
      const repo = await store.createRepo(type, name, isPrivate, who);
      sendJson(ctx.res, 200, { url: repoUrl(ctx, repo), name: repo.name, id: repo.id });
    });
  };

  const handler = async (ctx: RequestContext): Promise<void> => {
    const parts = segments(ctx.url.pathname);
    const { method } = ctx;
    if (parts[0] === "api") {
      if (parts[1] === "whoami-v2" && method === "GET") {
        if (access.caller(ctx) === undefined)
          throw new HttpError(401, "Invalid username or password.");
        sendJson(ctx.res, 200, access.whoami());
        return;
      }
      if (parts[1] === "repos" && parts[2] !== undefined) return reposRequest(ctx, parts[2]);
      const type = TYPES[parts[1] ?? ""];
      if (type !== undefined && parts.length >= 4) {
        return repoApi(ctx, type, `${parts[2] ?? ""}/${parts[3] ?? ""}`, parts.slice(4));
      }
    }
    if (parts[0] === "lfs-upload" && parts[1] !== undefined && method === "PUT")
      return lfs.putObject(ctx, parts[1]);
    if (parts[0] === "lfs-objects" && parts[1] !== undefined && method === "GET")
      return lfs.getObject(ctx, parts[1]);
    if (
      parts[0] === "lfs-multipart" &&
      parts[1] !== undefined &&
      parts[2] !== undefined &&
      parts[3] !== undefined
    ) {
      if (parts[3] === "complete" && method === "POST")
        return lfs.complete(ctx, parts[1], parts[2]);
      if (method === "PUT") return lfs.putPart(ctx, parts[1], parts[2], parts[3]);
    }
    const typed = parts[0] === "datasets" || parts[0] === "spaces";
    const type: RepoType = typed ? (TYPES[parts[0] ?? ""] ?? "model") : "model";
    const rest = typed ? parts.slice(1) : parts;
    const [namespace = "", repoName = "", kind, rev, ...path] = rest;
    if (
      repoName.endsWith(".git") &&
      kind === "info" &&
      rev === "lfs" &&
      path[0] === "objects" &&
      method === "POST"
    ) {
      const name = `${namespace}/${repoName.slice(0, -4)}`;
      access.writer(ctx, namespace);
      access.readable(ctx, type, name);
      if (path[1] === "batch") return lfs.batch(ctx);
      if (path[1] === "verify") return lfs.verifyObject(ctx);
    }
    if (
      (kind === "resolve" || kind === "raw") &&
      rev !== undefined &&
      (method === "GET" || method === "HEAD")
    ) {
      const repo = access.readable(ctx, type, `${namespace}/${repoName}`);
      return sendRepoFile(
        ctx,
        store,
        await store.resolve(repo, rev),
        path.join("/"),
        kind === "raw",
      );
    }
    throw new HttpError(404, `Not found: ${method} ${ctx.url.pathname}`);
  };

  const server = await startHttpServer({
    handler,
    formatError,
    faults: options.faults,
    port: options.port,
  });
  return {
    url: server.url,
    token,
    user,
    storageDir,
    faults: server.faults,
    log: server.log,
    repo: (name, type = "model") => store.find(type, name),
    stop: server.stop,
  };
}
