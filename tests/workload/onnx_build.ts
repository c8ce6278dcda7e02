/** Tiny hand-written ONNX graphs for the importer's tests, encoded with the same protobuf package. */
import { onnx } from "../../lib/workload/onnx/proto.ts";

/** A graph input or value_info: name and dims (strings are symbolic). */
export type Value = [name: string, dims: (number | string)[]];

/** A node: op type, inputs, outputs, attributes (numbers -> INT, number[] -> INTS, string -> STRING). */
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  attrs?: Record<string, number | number[] | string | { floats: number[] }>;
}

function valueInfo([name, dims]: Value) {
  return {
    name,
    type: {
      tensorType: {
        elemType: 1,
        shape: {
          dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function attribute(name: string, v: NonNullable<NodeSpec["attrs"]>[string]) {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === "number") return { name, type: T.INT, i: v };
  if (typeof v === "string") return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: T.INTS, ints: v };
  return { name, type: T.FLOATS, floats: v.floats };
}

/** An initializer with dims only (data stripped), or int64 values when given. */
export function init(name: string, dims: number[], int64Values?: number[]) {
  return int64Values
    ? { name, dims, dataType: 7, int64Data: int64Values }
    : { name, dims, dataType: 1 };
}

/** Encode a one-graph model (opset `opset`). */
export function model(spec: {
  inputs: Value[];
  nodes: NodeSpec[];
  initializers?: ReturnType<typeof init>[];
  valueInfo?: Value[];
  outputs?: Value[];
  opset?: number;
}): Uint8Array {
  const m = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: spec.opset ?? 17 }],
    graph: {
      name: "test",
      input: spec.inputs.map(valueInfo),
      output: (spec.outputs ?? []).map(valueInfo),
      valueInfo: (spec.valueInfo ?? []).map(valueInfo),
      initializer: spec.initializers ?? [],
      node: spec.nodes.map((n, i) => ({
        name: n.name ?? `n${i}`,
        opType: n.op,
        domain: n.domain ?? "",
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attribute(k, v)),
      })),
    },
  });
  return onnx.ModelProto.encode(m).finish();
}
