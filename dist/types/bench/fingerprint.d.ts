import type { HardwareFingerprint } from "../manifest/types.generated.js";
export interface GpuInfo {
    gpu: string;
    driver: string;
    cuda?: string;
}
/** The first GPU as `nvidia-smi` reports it, or undefined where there is none (or no driver). */
export declare function probeNvidiaGpu(command?: string): Promise<GpuInfo | undefined>;
/**
 * What results were measured on. Two results are comparable only when their hashes agree: same
 * CPU model and core count, same GPU, driver and CUDA, same runtime and execution provider.
 */
export declare function fingerprintOf(parts: {
    cpu?: string;
    cores?: number;
    gpu?: GpuInfo;
    runtime: string;
    provider: string;
}): HardwareFingerprint;
/** One line for reports: `Intel Xeon … ×2 · cpu · onnxruntime 1.30.0`. */
export declare function describeFingerprint(fingerprint: HardwareFingerprint): string;
