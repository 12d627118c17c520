/**
 * The Jest environment of every test (jest.config.js). Jest runs each test file in
 * its own V8 context, with its own typed-array constructors, while the native runtime creates
 * output tensors with the main context's: onnxruntime's `instanceof Float32Array` checks then
 * fail. Giving the test context the main context's constructors makes both sides agree (in a
 * normal Node process there is one context and nothing to do).
 */
import { TestEnvironment } from "jest-environment-node";

const SHARED = [
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Float32Array",
  "Float64Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "BigInt64Array",
  "BigUint64Array",
];

export default class NodeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}
