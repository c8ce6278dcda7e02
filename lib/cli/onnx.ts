/** Loading `--onnx FILE [--input NxCxHxW]` for the CLI; the ONNX reader is imported only when used. */
import type { Network } from "../workload/layer.ts";

/** Read an .onnx file into a Network, printing the importer's warnings to stderr. */
export async function loadOnnx(path: string, input: string | undefined): Promise<Network> {
  const bytes = await Deno.readFile(path);
  const { importOnnx } = await import("../workload/onnx.ts");
  const name = path.split(/[\\/]/).pop()!.replace(/\.onnx$/i, "") || "onnx";
  return importOnnx(bytes, {
    input,
    name,
    file: path,
    onWarning: (m) => console.error(`warning: ${m}`),
  });
}
