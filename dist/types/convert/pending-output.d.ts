/**
 * Output files written under temporary names in their final folder and renamed into place only
 * when everything has been written and checked; `discard` removes whatever was written (and the
 * folder, if this run created it), so a failed run leaves nothing half-written behind.
 */
export declare class PendingOutput {
    readonly dir: string;
    private readonly files;
    private created;
    private readonly tag;
    constructor(dir: string);
    /** Creates the output folder if needed (remembering it, to remove it on failure). */
    prepare(): Promise<void>;
    /** A temporary path for the file that will become `dir/name`. */
    temp(name: string): string;
    /**
     * Renames every file into place, in the order they were registered (an index last). Should a
     * rename fail, the files already renamed are removed too: a partial set is not left behind.
     */
    commit(): Promise<string[]>;
    discard(): Promise<void>;
}
