import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { crc32cBase64 } from "./crc32c.js";
import { HttpError } from "./http-server.js";
import type { StreamedFile } from "./http-kit.js";
import { asRecord, writeFileAtomic } from "./http-kit.js";

/** Object metadata a client may set (JSON API field names). */
export interface WritableObjectFields {
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  customTime?: string;
  metadata?: Record<string, string>;
}

/** One live object generation. */
export interface StoredObject extends WritableObjectFields {
  bucket: string;
  name: string;
  generation: string;
  metageneration: number;
  size: number;
  md5Hash: string;
  crc32c: string;
  timeCreated: string;
  updated: string;
}

interface StoredBucket {
  name: string;
  timeCreated: string;
  objects: Map<string, StoredObject>;
}

const WRITABLE_KEYS = [
  "contentType",
  "cacheControl",
  "contentEncoding",
  "contentDisposition",
  "contentLanguage",
  "customTime",
] as const;

/** Picks the writable fields out of an untrusted JSON object resource. */
export function writableFields(value: unknown): WritableObjectFields & { name?: string } {
  const record = asRecord(value);
  const fields: WritableObjectFields & { name?: string } = {};
  if (typeof record.name === "string") fields.name = record.name;
  for (const key of WRITABLE_KEYS) {
    const field = record[key];
    if (typeof field === "string") fields[key] = field;
  }
  const metadata = asRecord(record.metadata);
  if (Object.keys(metadata).length > 0) {
    fields.metadata = {};
    for (const [key, field] of Object.entries(metadata)) {
      if (field !== null && field !== undefined) fields.metadata[key] = metadataValue(field);
    }
  }
  return fields;
}

/** GCS keeps custom metadata values as strings. */
function metadataValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function preconditionFailed(): HttpError {
  return new HttpError(
    412,
    "At least one of the pre-conditions you specified did not hold.",
    "conditionNotMet",
  );
}

/**
 * Checks GCS preconditions (`ifGenerationMatch` — 0 meaning "must not exist" —,
 * `ifGenerationNotMatch`, `ifMetagenerationMatch`, `ifMetagenerationNotMatch`) against the live
 * object. Reads answer a failed *NotMatch* with 304, as GCS does; everything else is a 412.
 */
export function checkPreconditions(
  current: StoredObject | undefined,
  query: URLSearchParams,
  read = false,
): void {
  const number = (key: string): bigint | undefined => {
    const value = query.get(key);
    if (value === null) return undefined;
    if (!/^\d+$/.test(value))
      throw new HttpError(400, `Invalid argument: ${key}=${value}`, "invalid");
    return BigInt(value);
  };
  const generation = BigInt(current?.generation ?? "0");
  const metageneration = BigInt(current?.metageneration ?? 0);
  const ifGeneration = number("ifGenerationMatch");
  const ifMeta = number("ifMetagenerationMatch");
  const notGeneration = number("ifGenerationNotMatch");
  const notMeta = number("ifMetagenerationNotMatch");
  if (ifGeneration !== undefined && ifGeneration !== generation) throw preconditionFailed();
  if (ifMeta !== undefined && (current === undefined || ifMeta !== metageneration)) {
    throw preconditionFailed();
  }
  const notMatchFailed =
    (notGeneration !== undefined && notGeneration === generation) ||
    (notMeta !== undefined && current !== undefined && notMeta === metageneration);
  if (notMatchFailed) throw read ? new HttpError(304, "Not Modified") : preconditionFailed();
}

function keyOf(name: string): string {
  return createHash("sha256").update(name).digest("hex");
}

/** Buckets and objects, kept in memory for speed and mirrored on disk so a restart keeps them. */
export class GcsStore {
  readonly root: string;
  private readonly buckets = new Map<string, StoredBucket>();
  private lastGeneration = 0;

  constructor(root: string) {
    this.root = root;
  }

  /** Loads what an earlier server left in the same folder. */
  async load(): Promise<void> {
    const bucketsDir = join(this.root, "buckets");
    await mkdir(bucketsDir, { recursive: true });
    await mkdir(join(this.root, "tmp"), { recursive: true });
    for (const name of await readdir(bucketsDir)) {
      const info = asRecord(
        JSON.parse(await readFile(join(bucketsDir, name, "bucket.json"), "utf8")),
      );
      const bucket: StoredBucket = {
        name,
        timeCreated:
          typeof info.timeCreated === "string" ? info.timeCreated : new Date().toISOString(),
        objects: new Map(),
      };
      const objectsDir = join(bucketsDir, name, "objects");
      await mkdir(objectsDir, { recursive: true });
      for (const file of await readdir(objectsDir)) {
        if (!file.endsWith(".json")) continue;
        const object = JSON.parse(await readFile(join(objectsDir, file), "utf8")) as StoredObject;
        bucket.objects.set(object.name, object);
        this.lastGeneration = Math.max(this.lastGeneration, Number(object.generation));
      }
      this.buckets.set(name, bucket);
    }
  }

