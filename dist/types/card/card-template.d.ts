import type { AuthoredManifest } from "../manifest/types.generated.js";
import type { CardTemplate } from "./render-card.js";
/**
 * The default template's path. It ships in the package's `templates/` folder, which sits a
 * different number of levels above this code in the sources, `dist/` and the action's bundle,
 * so look upward for it.
 */
export declare function defaultTemplatePath(): Promise<string>;
/**
 * The template a manifest asks for: its `card.template` (relative to the manifest's folder),
 * or the default one.
 */
export declare function loadCardTemplate(manifest: AuthoredManifest, manifestDir: string): Promise<CardTemplate>;
