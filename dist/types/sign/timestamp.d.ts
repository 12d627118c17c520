/** RFC 3339 UTC, whole seconds: `2024-05-01T12:00:00Z`. */
export declare function formatTimestamp(epochSeconds: number): string;
/** Whether text is an RFC 3339 date-time in UTC (`Z`), the only form a release timestamp takes. */
export declare function isUtcTimestamp(text: string): boolean;
export interface TimestampSource {
    env?: NodeJS.ProcessEnv;
    /** A git tag whose commit time gives the timestamp when SOURCE_DATE_EPOCH is not set. */
    tag?: string;
    /** The git work tree the tag is in. */
    cwd?: string;
}
/**
 * The release timestamp, which must not depend on when the build ran (two builds of the same
 * inputs are byte-identical): `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else the
 * commit time of the release tag. Neither is a usage error: the clock is never read.
 */
export declare function releaseTimestamp(source?: TimestampSource): Promise<string>;
