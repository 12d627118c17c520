/** The k-quant kernels as a WebAssembly module, base64 (a function so that workers get it too). */
export declare function kquantsWasmBase64(): string;
