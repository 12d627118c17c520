/**
 * Runs `work` over `items` with at most `limit` at once, in item order; the first failure stops
 * new work from starting and is thrown once the running ones have settled.
 */
export declare function runPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void>;
/** At most `limit` holders at once; the others wait in line. */
export declare class Limiter {
    private active;
    private readonly waiting;
    private readonly limit;
    constructor(limit: number);
    /** Runs `work` once a place is free. */
    run<T>(work: () => Promise<T>): Promise<T>;
}
