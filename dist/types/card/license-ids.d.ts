/** The Hub's own license ids (lower case, as front matter spells them). */
export declare const HUB_LICENSE_IDS: readonly string[];
/** SPDX license ids, as SPDX spells them. */
export declare const SPDX_LICENSE_IDS: readonly string[];
