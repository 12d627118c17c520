import type { ValidateFunction } from "ajv";
import type { ReleaseSignature, SignedManifest } from "../manifest/types.generated.js";
import type { FileDigest } from "./hash-files.js";
/**
 * The object the signature covers (PRODUCT.md "What is signed"): id, version, every release file
 * but the two manifests with its digest and size, the Merkle root and the timestamp.
 */
export declare function signedManifestOf(id: string, version: string, files: readonly FileDigest[], timestamp: string): SignedManifest;
/** The signed files as Merkle entries. */
export declare function signedEntries(manifest: SignedManifest): FileDigest[];
/** A short account of ajv errors for a message: `/a/b must be …; /c …`. */
export declare function schemaErrorText(validate: ValidateFunction): string;
/** Type guard over the compiled signature schema. */
export declare function isReleaseSignature(validate: ValidateFunction, value: unknown): value is ReleaseSignature;
