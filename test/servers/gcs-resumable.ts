import { createHash } from "node:crypto";
import type { Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { Crc32c } from "./crc32c.js";
import type { GcsStore, StoredObject, WritableObjectFields } from "./gcs-store.js";
import { HttpError } from "./http-server.js";
import { KeyedLock, randomId, writeFileAtomic } from "./http-kit.js";

/**
 * Resumable upload sessions: `POST ?uploadType=resumable` opens one, PUTs with `Content-Range`
 * append to it (bytes already held are skipped, so a client may resend an overlap), a
 * `bytes *\/N` query reports progress with 308 + `Range`, and the upload is committed as soon as
 * the total is reached. Everything received is kept, also when a connection breaks mid-body.
 */

interface SessionState {
  id: string;
  bucket: string;
  name: string;
  fields: WritableObjectFields;
  query: string;
  /** Declared total size, when the client has said it. */
  total?: number;
  /** Set once committed. */
  object?: StoredObject;
}

interface Session extends SessionState {
  size: number;
  hashes?: { md5: Hash; crc: Crc32c; bytes: number };
}

/** What a PUT to a session produced. */
export type SessionResult =
  { kind: "incomplete"; size: number } | { kind: "complete"; object: StoredObject };

/** A parsed `Content-Range` of a session PUT. */
interface ContentRange {
  first?: number;
  last?: number;
  total?: number;
}

function parseContentRange(header: string | undefined): ContentRange {
  if (header === undefined) return { first: 0 };
  const match = /^bytes (\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(header.trim());
  if (match === null) throw new HttpError(400, `Failed to parse Content-Range header: ${header}`);
  const [, span = "", first, last, total = "*"] = match;
  const range: ContentRange = {};
  if (span !== "*") range.first = Number(first);
  if (last !== undefined && last !== "*") range.last = Number(last);
  if (total !== "*") range.total = Number(total);
  return range;
}

/** The open resumable sessions of one GCS server. */
export class ResumableSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly lock = new KeyedLock();
  private readonly store: GcsStore;
  private readonly dir: string;

  constructor(store: GcsStore) {
    this.store = store;
    this.dir = join(store.root, "uploads");
  }

  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const file of await readdir(this.dir)) {
      if (!file.endsWith(".json")) continue;
      const state = JSON.parse(await readFile(join(this.dir, file), "utf8")) as SessionState;
      const size = await stat(this.dataPath(state.id)).then(
        (s) => s.size,
        () => 0,
      );
      this.sessions.set(state.id, { ...state, size });
    }
  }

  private dataPath(id: string): string {
    return join(this.dir, `${id}.bin`);
  }

  private async save(session: Session): Promise<void> {
    const { id, bucket, name, fields, query, total, object } = session;
    const state: SessionState = { id, bucket, name, fields, query, total, object };
    await writeFileAtomic(join(this.dir, `${id}.json`), JSON.stringify(state));
  }

  /** Opens a session; returns its id. */
  async open(
    bucket: string,
    name: string,
    fields: WritableObjectFields,
    query: URLSearchParams,
    total: number | undefined,
  ): Promise<string> {
    const id = randomId();
    const kept = new URLSearchParams();
    for (const [key, value] of query) if (key.startsWith("if")) kept.set(key, value);
    const session: Session = { id, bucket, name, fields, query: kept.toString(), size: 0 };
    if (total !== undefined) session.total = total;
    await writeFileAtomic(this.dataPath(id), "");
    this.sessions.set(id, session);
    await this.save(session);
    return id;
  }

  private session(id: string): Session {
    const session = this.sessions.get(id);
    if (session === undefined) throw new HttpError(404, "No such upload session.", "notFound");
    return session;
  }

  /** Cancels a session (GCS answers the DELETE with 499). */
  async cancel(id: string): Promise<void> {
    this.session(id);
    this.sessions.delete(id);
    await rm(join(this.dir, `${id}.json`), { force: true });
    await rm(this.dataPath(id), { force: true });
  }

  /** Handles one PUT: a status query or a chunk. */
  put(
    id: string,
    contentRange: string | undefined,
    body: AsyncIterable<Buffer>,
    googHash: string | undefined,
  ): Promise<SessionResult> {
    return this.lock.run(id, async () => {
      const session = this.session(id);
      if (session.object !== undefined) return { kind: "complete", object: session.object };
      const range = parseContentRange(contentRange);
      if (range.total !== undefined) session.total = range.total;
      if (range.first !== undefined) {
        if (range.first > session.size) {
          throw new HttpError(
            400,
            `Invalid request. According to the Content-Range header, the upload offset is ${String(range.first)} byte(s), which exceeds already uploaded size of ${String(session.size)} byte(s).`,
          );
        }
        await this.append(session, body, session.size - range.first);
        const endsHere = range.last === undefined && range.total === undefined;
        if (endsHere) session.total = session.size;
      }
      if (session.total !== undefined && session.size > session.total) {
        throw new HttpError(
          400,
          `Upload is larger than the declared ${String(session.total)} bytes.`,
        );
      }
      if (session.total !== undefined && session.size === session.total) {
        return { kind: "complete", object: await this.finish(session, googHash) };
      }
      await this.save(session);
      return { kind: "incomplete", size: session.size };
    });
  }

  /** Appends a body, skipping its first `skip` bytes; keeps every byte that arrives. */
  private async append(session: Session, body: AsyncIterable<Buffer>, skip: number): Promise<void> {
    if (session.size === 0) session.hashes = this.freshHashes();
    const hashes = session.hashes?.bytes === session.size ? session.hashes : undefined;
    const out = createWriteStream(this.dataPath(session.id), { flags: "a" });
    let toSkip = skip;
    try {
      for await (const raw of body) {
        const dropped = Math.min(toSkip, raw.length);
        toSkip -= dropped;
        const chunk = raw.subarray(dropped);
        if (chunk.length === 0) continue;
        session.size += chunk.length;
        if (hashes !== undefined) {
          hashes.md5.update(chunk);
          hashes.crc.update(chunk);
          hashes.bytes += chunk.length;
        }
        if (!out.write(chunk)) await once(out, "drain");
      }
    } finally {
      out.end();
      await once(out, "close");
    }
  }

  private freshHashes(): { md5: Hash; crc: Crc32c; bytes: number } {
    return { md5: createHash("md5"), crc: new Crc32c(), bytes: 0 };
  }

  /** Digests of the session's bytes: kept incrementally, recomputed after a restart. */
  private async digests(session: Session): Promise<{ md5: Buffer; crc32c: number }> {
    let hashes = session.hashes;
    if (hashes?.bytes !== session.size) {
      hashes = this.freshHashes();
      for await (const chunk of createReadStream(
        this.dataPath(session.id),
      ) as AsyncIterable<Buffer>) {
        hashes.md5.update(chunk);
        hashes.crc.update(chunk);
        hashes.bytes += chunk.length;
      }
    }
    return { md5: hashes.md5.digest(), crc32c: hashes.crc.value };
  }

  private async finish(session: Session, googHash: string | undefined): Promise<StoredObject> {
    const { md5, crc32c } = await this.digests(session);
    delete session.hashes;
    const digest = { size: session.size, sha256: "", md5, crc32c };
    const file = this.store.tempPath();
    await rename(this.dataPath(session.id), file);
    const drop = async (): Promise<void> => {
      this.sessions.delete(session.id);
      await rm(join(this.dir, `${session.id}.json`), { force: true });
      await rm(file, { force: true });
    };
    try {
      checkGoogHash(googHash, md5, crc32c);
      const object = await this.store.commit(
        session.bucket,
        session.name,
        file,
        digest,
        session.fields,
        new URLSearchParams(session.query),
      );
      session.object = object;
      await this.save(session);
      return object;
    } catch (error) {
      await drop();
      throw error;
    }
  }
}

/** Rejects a body whose `X-Goog-Hash` (crc32c=…,md5=…) disagrees with what arrived. */
export function checkGoogHash(header: string | undefined, md5: Buffer, crc32c: number): void {
  if (header === undefined) return;
  const crcBuf = Buffer.alloc(4);
  crcBuf.writeUInt32BE(crc32c);
  for (const pair of header.split(",")) {
    const at = pair.indexOf("=");
    const kind = pair.slice(0, at).trim().toLowerCase();
    const value = pair.slice(at + 1).trim();
    const actual =
      kind === "crc32c"
        ? crcBuf.toString("base64")
        : kind === "md5"
          ? md5.toString("base64")
          : value;
    if (value !== actual) {
      throw new HttpError(
        400,
        `Provided ${kind.toUpperCase()} "${value}" doesn't match calculated ${kind.toUpperCase()} "${actual}".`,
        "invalid",
      );
    }
  }
}
