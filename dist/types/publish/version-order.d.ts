/** Semantic version precedence (semver.org §11), for "latest" and the order of index.json. */
/** Negative when `a` comes before `b`, positive after, 0 when equal in precedence. */
export declare function compareVersions(a: string, b: string): number;
