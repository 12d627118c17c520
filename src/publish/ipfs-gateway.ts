import { checkCar } from "../formats/car.js";
import type { PublishContext, ReadBackProblem } from "./destination.js";
import type { ReleaseDag } from "./release-dag.js";
import { remoteFailed, transientVerdict } from "./remote-error.js";
import { withRetry } from "./retry.js";

class GatewayStatusError extends Error {
  readonly status: number;
  readonly response: { status: number; headers: Headers };
  constructor(status: number, headers: Headers, message: string) {
    super(message);
    this.status = status;
    this.response = { status, headers };
  }
}

/**
 * Reads a release back from an IPFS gateway the trustless way
 * (https://specs.ipfs.tech/http-gateways/trustless-gateway/): the root's whole DAG as a CAR
 * whose every block is re-hashed and linked from the root, and the content directory's block as
 * raw bytes, compared with the one computed here.
 */
export async function readBackFromGateway(
  gateway: string,
  dag: ReleaseDag,
  context: PublishContext,
): Promise<ReadBackProblem[]> {
  const base = gateway.replace(/\/$/, "");
  const label = `gateway ${base}`;
  const get = async (path: string, accept: string): Promise<Response> => {
    const response = await fetch(`${base}${path}`, {
      headers: { Accept: accept },
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new GatewayStatusError(
        response.status,
        response.headers,
        `${path}: HTTP ${response.status}`,
      );
    }
    return response;
  };
  const retry = <T>(what: string, work: () => Promise<T>): Promise<T> =>
    withRetry(what, work, transientVerdict, context.retry, {
      ...(context.signal ? { signal: context.signal } : {}),
      onRetry: (notice) => {
        context.emit({ type: "retry", destination: "ipfs", ...notice });
      },
    });
  const root = dag.root.root.toString();
  const problems: ReadBackProblem[] = [];
  let check;
  try {
    check = await retry("fetching the release CAR", async () => {
      const response = await get(
        `/ipfs/${root}?format=car&dag-scope=all`,
        "application/vnd.ipld.car",
      );
      if (response.body === null) throw new Error("no body");
      return checkCar(response.body, dag.root.root);
    });
  } catch (error) {
    if (error instanceof GatewayStatusError && error.status === 404) {
      return [
        {
          message: `${label} does not have the release root ${root} (with the signed manifest): the release is incomplete there`,
          incomplete: true,
        },
      ];
    }
    throw remoteFailed(label, "fetching the release CAR", error);
  }
  for (const cid of check.corrupt)
    problems.push({ message: `${label}: block ${cid} does not match its hash` });
  if (!check.hasRoot)
    problems.push({ message: `${label}: the CAR lacks the root ${root}`, incomplete: true });
  for (const cid of check.missing.slice(0, 10))
    problems.push({ message: `${label}: block ${cid} of the release DAG is missing` });
  const content = dag.content.root.toString();
  try {
    const block = await retry("fetching the content directory", async () => {
      const response = await get(`/ipfs/${content}?format=raw`, "application/vnd.ipld.raw");
      return new Uint8Array(await response.arrayBuffer());
    });
    if (!Buffer.from(block).equals(Buffer.from(dag.content.block))) {
      problems.push({
        message: `${label}: the content directory ${content} differs from the one computed here`,
      });
    }
  } catch (error) {
    problems.push({
      message: `${label}: the content directory ${content} named in manifest.json cannot be read (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  return problems;
}
