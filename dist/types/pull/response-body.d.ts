/**
 * The bytes of a GET answer from `offset` on: a 206 must start where asked; a server that
 * ignored the Range and sent the whole file (200) has the first `offset` bytes dropped. Other
 * statuses fail with a {@link SourceStatusError} (404: not there; 416: shorter than `offset`).
 */
export declare function responseBody(response: Response, offset: number, what: string): Promise<AsyncIterable<Uint8Array>>;
