/**
 * Fails a call that has not settled in time, as a connection error (so it is retried). For client
 * libraries that can stall on a response cut short: `@google-cloud/storage` reads bodies with
 * node-fetch 2, which waits forever for bytes a reset connection will never send.
 */
export declare function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T>;
