import { HttpError } from "./http-server.js";

/**
 * A streaming multipart parser (multipart/related for GCS, multipart/form-data for Kubo): parts
 * come one at a time and each body streams, so a multi-GB part never sits in memory. A part's body
 * must be consumed (or is drained) before the next part is read.
 */

/** One part: lower-cased headers and a streaming body. */
export interface MultipartPart {
  headers: Map<string, string>;
  body: AsyncIterable<Buffer>;
}

const MAX_HEADER_BYTES = 64 * 1024;

/** The boundary of a multipart Content-Type, or a 400. */
export function multipartBoundary(contentType: string | undefined): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) {
    throw new HttpError(
      400,
      `expected a multipart body with a boundary, got ${contentType ?? "none"}`,
    );
  }
  return boundary;
}

/** Pulls bytes from a source on demand. */
class Reader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  get buffered(): Buffer {
    return this.buffer;
  }

  get ended(): boolean {
    return this.done;
  }

  consume(count: number): Buffer {
    const head = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return head;
  }

  /** Reads one more chunk; false at the end of the source. */
  async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.iterator.next();
    if (next.done === true) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return true;
  }

  /** Ensures at least `count` bytes are buffered; false if the source ends first. */
  async need(count: number): Promise<boolean> {
    while (this.buffer.length < count) {
      if (!(await this.fill())) return false;
    }
    return true;
  }
}

function truncated(): HttpError {
  return new HttpError(400, "multipart body ended before its closing boundary");
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Yields the parts of a multipart body in order. */
export async function* parseMultipart(
  source: AsyncIterable<Buffer>,
  boundary: string,
): AsyncGenerator<MultipartPart> {
  const reader = new Reader(source);
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);

  // Preamble: skip to the first boundary.
  for (;;) {
    const at = reader.buffered.indexOf(opening);
    if (at >= 0) {
      reader.consume(at + opening.length);
      break;
    }
    reader.consume(Math.max(0, reader.buffered.length - opening.length));
    if (!(await reader.fill())) throw truncated();
  }

  for (;;) {
    // After a boundary: "--" closes the body, CRLF starts a part.
    if (!(await reader.need(2))) throw truncated();
    const after = reader.consume(2).toString("latin1");
    if (after === "--") return;
    if (after !== "\r\n") throw new HttpError(400, "malformed multipart boundary line");

    let end = reader.buffered.indexOf("\r\n\r\n");
    while (end < 0) {
      if (reader.buffered.length > MAX_HEADER_BYTES)
        throw new HttpError(400, "multipart headers too long");
      if (!(await reader.fill())) throw truncated();
      end = reader.buffered.indexOf("\r\n\r\n");
    }
    const headers = parseHeaders(reader.consume(end).toString("utf8"));
    reader.consume(4);

    const state = { finished: false };
    /** The next piece of this part's body, or undefined once its delimiter is reached. */
    const readSome = async (): Promise<Buffer | undefined> => {
      while (!state.finished) {
        const at = reader.buffered.indexOf(delimiter);
        if (at >= 0) {
          const data = reader.consume(at);
          reader.consume(delimiter.length);
          state.finished = true;
          return data.length > 0 ? data : undefined;
        }
        // Keep a tail that could be the start of a delimiter split across chunks.
        const safe = reader.buffered.length - (delimiter.length - 1);
        if (safe > 0) return reader.consume(safe);
        if (!(await reader.fill())) throw truncated();
      }
      return undefined;
    };
    const body = async function* (): AsyncGenerator<Buffer> {
      for (let chunk = await readSome(); chunk !== undefined; chunk = await readSome()) {
        yield chunk;
      }
    };
    yield { headers, body: body() };
    // Drain whatever the consumer left so the next part can be read.
    while (!state.finished) await readSome();
  }
}
