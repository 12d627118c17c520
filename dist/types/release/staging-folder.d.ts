/**
 * A release folder built under a hidden name beside its destination and renamed into place only
 * when complete, so an interrupted build never leaves a folder that looks like a release.
 */
export declare class StagingFolder {
    readonly target: string;
    readonly path: string;
    private constructor();
    /** Refuses a destination that already holds files: a built release is never overwritten. */
    static create(target: string): Promise<StagingFolder>;
    /** Moves the finished folder to its destination (an empty folder there is replaced, nothing else). */
    commit(): Promise<void>;
    discard(): Promise<void>;
}
