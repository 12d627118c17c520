import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { HttpError } from "./http-server.js";
import { KeyedLock, pathExists, randomId, writeFileAtomic } from "./http-kit.js";

/**
 * The Hub stand-in's storage: repositories with real commit histories (ids are SHA-1 hex over the
 * commit's content and parents), branches and tags pointing at commits, regular files stored by
 * their git blob SHA-1 and LFS objects by their SHA-256.
 */

export type RepoType = "model" | "dataset" | "space";

/** A file in a commit's tree. */
export interface FileEntry {
  /** Git blob SHA-1 (of the pointer file for LFS files). */
  oid: string;
  size: number;
  lfs?: { oid: string; size: number; pointerSize: number };
}

/** A commit: its parents and the full file tree it records. */
export interface Commit {
  id: string;
  parents: string[];
  title: string;
  message: string;
  date: string;
  author: string;
  files: Record<string, FileEntry>;
}

/** A repository and the refs that point into the shared commit store. */
export interface Repo {
  id: string;
  type: RepoType;
  name: string;
  private: boolean;
  createdAt: string;
  branches: Record<string, string>;
  tags: Record<string, { commit: string; message?: string }>;
}

/** Git's blob id: SHA-1 over "blob <size>\0" and the bytes. */
export function gitBlobOid(data: Buffer): string {
  return createHash("sha1")
    .update(`blob ${String(data.length)}\0`)
    .update(data)
    .digest("hex");
}

/** The Git LFS pointer file that stands in the tree for an LFS object. */
export function lfsPointer(oid: string, size: number): Buffer {
  return Buffer.from(
    `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${String(size)}\n`,
  );
}

/** The `.gitattributes` a new Hub repository starts with. */
export const DEFAULT_GITATTRIBUTES = [
  "*.7z",
  "*.arrow",
  "*.bin",
  "*.bz2",
  "*.ckpt",
  "*.ftz",
  "*.gz",
  "*.h5",
  "*.joblib",
  "*.lfs.*",
  "*.mlmodel",
  "*.model",
  "*.msgpack",
  "*.npy",
  "*.npz",
  "*.onnx",
  "*.ot",
  "*.parquet",
  "*.pb",
  "*.pickle",
  "*.pkl",
  "*.pt",
  "*.pth",
  "*.rar",
  "*.safetensors",
  "saved_model/**/*",
  "*.tar.*",
  "*.tar",
  "*.tflite",
  "*.tgz",
  "*.wasm",
  "*.xz",
  "*.zip",
  "*.zst",
  "*tfevents*",
]
  .map((pattern) => `${pattern} filter=lfs diff=lfs merge=lfs -text\n`)
  .join("");

/** All repositories of one Hub stand-in, persisted under `root`. */
export class HubStore {
  readonly root: string;
  readonly lock = new KeyedLock();
  private readonly repos = new Map<string, Repo>();
  private readonly commits = new Map<string, Commit>();

  constructor(root: string) {
    this.root = root;
  }

  private key(type: RepoType, name: string): string {
    return `${type}/${name}`;
  }

  private repoFile(repo: Repo): string {
    return join(this.root, "repos", repo.type, ...repo.name.split("/"), "repo.json");
  }

  async load(): Promise<void> {
    for (const dir of ["repos", "commits", "blobs", "lfs", "tmp"]) {
      await mkdir(join(this.root, dir), { recursive: true });
    }
    for (const type of await readdir(join(this.root, "repos"))) {
      for (const ns of await readdir(join(this.root, "repos", type))) {
        for (const name of await readdir(join(this.root, "repos", type, ns))) {
          const file = join(this.root, "repos", type, ns, name, "repo.json");
          const repo = JSON.parse(await readFile(file, "utf8")) as Repo;
          this.repos.set(this.key(repo.type, repo.name), repo);
        }
      }
    }
  }

  find(type: RepoType, name: string): Repo | undefined {
    return this.repos.get(this.key(type, name));
  }

