import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus, platform, arch } from "node:os";
import { promisify } from "node:util";
import type { HardwareFingerprint } from "../manifest/types.generated.js";
import { canonicalJson } from "../sign/canonical-json.js";

const run = promisify(execFile);

export interface GpuInfo {
  gpu: string;
  driver: string;
  cuda?: string;
}

/** The first GPU as `nvidia-smi` reports it, or undefined where there is none (or no driver). */
export async function probeNvidiaGpu(command = "nvidia-smi"): Promise<GpuInfo | undefined> {
  try {
    const query = await run(command, ["--query-gpu=name,driver_version", "--format=csv,noheader"], {
      timeout: 10_000,
    });
    const [gpu, driver] = (query.stdout.split("\n")[0] ?? "").split(",").map((s) => s.trim());
    if (!gpu || !driver) return undefined;
    // The CUDA version the driver supports is only in the banner.
    const banner = await run(command, [], { timeout: 10_000 }).catch(() => ({ stdout: "" }));
    const cuda = /CUDA Version:\s*([\d.]+)/.exec(banner.stdout)?.[1];
    return { gpu, driver, ...(cuda ? { cuda } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * What results were measured on. Two results are comparable only when their hashes agree: same
 * CPU model and core count, same GPU, driver and CUDA, same runtime and execution provider.
 */
export function fingerprintOf(parts: {
  cpu?: string;
  cores?: number;
  gpu?: GpuInfo;
  runtime: string;
  provider: string;
}): HardwareFingerprint {
  const first = cpus()[0];
  const described = {
    cpu: parts.cpu ?? first?.model.trim() ?? "unknown",
    cores: parts.cores ?? Math.max(1, cpus().length),
    platform: `${platform()}-${arch()}`,
    ...(parts.gpu ? { gpu: parts.gpu.gpu, driver: parts.gpu.driver } : {}),
    ...(parts.gpu?.cuda ? { cuda: parts.gpu.cuda } : {}),
    runtime: parts.runtime,
    provider: parts.provider,
  };
  const hash = createHash("sha256").update(canonicalJson(described)).digest("hex").slice(0, 16);
  return { hash, ...described };
}

/** One line for reports: `Intel Xeon … ×2 · cpu · onnxruntime 1.30.0`. */
export function describeFingerprint(fingerprint: HardwareFingerprint): string {
  const device = fingerprint.gpu
    ? `${fingerprint.gpu} (driver ${fingerprint.driver ?? "?"}${fingerprint.cuda ? `, CUDA ${fingerprint.cuda}` : ""})`
    : `${fingerprint.cpu} ×${fingerprint.cores}`;
  return [device, fingerprint.provider, fingerprint.runtime].filter(Boolean).join(" · ");
}
