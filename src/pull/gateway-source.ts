import type { PullSource } from "./pull-source.js";
import { responseBody } from "./response-body.js";

/** `https://ipfs.io`, `https://ipfs.io/`, `https://ipfs.io/ipfs/` → `https://ipfs.io`. */
export function gatewayBase(url: string): string {
  return url.replace(/\/+$/, "").replace(/\/ipfs$/, "");
}

/**
 * A release directory on IPFS read through an HTTP path gateway
 * (`GET {gateway}/ipfs/{cid}/{path}`, ranged for resumes). The gateway is not trusted: every
 * byte is checked against the signed manifest, so any public gateway will do.
 */
export class GatewaySource implements PullSource {
  readonly name = "ipfs" as const;
  readonly gateway: string;
  readonly cid: string | undefined;
  readonly unlocated?: true;

  /** Without `cid`, the source is located later from manifest.json (see {@link PullSource.locate}). */
  constructor(gateway: string, cid?: string) {
    this.gateway = gatewayBase(gateway);
    this.cid = cid;
    if (cid === undefined) this.unlocated = true;
  }

  get target(): string {
    return `ipfs://${this.cid ?? "(CID from manifest.json)"} via ${this.gateway}`;
  }

  locate(cid: string): PullSource {
    return new GatewaySource(this.gateway, cid);
  }

  async read(path: string, offset: number, signal?: AbortSignal) {
    const url = `${this.gateway}/ipfs/${this.cid ?? ""}/${path.split("/").map(encodeURIComponent).join("/")}`;
    const response = await fetch(url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      ...(signal ? { signal } : {}),
    });
    return responseBody(response, offset, `${this.target}: ${path}`);
  }
}
