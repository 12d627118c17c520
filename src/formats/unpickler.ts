import { PickleCursor } from "./pickle-cursor.js";
import { OP, opName } from "./pickle-opcodes.js";
import { checkPickleGraph } from "./pickle-graph.js";
import {
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  PySet,
  PyTuple,
  describe,
  type PyValue,
} from "./pickle-values.js";

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

const MAX_MARKS = 1000;
const MAX_STACK = 1_000_000;
/** Values a pickle may build: a state dict needs about twenty per tensor. */
const MAX_VALUES = 8_000_000;
const MARK = Symbol("mark");
type Slot = PyValue | typeof MARK;

/**
 * Interprets one pickle starting at `start` of `bytes` with a fixed opcode set: the data opcodes
 * of protocols 2–4 that `torch.load(weights_only=True)` accepts, plus FRAME, MEMOIZE,
 * SHORT_BINUNICODE, BINBYTES and STACK_GLOBAL (resolved only from strings). Everything else —
 * INST, OBJ, NEWOBJ_EX, EXT*, text opcodes, buffers — is refused with its name and byte offset.
 * `where` names the stream in messages; offsets are counted from the start of `bytes`.
 */
export function unpickle(
  bytes: Uint8Array,
  start: number,
  hooks: PickleHooks,
  where: string,
): { value: PyValue; end: number } {
  const cur = new PickleCursor(bytes, start, where);
  const fail = (detail: string): never => cur.fail(detail);
  const stack: Slot[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  let built = 0;
  const push = (value: PyValue): void => {
    if (stack.length >= MAX_STACK) fail(`the pickle stack grows past ${MAX_STACK} items`);
    if (++built > MAX_VALUES) fail(`the pickle builds more than ${MAX_VALUES} values`);
    stack.push(value);
  };
  const pop = (): PyValue => {
    const value = stack.pop();
    if (value === undefined || value === MARK)
      return fail("the stack is empty where a value was expected");
    return value;
  };
  const top = (): PyValue => {
    const value = stack[stack.length - 1];
    if (value === undefined || value === MARK)
      return fail("the stack is empty where a value was expected");
    return value;
  };
  const popMark = (): PyValue[] => {
    const mark = marks.pop();
    if (mark === undefined) return fail("no MARK to close");
    const items = stack.splice(mark + 1);
    stack.length = mark;
    if (items.some((item) => item === MARK)) fail("mark stack out of step");
    return items as PyValue[];
  };
  const memoGet = (index: number): void => {
    const value = memo.get(index);
    if (value === undefined) fail(`memo entry ${index} is read before it is written`);
    else push(value);
  };
  const appendTo = (target: PyValue, items: PyValue[]): void => {
    if (target instanceof PyList) target.items.push(...items);
    else if (target instanceof PySet) target.items.push(...items);
    else fail(`cannot append to a ${describe(target)}`);
  };
  const setItems = (target: PyValue, items: PyValue[]): void => {
    if (!(target instanceof PyDict)) return fail(`SETITEM on a ${describe(target)}, not a dict`);
    if (items.length % 2 !== 0) fail("SETITEMS has an odd number of items");
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i] ?? null;
      if (!target.set(key, items[i + 1] ?? null)) fail(`a ${describe(key)} cannot be a dict key`);
    }
  };
  const tupleOf = (value: PyValue, what: string): PyTuple =>
    value instanceof PyTuple
      ? value
      : fail(`${what} arguments must be a tuple, got ${describe(value)}`);

  for (;;) {
    cur.at = cur.pos;
    const at = cur.at;
    const code = cur.u8();
    switch (code) {
      case OP.PROTO: {
        const version = cur.u8();
        if (version > 5) fail(`pickle protocol ${version} is not one Python has`);
        break;
      }
      case OP.FRAME:
        cur.take(8);
        break;
      case OP.STOP: {
        const value = pop();
        if (stack.length > 0 || marks.length > 0) fail("STOP with values left on the stack");
        checkPickleGraph(value, `${where}: the object completed by STOP at byte ${at}`);
        return { value, end: cur.pos };
      }
      case OP.MARK:
        if (marks.length >= MAX_MARKS)
          fail(`more than ${MAX_MARKS} nested MARKs (nesting too deep)`);
        marks.push(stack.length);
        stack.push(MARK);
        break;
      case OP.NONE:
        push(null);
        break;
      case OP.NEWTRUE:
        push(true);
        break;
      case OP.NEWFALSE:
        push(false);
        break;
      case OP.BININT:
        push(cur.i32());
        break;
      case OP.BININT1:
        push(cur.u8());
        break;
      case OP.BININT2:
        push(cur.u16());
        break;
      case OP.LONG1:
        push(cur.long(cur.u8()));
        break;
      case OP.LONG4:
        push(cur.long(cur.i32()));
        break;
      case OP.BINFLOAT:
        push(new PyFloat(cur.f64be()));
        break;
      case OP.SHORT_BINUNICODE:
        push(cur.text(cur.u8()));
        break;
      case OP.BINUNICODE:
        push(cur.text(cur.u32()));
        break;
      case OP.BINUNICODE8:
        push(cur.text(cur.u64()));
        break;
      case OP.SHORT_BINSTRING:
        push(cur.text(cur.u8()));
        break;
      case OP.SHORT_BINBYTES:
        push(new PyBytes(cur.slice(cur.u8())));
        break;
      case OP.BINBYTES:
        push(new PyBytes(cur.slice(cur.u32())));
        break;
      case OP.BINBYTES8:
        push(new PyBytes(cur.slice(cur.u64())));
        break;
      case OP.EMPTY_TUPLE:
        push(new PyTuple([]));
        break;
      case OP.TUPLE1:
      case OP.TUPLE2:
      case OP.TUPLE3: {
        const n = code - OP.TUPLE1 + 1;
        const items: PyValue[] = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        push(new PyTuple(items));
        break;
      }
      case OP.TUPLE:
        push(new PyTuple(popMark()));
        break;
      case OP.EMPTY_LIST:
        push(new PyList());
        break;
      case OP.EMPTY_DICT:
        push(new PyDict());
        break;
      case OP.EMPTY_SET:
        push(new PySet());
        break;
      case OP.APPEND: {
        const item = pop();
        appendTo(top(), [item]);
        break;
      }
      case OP.APPENDS:
      case OP.ADDITEMS: {
        const items = popMark();
        appendTo(top(), items);
        break;
      }
      case OP.SETITEM: {
        const value = pop();
        const key = pop();
        setItems(top(), [key, value]);
        break;
      }
      case OP.SETITEMS: {
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case OP.BINPUT:
        memo.set(cur.u8(), top());
        break;
      case OP.LONG_BINPUT:
        memo.set(cur.u32(), top());
        break;
      case OP.MEMOIZE:
        memo.set(memo.size, top());
        break;
      case OP.BINGET:
        memoGet(cur.u8());
        break;
      case OP.LONG_BINGET:
        memoGet(cur.u32());
        break;
      case OP.GLOBAL: {
        const module = cur.line();
        const name = cur.line();
        push(hooks.global(module, name, at));
        break;
      }
      case OP.STACK_GLOBAL: {
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") {
          return fail(
            `STACK_GLOBAL needs a module and a name as strings, got ${describe(module)} and ${describe(name)}`,
          );
        }
        push(hooks.global(module, name, at));
        break;
      }
      case OP.REDUCE: {
        const args = pop();
        const callable = pop();
        push(hooks.reduce(callable, tupleOf(args, "REDUCE"), at));
        break;
      }
      case OP.NEWOBJ: {
        const args = pop();
        const cls = pop();
        push(hooks.newObject(cls, tupleOf(args, "NEWOBJ"), at));
        break;
      }
      case OP.BUILD: {
        const state = pop();
        const target = pop();
        push(hooks.build(target, state, at));
        break;
      }
      case OP.BINPERSID:
        push(hooks.persistentLoad(pop(), at));
        break;
      case OP.INST: {
        const module = cur.line();
        const name = cur.line();
        return fail(
          `INST ${module}.${name} would call ${module}.${name}; INST is never allowed in a checkpoint`,
        );
      }
      default:
        return fail(`${opName(code)} is not allowed in a checkpoint pickle`);
    }
  }
}
