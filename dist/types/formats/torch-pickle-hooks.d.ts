import type { Dtype } from "./dtype.js";
import { PyGlobal, type PyValue } from "./pickle-values.js";
import { type GlobalKind } from "./torch-globals.js";
import type { PickleHooks } from "./unpickler.js";
/** A global the allow-list accepted, with what it stands for. */
export declare class AllowedGlobal extends PyGlobal {
    readonly kind: GlobalKind;
    constructor(module: string, name: string, kind: GlobalKind);
}
/** The element dtype of a storage-class global (`torch.FloatStorage` → F32). */
export declare function storageDtype(value: PyValue): Dtype | undefined;
/**
 * The checkpoint policy for the unpickler: allowed globals become names, allowed calls become
 * data (a dict, a tensor view), and everything else is refused. `maxTensorBytes` bounds what one
 * tensor may expand to (a zero-stride view can claim far more than the file holds).
 */
export declare function torchPickleHooks(where: string, persistentLoad: (pid: PyValue, at: number) => PyValue, maxTensorBytes: number): PickleHooks;
/** Checks a persistent id's common fields: `('storage', <storage class>, key, location, numel, …)`. */
export declare function parseStoragePid(pid: PyValue, arity: number, fail: (detail: string) => never): {
    dtype: Dtype;
    key: string;
    location: string;
    numel: number;
    rest: readonly PyValue[];
};