  async saveRepo(repo: Repo): Promise<void> {
    this.repos.set(this.key(repo.type, repo.name), repo);
    await writeFileAtomic(this.repoFile(repo), JSON.stringify(repo, null, 1));
  }

  async deleteRepo(repo: Repo): Promise<void> {
    this.repos.delete(this.key(repo.type, repo.name));
    await rm(join(this.root, "repos", repo.type, ...repo.name.split("/")), {
      recursive: true,
      force: true,
    });
  }

  /** Creates a repository with its initial commit (a `.gitattributes`), as the Hub does. */
  async createRepo(
    type: RepoType,
    name: string,
    isPrivate: boolean,
    author: string,
  ): Promise<Repo> {
    const attributes = Buffer.from(DEFAULT_GITATTRIBUTES);
    const oid = await this.putBlob(attributes);
    const commit = await this.createCommit({
      parents: [],
      title: "initial commit",
      message: "",
      author,
      files: { ".gitattributes": { oid, size: attributes.length } },
    });
    const repo: Repo = {
      id: randomId(12),
      type,
      name,
      private: isPrivate,
      createdAt: new Date().toISOString(),
      branches: { main: commit.id },
      tags: {},
    };
    await this.saveRepo(repo);
    return repo;
  }

  blobPath(oid: string): string {
    return join(this.root, "blobs", oid);
  }

  lfsPath(oid: string): string {
    return join(this.root, "lfs", oid);
  }

  tempPath(): string {
    return join(this.root, "tmp", randomId(8));
  }

  /** Stores a regular file's bytes under their git blob id; returns the id. */
  async putBlob(data: Buffer): Promise<string> {
    const oid = gitBlobOid(data);
    const path = this.blobPath(oid);
    if (!(await pathExists(path))) await writeFileAtomic(path, data);
    return oid;
  }

  async readBlob(oid: string): Promise<Buffer> {
    return readFile(this.blobPath(oid));
  }

  async createCommit(draft: Omit<Commit, "id" | "date">): Promise<Commit> {
    const date = new Date().toISOString();
    const files = Object.fromEntries(
      Object.entries(draft.files).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const body = JSON.stringify({ ...draft, files, date });
    const id = createHash("sha1").update(`commit ${body}`).digest("hex");
    const commit: Commit = { ...draft, files, date, id };
    await writeFileAtomic(join(this.root, "commits", `${id}.json`), JSON.stringify(commit));
    this.commits.set(id, commit);
    return commit;
  }

  async commit(id: string): Promise<Commit> {
    const cached = this.commits.get(id);
    if (cached !== undefined) return cached;
    const text = await readFile(join(this.root, "commits", `${id}.json`), "utf8").catch(() => {
      throw new HttpError(404, `Invalid rev id: ${id}`, "RevisionNotFound");
    });
    const commit = JSON.parse(text) as Commit;
    this.commits.set(id, commit);
    return commit;
  }

  /**
   * Resolves a revision (branch, tag, `refs/heads/…`, `refs/tags/…` or a full commit id reachable
   * from a ref of this repository) to its commit.
   */
  async resolve(repo: Repo, revision: string): Promise<Commit> {
    const rev = revision.replace(/^refs\/(heads|tags)\//, "");
    const id = repo.branches[rev] ?? repo.tags[rev]?.commit;
    if (id !== undefined) return this.commit(id);
    if (/^[0-9a-f]{40}$/.test(rev)) {
      for (const head of [
        ...Object.values(repo.branches),
        ...Object.values(repo.tags).map((t) => t.commit),
      ]) {
        for await (const commit of this.history(head)) if (commit.id === rev) return commit;
      }
    }
    throw new HttpError(404, `Invalid rev id: ${revision}`, "RevisionNotFound");
  }

  /** First-parent history from a commit, newest first. */
  async *history(id: string): AsyncGenerator<Commit> {
    let next: string | undefined = id;
    while (next !== undefined) {
      const commit = await this.commit(next);
      yield commit;
      next = commit.parents[0];
    }
  }
}
