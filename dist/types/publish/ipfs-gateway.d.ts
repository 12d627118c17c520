import type { PublishContext, ReadBackProblem } from "./destination.js";
import type { ReleaseDag } from "./release-dag.js";
/**
 * Reads a release back from an IPFS gateway the trustless way
 * (https://specs.ipfs.tech/http-gateways/trustless-gateway/): the root's whole DAG as a CAR
 * whose every block is re-hashed and linked from the root, and the content directory's block as
 * raw bytes, compared with the one computed here.
 */
export declare function readBackFromGateway(gateway: string, dag: ReleaseDag, context: PublishContext): Promise<ReadBackProblem[]>;
