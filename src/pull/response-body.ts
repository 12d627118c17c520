import { SourceStatusError } from "./pull-source.js";

async function* skipped(body: AsyncIterable<Uint8Array>, skip: number): AsyncGenerator<Uint8Array> {
  let left = skip;
  for await (const chunk of body) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

async function* empty(): AsyncGenerator<Uint8Array> {
  // A body-less answer is a file of no bytes.
}

/**
 * The bytes of a GET answer from `offset` on: a 206 must start where asked; a server that
 * ignored the Range and sent the whole file (200) has the first `offset` bytes dropped. Other
 * statuses fail with a {@link SourceStatusError} (404: not there; 416: shorter than `offset`).
 */
export async function responseBody(
  response: Response,
  offset: number,
  what: string,
): Promise<AsyncIterable<Uint8Array>> {
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceStatusError(response.status, `${what}: HTTP ${response.status}`);
  }
  const body: AsyncIterable<Uint8Array> = response.body ?? empty();
  if (offset === 0) return body;
  if (response.status === 200) return skipped(body, offset);
  const range = /^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "");
  if (range?.[1] !== String(offset)) {
    await response.body?.cancel().catch(() => undefined);
    // Neither a status nor a network fault: a retry would get the same answer.
    throw new Error(
      `${what}: asked for the bytes from ${offset} on, got ${response.headers.get("content-range") ?? "no Content-Range"}`,
    );
  }
  return body;
}
