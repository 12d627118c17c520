import { PyTuple, type PyValue } from "./pickle-values.js";
/**
 * The decisions a pickle asks for. The unpickler itself never calls anything: every global,
 * call, object build and persistent id is handed to these, which answer with plain data or throw.
 */
export interface PickleHooks {
    global(module: string, name: string, at: number): PyValue;
    reduce(callable: PyValue, args: PyTuple, at: number): PyValue;
    newObject(cls: PyValue, args: PyTuple, at: number): PyValue;
    build(target: PyValue, state: PyValue, at: number): PyValue;
    persistentLoad(pid: PyValue, at: number): PyValue;
}
/**
 * Interprets one pickle starting at `start` of `bytes` with a fixed opcode set: the data opcodes
 * of protocols 2–4 that `torch.load(weights_only=True)` accepts, plus FRAME, MEMOIZE,
 * SHORT_BINUNICODE, BINBYTES and STACK_GLOBAL (resolved only from strings). Everything else —
 * INST, OBJ, NEWOBJ_EX, EXT*, text opcodes, buffers — is refused with its name and byte offset.
 * `where` names the stream in messages; offsets are counted from the start of `bytes`.
 */
export declare function unpickle(bytes: Uint8Array, start: number, hooks: PickleHooks, where: string): {
    value: PyValue;
    end: number;
};
