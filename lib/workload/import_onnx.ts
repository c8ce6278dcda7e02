/**
 * The public ONNX entry points of `lab`, loading the protobuf reader (onnx.ts) on first use so that
 * importing the library stays fast. Notebooks: `const net = await lab.importOnnx(bytes, { input })`.
 */
import type { Network } from "./layer.ts";
import type { OnnxImport, OnnxOptions } from "./onnx.ts";

export type { OnnxImport, OnnxOptions } from "./onnx.ts";

/** Import the bytes of an .onnx file as a Network; warnings go to `onWarning` (default console.warn). */
export async function importOnnx(
  bytes: Uint8Array,
  opts: OnnxOptions & { onWarning?: (message: string) => void } = {},
): Promise<Network> {
  return (await import("./onnx.ts")).importOnnx(bytes, opts);
}

/** Read an .onnx file's bytes into a Network plus warnings, uncostable ops and tensor shapes. */
export async function readOnnx(bytes: Uint8Array, opts: OnnxOptions = {}): Promise<OnnxImport> {
  return (await import("./onnx.ts")).readOnnx(bytes, opts);
}
