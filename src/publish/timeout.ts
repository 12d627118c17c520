/**
 * Fails a call that has not settled in time, as a connection error (so it is retried). For client
 * libraries that can stall on a response cut short: `@google-cloud/storage` reads bodies with
 * node-fetch 2, which waits forever for bytes a reset connection will never send.
 */
export async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: "ETIMEDOUT" }));
    }, ms);
  });
  // A call that settles after the timeout must not surface as an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
