import { open, type FileHandle } from "node:fs/promises";
import { alignUp } from "./gguf-types.js";
import type { GgufLayout, GgufPlacedTensor } from "./gguf-layout.js";

/**
 * Supplies one tensor's bytes, in order, as one or more chunks. The writer awaits each chunk's
 * write before asking for the next, so a producer may reuse its buffers.
 */
export type GgufTensorBytes = (
  tensor: GgufPlacedTensor,
  index: number,
) => AsyncIterable<Uint8Array>;

/**
 * Streams a GGUF file to `path`: the header with every tensor info first (sizes are known from
 * the layout), then each tensor's bytes followed by zero padding to the alignment. Only the
 * producer's current chunk is in memory, whatever the model's size.
 */
export async function writeGguf(
  path: string,
  layout: GgufLayout,
  bytes: GgufTensorBytes,
  onBytes?: (written: number) => void,
): Promise<void> {
  const handle = await open(path, "w");
  let position = 0;
  const write = async (chunk: Uint8Array): Promise<void> => {
    await writeFully(handle, chunk, position);
    position += chunk.length;
    onBytes?.(chunk.length);
  };
  try {
    await write(layout.header);
    const dataStart = layout.header.length;
    for (const [index, tensor] of layout.tensors.entries()) {
      const begin = dataStart + tensor.offset;
      if (position !== begin) {
        throw new Error(
          `GGUF writer out of step before ${tensor.name}: at ${position}, expected ${begin}`,
        );
      }
      for await (const chunk of bytes(tensor, index)) {
        if (chunk.length > 0) await write(chunk);
      }
      if (position !== begin + tensor.nbytes) {
        throw new Error(
          `tensor ${tensor.name} produced ${position - begin} bytes, expected ${tensor.nbytes}`,
        );
      }
      const padded = dataStart + alignUp(tensor.offset + tensor.nbytes, layout.alignment);
      if (padded > position) await write(new Uint8Array(padded - position));
    }
    if (position !== layout.size) {
      throw new Error(`GGUF writer ended at ${position}, expected ${layout.size}`);
    }
  } finally {
    await handle.close();
  }
}

async function writeFully(handle: FileHandle, chunk: Uint8Array, at: number): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, at + done);
    done += bytesWritten;
  }
}
