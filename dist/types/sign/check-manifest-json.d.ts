import type { SignedManifest } from "../manifest/types.generated.js";
import { type VerifyProblem } from "./verify-problem.js";
/**
 * Checks that manifest.json (unsigned, and what most readers look at) says what the signed
 * object says: the same id, version, root, timestamp, and the same digest and size for every file.
 */
export declare function checkManifestJson(dir: string, signed: SignedManifest): Promise<VerifyProblem[]>;
