import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SigningKey } from "../../src/sign/keys.js";

/** RFC 8032 §7.1 TEST 1 secret key: a fixed key, so signatures can be pinned. */
export const FIXED_SEED = Buffer.from(
  "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
  "hex",
);

export function fixedKey(): Promise<SigningKey> {
  return SigningKey.fromSeed(FIXED_SEED);
}

/** The files of a small release, as `build` would leave them before `sign`. */
export const RELEASE_FILES: Record<string, string> = {
  "README.md": "---\nlicense: apache-2.0\n---\n\n# Tiny\n",
  "config.json": '{"model_type":"llama"}\n',
  "tiny.safetensors": "\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000{}      ",
  "onnx/model.onnx": "onnx-bytes",
};

/** manifest.json as `build` writes it: placeholder digests that `sign` fills in. */
export function releaseManifest(): Record<string, unknown> {
  return {
    id: "tiny",
    name: "Tiny",
    version: "1.2.3",
    type: "text-generation",
    artifacts: {
      model: { filename: "tiny.safetensors", size: 0, sha256: "0", format: "safetensors" },
      onnx: { filename: "onnx/model.onnx", size: 0, sha256: "0", format: "onnx" },
    },
    license: "apache-2.0",
  };
}

/** Writes the release files and manifest.json into `dir`. */
export async function writeRelease(
  dir: string,
  files: Record<string, string> = RELEASE_FILES,
): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(releaseManifest(), null, 2)}\n`);
}

/** 2024-05-01T00:00:00Z */
export const FIXED_EPOCH = "1714521600";
export const FIXED_TIMESTAMP = "2024-05-01T00:00:00Z";
