import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";

/** The answer to a streamed request. */
export interface StreamedAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * Sends one request whose body is a Node stream of known length, through node:http(s) with
 * ordinary backpressure: the file is read as fast as the socket takes it, 64 KiB at a time. Used
 * for the large uploads, where the Fetch API's stream bridging costs throughput and memory.
 */
export async function sendStream(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Readable | undefined,
  length: number,
  signal?: AbortSignal,
): Promise<StreamedAnswer> {
  const target = new URL(url);
  const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, {
    method,
    headers: { ...headers, "Content-Length": String(length) },
    ...(signal === undefined ? {} : { signal }),
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  const sent = body === undefined ? (request.end(), Promise.resolve()) : pipeline(body, request);
  // A server may answer (and close) before the body is all sent; the answer is what counts.
  const response = await Promise.race([answered, sent.then(() => answered)]);
  sent.catch(() => undefined);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return {
    status: response.statusCode ?? 0,
    headers: headersOf(response),
    body: Buffer.concat(chunks),
  };
}
