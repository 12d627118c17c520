import { malformed, unsupported } from "./format-error.js";
import { TorchStorage, type PyValue } from "./pickle-values.js";
import type { RandomAccessFile } from "./random-access-file.js";
import type { TorchCheckpoint } from "./open-torch-checkpoint.js";
import { parseStoragePid, torchPickleHooks } from "./torch-pickle-hooks.js";
import { dtypeBytes } from "./dtype.js";
import { unpickle } from "./unpickler.js";
import { ZipArchive } from "./zip-archive.js";

const MAX_PICKLE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a `torch.save` zip (torch ≥ 1.6): any archive folder name, `data.pkl`, one stored record
 * per storage under `data/`, and — in the 2.x layout — `byteorder`, `.format_version`,
 * `.storage_alignment` and `.data/*`.
 */
export async function readTorchZip(file: RandomAccessFile): Promise<TorchCheckpoint> {
  const name = file.name;
  const zip = await ZipArchive.open(file);
  const first = zip.entries[0];
  if (!first) throw malformed(name, "the zip archive is empty");
  const slash = first.name.indexOf("/");
  if (slash <= 0)
    throw malformed(
      name,
      `zip entry ${first.name} is not inside an archive folder; not a torch.save file`,
    );
  const prefix = first.name.slice(0, slash + 1);
  for (const entry of zip.entries) {
    if (!entry.name.startsWith(prefix)) {
      throw malformed(
        name,
        `zip entry ${entry.name} is outside the archive folder ${prefix}; torch.save writes every entry under one folder`,
      );
    }
  }
  if (zip.get(`${prefix}constants.pkl`)) {
    throw unsupported(
      name,
      "is a TorchScript archive (torch.jit.save); save the model's state_dict() with torch.save and convert that",
    );
  }
  zip.requireStored();
  const pickleEntry = zip.get(`${prefix}data.pkl`);
  if (!pickleEntry)
    throw malformed(name, `no ${prefix}data.pkl in the zip; not a torch.save checkpoint`);

  let bigEndian = false;
  const byteorder = zip.get(`${prefix}byteorder`);
  if (byteorder) {
    const text = (await zip.read(byteorder, 16)).toString("latin1");
    if (text !== "little" && text !== "big") {
      throw malformed(
        name,
        `${byteorder.name} says ${JSON.stringify(text)}, expected "little" or "big"`,
      );
    }
    bigEndian = text === "big";
  }
  const newLayout =
    byteorder !== undefined ||
    zip.entries.some(
      (e) => e.name.startsWith(`${prefix}.data/`) || e.name === `${prefix}.format_version`,
    );

  const where = `${name}: ${pickleEntry.name}`;
  const storages = new Map<string, TorchStorage>();
  const persistentLoad = (pid: PyValue, at: number): PyValue => {
    const fail = (detail: string): never => {
      throw malformed(where, `${detail} (at byte ${at})`);
    };
    const { dtype, key, location, numel } = parseStoragePid(pid, 5, fail);
    const bytes = numel * (dtypeBytes(dtype) ?? 1);
    const known = storages.get(key);
    if (known) {
      if (known.dtype !== dtype || known.byteLength !== bytes) {
        fail(
          `storage ${key} is named again as ${numel} ${dtype} elements, first as ${known.byteLength} bytes of ${known.dtype}`,
        );
      }
      return known;
    }
    const record = zip.get(`${prefix}data/${key}`);
    if (!record) return fail(`storage ${key} has no record ${prefix}data/${key} in the zip`);
    if (!Number.isSafeInteger(bytes) || record.size !== bytes) {
      return fail(
        `storage ${key} is said to hold ${numel} ${dtype} elements (${bytes} bytes) but its record ${record.name} has ${record.size} bytes`,
      );
    }
    const storage = new TorchStorage(key, dtype, 0, bytes, location);
    storages.set(key, storage);
    return storage;
  };
  const pickle = await zip.read(pickleEntry, MAX_PICKLE_BYTES);
  const { value, end } = unpickle(
    pickle,
    0,
    torchPickleHooks(where, persistentLoad, file.size),
    where,
  );
  if (end !== pickle.length) {
    throw malformed(
      where,
      `${pickle.length - end} bytes follow the pickle's STOP opcode at byte ${end - 1}`,
    );
  }
  return {
    file,
    format: "zip",
    layout: `torch zip (${newLayout ? "2.x" : "1.x"} layout${bigEndian ? ", big-endian" : ""})`,
    root: value,
    bigEndian,
    region(storage) {
      const record = zip.get(`${prefix}data/${storage.key}`);
      return { offset: (record?.dataOffset ?? 0) + storage.byteOffset, length: storage.byteLength };
    },
  };
}
