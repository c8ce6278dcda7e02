/**
 * Strip the weight data from an ONNX file so it stays small as a test fixture:
 * `deno run -A tools/onnx_strip.ts IN.onnx OUT.onnx [--keep N]`.
 *
 * Every tensor (initializers, Constant node values, in subgraphs too) with more than N elements
 * (default 64) loses its data but keeps its name, type and dims, which is all the importer reads.
 * Small tensors (shape constants, resize scales, slice bounds) keep their values, because shape
 * inference needs them. External-data references are kept as they are (the data file is not).
 * Uses the same protobuf package as the importer (onnx-proto), so no hand-written encoder.
 */
import { parseArgs } from "node:util";
import { onnx } from "../lib/workload/onnx/proto.ts";
import type { GraphProto, TensorProto } from "../lib/workload/onnx/proto.ts";
import { int64 } from "../lib/workload/onnx/proto.ts";

/** Clear the data of a tensor with more than `keep` elements; returns the bytes removed. */
function stripTensor(t: TensorProto, keep: number): number {
  const n = (t.dims ?? []).reduce<number>((a, d) => a * int64(d as number), 1);
  if (n <= keep) return 0;
  let removed = t.rawData?.length ?? 0;
  t.rawData = new Uint8Array(0);
  for (const f of ["floatData", "int32Data", "int64Data", "doubleData", "uint64Data"] as const) {
    removed += 4 * (t[f]?.length ?? 0);
    t[f] = [];
  }
  t.stringData = [];
  return removed;
}

/** Strip every large tensor of a graph and its subgraphs; returns the bytes removed. */
export function stripGraph(g: GraphProto, keep: number): number {
  let removed = 0;
  for (const t of g.initializer ?? []) removed += stripTensor(t, keep);
  for (const n of g.node ?? []) {
    for (const a of n.attribute ?? []) {
      if (a.t) removed += stripTensor(a.t, keep);
      for (const t of a.tensors ?? []) removed += stripTensor(t, keep);
      if (a.g) removed += stripGraph(a.g, keep);
      for (const sub of a.graphs ?? []) removed += stripGraph(sub, keep);
    }
  }
  return removed;
}

/** The bytes of `model` with large tensors stripped. */
export function stripModel(bytes: Uint8Array, keep = 64): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  if (model.graph) stripGraph(model.graph, keep);
  return onnx.ModelProto.encode(model).finish();
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: { keep: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    console.error("usage: deno run -A tools/onnx_strip.ts IN.onnx OUT.onnx [--keep N]");
    Deno.exit(2);
  }
  const [inPath, outPath] = positionals;
  const input = Deno.readFileSync(inPath);
  const out = stripModel(input, values.keep ? Number(values.keep) : 64);
  Deno.writeFileSync(outPath, out);
  console.log(`${inPath}: ${input.length} -> ${out.length} bytes (${outPath})`);
}
