/** Why a source is passed over (see `AttemptOutcome`). */
export type RefusalKind = "refused" | "incomplete" | "skipped";
/**
 * A source that does not serve the signed release: a changed, missing or extra file, a bad
 * signature (refused); no signed manifest (incomplete); or a source that cannot be tried
 * (skipped). It is not used and the next source is tried. Not a service failure.
 */
export declare class SourceRefusal extends Error {
    /** The release file at fault, when one is. */
    readonly path: string | undefined;
    readonly kind: RefusalKind;
    constructor(path: string | undefined, message: string, kind?: RefusalKind);
}