  /** Creates a bucket; false if it already exists. */
  async createBucket(name: string): Promise<boolean> {
    if (this.buckets.has(name)) return false;
    const bucket = { name, timeCreated: new Date().toISOString(), objects: new Map() };
    this.buckets.set(name, bucket);
    await writeFileAtomic(
      join(this.root, "buckets", name, "bucket.json"),
      JSON.stringify({ name, timeCreated: bucket.timeCreated }),
    );
    await mkdir(join(this.root, "buckets", name, "objects"), { recursive: true });
    return true;
  }

  bucketInfo(name: string): { name: string; timeCreated: string } {
    const bucket = this.bucket(name);
    return { name: bucket.name, timeCreated: bucket.timeCreated };
  }

  bucketNames(): string[] {
    return [...this.buckets.keys()].sort();
  }

  private bucket(name: string): StoredBucket {
    const bucket = this.buckets.get(name);
    if (bucket === undefined) {
      throw new HttpError(404, "The specified bucket does not exist.", "notFound");
    }
    return bucket;
  }

  /** The live object, or undefined. Throws 404 for a missing bucket. */
  find(bucketName: string, name: string): StoredObject | undefined {
    return this.bucket(bucketName).objects.get(name);
  }

  /** The live object, or a 404. */
  get(bucketName: string, name: string): StoredObject {
    const object = this.find(bucketName, name);
    if (object === undefined) {
      throw new HttpError(404, `No such object: ${bucketName}/${name}`, "notFound");
    }
    return object;
  }

  /** Object names of a bucket in lexicographic order. */
  names(bucketName: string): string[] {
    return [...this.bucket(bucketName).objects.keys()].sort();
  }

  dataPath(object: StoredObject): string {
    return join(this.root, "buckets", object.bucket, "data", object.generation);
  }

  tempPath(): string {
    return join(this.root, "tmp", `${String(Date.now())}-${Math.random().toString(16).slice(2)}`);
  }

  private nextGeneration(): string {
    this.lastGeneration = Math.max(Date.now() * 1000, this.lastGeneration + 1);
    return String(this.lastGeneration);
  }

  private async persist(object: StoredObject): Promise<void> {
    const path = join(this.root, "buckets", object.bucket, "objects", `${keyOf(object.name)}.json`);
    await writeFileAtomic(path, JSON.stringify(object));
  }

  /**
   * Makes an uploaded file the new live generation of `name`, if the preconditions still hold at
   * this moment: the check and the switch happen with no await between them, so two concurrent
   * create-only writes cannot both win.
   */
  async commit(
    bucketName: string,
    name: string,
    file: string,
    digest: StreamedFile,
    fields: WritableObjectFields,
    query: URLSearchParams,
  ): Promise<StoredObject> {
    const bucket = this.bucket(bucketName);
    const generation = this.nextGeneration();
    const dataDir = join(this.root, "buckets", bucketName, "data");
    await mkdir(dataDir, { recursive: true });
    await rename(file, join(dataDir, generation));
    const previous = bucket.objects.get(name);
    try {
      checkPreconditions(previous, query);
    } catch (error) {
      await rm(join(dataDir, generation), { force: true });
      throw error;
    }
    const now = new Date().toISOString();
    const object: StoredObject = {
      ...fields,
      contentType: fields.contentType ?? "application/octet-stream",
      bucket: bucketName,
      name,
      generation,
      metageneration: 1,
      size: digest.size,
      md5Hash: digest.md5.toString("base64"),
      crc32c: crc32cBase64(digest.crc32c),
      timeCreated: now,
      updated: now,
    };
    bucket.objects.set(name, object);
    await this.persist(object);
    if (previous !== undefined) await rm(this.dataPath(previous), { force: true });
    return object;
  }

  /** Applies a metadata patch (a `null` custom metadata value removes the key). */
  async patch(bucketName: string, name: string, patch: unknown, query: URLSearchParams) {
    const current = this.get(bucketName, name);
    checkPreconditions(current, query);
    const fields = writableFields(patch);
    const rawMetadata = asRecord(asRecord(patch).metadata);
    const metadata: Record<string, string> = { ...current.metadata };
    for (const [key, value] of Object.entries(rawMetadata)) {
      if (value === null) Reflect.deleteProperty(metadata, key);
      else metadata[key] = metadataValue(value);
    }
    const next: StoredObject = {
      ...current,
      ...fields,
      metadata,
      name: current.name,
      metageneration: current.metageneration + 1,
      updated: new Date().toISOString(),
    };
    if (Object.keys(metadata).length === 0) delete next.metadata;
    this.bucket(bucketName).objects.set(name, next);
    await this.persist(next);
    return next;
  }

  async delete(bucketName: string, name: string, query: URLSearchParams): Promise<void> {
    const current = this.get(bucketName, name);
    checkPreconditions(current, query);
    this.bucket(bucketName).objects.delete(name);
    await rm(join(this.root, "buckets", bucketName, "objects", `${keyOf(name)}.json`), {
      force: true,
    });
    await rm(this.dataPath(current), { force: true });
  }
}
