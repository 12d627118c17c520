import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { AuthoredManifest } from "../manifest/types.generated.js";
import { configureDestinations } from "../publish/publish-config.js";
import { publishRelease, type PublishResult } from "../publish/publish-release.js";
import { writeFileAtomic } from "../sign/atomic-write.js";
import { SigningKey } from "../sign/keys.js";
import { MANIFEST_FILE, SIGNATURE_FILE } from "../sign/release-files.js";
import { signRelease } from "../sign/sign-release.js";

/** The key id of the throwaway signature a plan is made with; never a release's. */
export const PLAN_KEY_ID = "plan-only-throwaway-key";

/**
 * What a release of this folder would upload, and where, without credentials and without asking
 * any remote: the check a pull request gets. Publishing takes a signed folder, so the folder is
 * signed with a throwaway key for the plan and put back as it was (manifest.json restored,
 * manifest.sig.json removed) whatever happens.
 */
export async function planPublish(
  dir: string,
  manifest: AuthoredManifest,
  env: NodeJS.ProcessEnv,
  timestamp: string,
): Promise<PublishResult> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const original = await readFile(manifestPath);
  const configured = configureDestinations({ manifest, env });
  try {
    await signRelease(dir, await SigningKey.generate(), { keyId: PLAN_KEY_ID, timestamp });
    return await publishRelease({
      dir,
      destinations: configured.destinations,
      secrets: configured.secrets,
      offline: true,
      ...(configured.ipfs ? { ipfs: configured.ipfs } : {}),
    });
  } finally {
    await writeFileAtomic(manifestPath, original);
    await rm(join(dir, SIGNATURE_FILE), { force: true });
  }
}
