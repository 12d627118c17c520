/** `pipeline_tag` values the Hub knows (`@huggingface/tasks` PIPELINE_TYPES). */
export declare const PIPELINE_TAGS: readonly string[];
/** `library_name` values: `@huggingface/tasks` model libraries, plus the framework names above. */
export declare const LIBRARY_NAMES: readonly string[];
/** Names people write for a task that the Hub spells otherwise; tried before "did you mean". */
export declare const PIPELINE_ALIASES: Readonly<Record<string, string>>;
/** The Hub's license ids. */
export declare const HUB_LICENSES: ReadonlySet<string>;
/** The SPDX spelling of an id given in any case, or undefined if SPDX has no such id. */
export declare function spdxLicense(id: string): string | undefined;
/** Where SPDX publishes a license's text, for `license_link`. */
export declare function spdxLicenseUrl(spdxId: string): string;
