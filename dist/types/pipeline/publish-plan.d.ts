import type { AuthoredManifest } from "../manifest/types.generated.js";
import { type PublishResult } from "../publish/publish-release.js";
/** The key id of the throwaway signature a plan is made with; never a release's. */
export declare const PLAN_KEY_ID = "plan-only-throwaway-key";
/**
 * What a release of this folder would upload, and where, without credentials and without asking
 * any remote: the check a pull request gets. Publishing takes a signed folder, so the folder is
 * signed with a throwaway key for the plan and put back as it was (manifest.json restored,
 * manifest.sig.json removed) whatever happens.
 */
export declare function planPublish(dir: string, manifest: AuthoredManifest, env: NodeJS.ProcessEnv, timestamp: string): Promise<PublishResult>;
