export interface PeakMemoryOptions {
    provider: string;
    batchSize: number;
    sequenceLength: number;
    /** Inferences after the load (default 3): arenas grow on the first runs. */
    runs?: number;
}
/**
 * Peak resident memory, in bytes, of a fresh process that loads the model and runs it. Measured
 * apart from the benchmark's own process, whose memory holds whatever else it did before (a
 * build, API calls) and moves with when the collector last ran.
 */
export declare function measurePeakMemory(file: string, options: PeakMemoryOptions): Promise<number>;
