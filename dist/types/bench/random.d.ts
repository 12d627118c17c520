/** A small seeded PRNG (mulberry32): reproducible bootstraps and simulations on every platform. */
export declare class SeededRandom {
    private state;
    constructor(seed: number);
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform integer in [0, n). */
    int(n: number): number;
    /** Standard normal (Box–Muller). */
    normal(): number;
}
