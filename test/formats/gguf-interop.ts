import { execFile } from "node:child_process";
import { repoRoot } from "../helpers/temp.js";

/** gguf_dump.py's view of a file (see test/fixtures/quant/gguf_dump.py). */
export interface GgufPyDump {
  alignment: number;
  dataOffset: number;
  metadata: { key: string; type: string; itemType: string | null; value: unknown }[];
  tensors: {
    name: string;
    type: string;
    ne: number[];
    nbytes: number;
    dataOffset: number;
    head: string;
  }[];
}

/**
 * Reads `path` with llama.cpp's gguf-py (GGUFReader). Resolves to a reason string instead when
 * Debian's python or the gguf wheel is not on this machine.
 */
export function ggufPyDump(path: string): Promise<GgufPyDump | string> {
  return new Promise((resolve) => {
    execFile(
      "/usr/bin/python3",
      [`${repoRoot}test/fixtures/quant/gguf_dump.py`, path],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(JSON.parse(stdout) as GgufPyDump);
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (code === 3 || code === "ENOENT") {
          resolve(`gguf-py unavailable: ${stderr.trim() || "no /usr/bin/python3"}`);
          return;
        }
        resolve(`gguf-py failed to read ${path}: ${stderr.trim()}`.replace(/^/, "ERROR "));
      },
    );
  });
}

/** `@huggingface/gguf`'s parse of a local file, or why it cannot run here. */
export interface HfGgufResult {
  metadata: Record<string, unknown>;
  tensorInfos: { name: string; n_dims: number; shape: bigint[]; dtype: number; offset: bigint }[];
}

export async function hfGguf(path: string): Promise<HfGgufResult | string> {
  // A variable specifier: the package is optional, so the type checker must not require it.
  const name = "@huggingface/gguf";
  let mod: unknown;
  try {
    mod = await import(name);
  } catch {
    return "@huggingface/gguf is not installed (add it as a devDependency to run this check)";
  }
  const parse = (mod as { gguf?: unknown }).gguf;
  if (typeof parse !== "function") return "@huggingface/gguf has no gguf() export";
  const result = (await (parse as (p: string, o: object) => Promise<unknown>)(path, {
    allowLocalFile: true,
  })) as HfGgufResult;
  return result;
}
