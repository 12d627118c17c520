/**
 * The output folder, written once and whole: each source is pulled into a hidden staging folder
 * beside it (`.{name}.pull-{host}-{pid}-XXXXXX`, on the same file system, so the final rename is
 * atomic), and only a verified release is renamed into place. An existing non-empty folder is
 * never touched. Staging folders are named by host and process, so one left by a killed pull is
 * recognised, and removed by the next pull into the same folder on the same host.
 */
export declare class OutputFolder {
    readonly path: string;
    constructor(path: string);
    private get stagingPrefix();
    /** Removes staging folders of pulls whose process is gone (killed before it could clean up). */
    private sweep;
    /**
     * Refuses an existing file or non-empty folder; creates the parent folders; removes what
     * killed pulls into the same folder left behind.
     */
    check(): Promise<void>;
    /** A fresh, empty staging folder beside the output. */
    staging(): Promise<string>;
    /** Moves a complete staging folder into place; refuses if the output was filled meanwhile. */
    commit(staging: string): Promise<void>;
    /** Removes a staging folder that will not be used. */
    discard(staging: string): Promise<void>;
}
