import type { HubStore, Repo, RepoType } from "./hub-store.js";
import { HttpError } from "./http-server.js";
import type { RequestContext } from "./http-server.js";

/**
 * Who may do what on the Hub stand-in: one token for one user and its organisations. Anonymous
 * callers may read public repositories; a wrong token is a 401 everywhere; private repositories
 * answer anonymous callers with 401 "Repository not found", as the Hub does.
 */
export class HubAccess {
  private readonly token: string;
  readonly user: string;
  readonly namespaces: ReadonlySet<string>;
  private readonly store: HubStore;

  constructor(store: HubStore, token: string, user: string, orgs: string[]) {
    this.store = store;
    this.token = token;
    this.user = user;
    this.namespaces = new Set([user, ...orgs]);
  }

  /** The caller's user name; undefined when anonymous; 401 for a wrong token. */
  caller(ctx: RequestContext): string | undefined {
    const header = ctx.req.headers.authorization;
    if (header === undefined) return undefined;
    if (header !== `Bearer ${this.token}`) {
      throw new HttpError(401, "Invalid credentials in Authorization header");
    }
    return this.user;
  }

  /** The caller, who must be allowed to write to `namespace`. */
  writer(ctx: RequestContext, namespace: string): string {
    const who = this.caller(ctx);
    if (who === undefined) throw new HttpError(401, "You must be authenticated to do this");
    if (!this.namespaces.has(namespace)) {
      throw new HttpError(403, `You don't have the rights to write to the namespace ${namespace}`);
    }
    return who;
  }

  /** A repository the caller may read. */
  readable(ctx: RequestContext, type: RepoType, name: string): Repo {
    const who = this.caller(ctx);
    const repo = this.store.find(type, name);
    if (repo === undefined || (repo.private && who === undefined)) {
      throw new HttpError(who === undefined ? 401 : 404, "Repository not found", "RepoNotFound");
    }
    return repo;
  }

  /** The whoami-v2 answer for the token's user. */
  whoami(): Record<string, unknown> {
    const org = (name: string) => ({
      type: "org",
      id: "1".repeat(24),
      name,
      fullname: name,
      email: null,
      canPay: false,
      avatarUrl: "",
      periodEnd: null,
    });
    return {
      type: "user",
      id: "0".repeat(24),
      name: this.user,
      fullname: this.user,
      email: `${this.user}@example.invalid`,
      emailVerified: true,
      canPay: false,
      isPro: false,
      periodEnd: null,
      avatarUrl: "",
      billingMode: "prepaid",
      orgs: [...this.namespaces].filter((n) => n !== this.user).map(org),
      auth: {
        type: "access_token",
        accessToken: { displayName: "local", role: "write", createdAt: new Date(0).toISOString() },
      },
    };
  }
}

/** The web URL of a repository. */
export function repoUrl(ctx: RequestContext, repo: Repo): string {
  return `${ctx.baseUrl}/${repo.type === "model" ? "" : `${repo.type}s/`}${repo.name}`;
}
