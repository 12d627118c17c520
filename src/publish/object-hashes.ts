import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { Crc32c } from "../formats/crc32c.js";
import type { ReleaseFile } from "./destination.js";

/** CRC-32C (and MD5 for small files) in base64, as GCS reports `crc32c` and `md5Hash`. */
export interface ObjectHashes {
  crc32c: string;
  md5?: string;
}

/**
 * Files above this size are checked by CRC-32C alone, the check GCS itself recommends: MD5 would
 * double the CPU time of every large upload on a small runner.
 */
export const MD5_LIMIT = 8 << 20;

/** CRC-32C (and MD5 when asked) over bytes given in order. */
export class RunningHashes {
  readonly #md5: Hash | undefined;
  readonly #crc = new Crc32c();
  bytes = 0;

  constructor(md5: boolean) {
    this.#md5 = md5 ? createHash("md5") : undefined;
  }

  update(chunk: Uint8Array): void {
    this.#md5?.update(chunk);
    this.#crc.update(chunk);
    this.bytes += chunk.length;
  }

  /** The hashes of everything so far. */
  hashes(): ObjectHashes {
    const md5 = this.#md5?.copy().digest("base64");
    return { crc32c: this.#crc.base64(), ...(md5 === undefined ? {} : { md5 }) };
  }
}

/**
 * A pass-through stream that hashes the bytes at absolute positions `start…` of a file into
 * `running`, when they continue it without a gap; bytes it already holds are not hashed twice.
 */
export function hashingStream(running: RunningHashes, start: number): Transform {
  let position = start;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const end = position + chunk.length;
      if (position <= running.bytes && running.bytes < end) {
        running.update(chunk.subarray(running.bytes - position));
      }
      position = end;
      callback(null, chunk);
    },
  });
}

/** CRC-32C (and MD5 up to {@link MD5_LIMIT}) of a release file, read once. */
export async function objectHashes(file: ReleaseFile): Promise<ObjectHashes> {
  const running = new RunningHashes(file.size <= MD5_LIMIT);
  if ("bytes" in file.source) running.update(file.source.bytes);
  else
    for await (const chunk of createReadStream(file.source.file)) running.update(chunk as Buffer);
  return running.hashes();
}
