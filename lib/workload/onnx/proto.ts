/**
 * Reading the ONNX protobuf: `decodeModel` turns the bytes of an .onnx file into the generated
 * `onnx.ModelProto` of the npm package `onnx-proto` (protobuf.js static code for onnx.proto of ONNX
 * 1.10; newer fields are skipped as unknown fields), and turns every decode failure into a
 * ValidationError naming the file and the byte offset. The helpers read tensor dims, small tensor
 * values (shape constants, resize scales) and node attributes; weight data is never needed.
 */
import onnxProto from "onnx-proto";
import { ValidationError } from "../../validate.ts";

export const { onnx } = onnxProto;
export type ModelProto = onnxProto.onnx.ModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;

/** An int64 as protobuf.js returns it: a number, or a Long when the `long` package is loaded. */
type Int64 = number | { toNumber(): number };

/** A protobuf int64 as a JS number (values beyond 2^53 lose precision, as ONNX's INT64_MAX does). */
export function int64(x: Int64 | null | undefined): number {
  if (x === null || x === undefined) return 0;
  return typeof x === "number" ? x : x.toNumber();
}

/** Decode the bytes of an .onnx file; a malformed or truncated file throws a ValidationError. */
export function decodeModel(bytes: Uint8Array, file: string): ModelProto {
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new ValidationError(`ONNX file ${file}`, [decodeIssue(e, bytes.length)]);
  }
  if (!model.graph) {
    throw new ValidationError(`ONNX file ${file}`, [
      `field ModelProto.graph: missing (${bytes.length} bytes decoded; not an ONNX model?)`,
    ]);
  }
  return model;
}

/** One line naming where decoding stopped, from protobuf.js's messages ("... at offset N", ...). */
function decodeIssue(e: unknown, size: number): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /call stack/i.test(msg)) {
    return `protobuf nesting too deep to decode (${size} bytes): ${msg}`;
  }
  // protobuf.js: "index out of range: POS + LEN > SIZE" and "invalid wire type W at offset POS".
  const range = /index out of range: (\d+) \+ (\d+) > (\d+)/.exec(msg);
  if (range) {
    return `truncated at byte offset ${range[1]}: a field needs ${range[2]} more bytes, ` +
      `the file has ${range[3]} (${msg})`;
  }
  const wire = /invalid wire type (\d+) at offset (\d+)/.exec(msg);
  if (wire) return `invalid protobuf wire type ${wire[1]} at byte offset ${wire[2]}`;
  return `protobuf decode failed (${size} bytes): ${msg}`;
}

/** Dims of a tensor, in elements per axis. */
export function tensorDims(t: TensorProto): number[] {
  return (t.dims ?? []).map((d) => int64(d as Int64));
}

const INT_TYPES = new Set([2, 3, 4, 5, 6, 7, 9, 12, 13]);

/** Whether an ONNX element type (TensorProto.DataType) holds integers or booleans. */
export function isIntType(elemType: number): boolean {
  return INT_TYPES.has(elemType);
}

/** Bytes per element of the fixed-size ONNX element types read from raw_data. */
const RAW_READERS: Record<number, [number, (v: DataView, o: number) => number]> = {
  1: [4, (v, o) => v.getFloat32(o, true)],
  2: [1, (v, o) => v.getUint8(o)],
  3: [1, (v, o) => v.getInt8(o)],
  4: [2, (v, o) => v.getUint16(o, true)],
  5: [2, (v, o) => v.getInt16(o, true)],
  6: [4, (v, o) => v.getInt32(o, true)],
  7: [8, (v, o) => Number(v.getBigInt64(o, true))],
  9: [1, (v, o) => v.getUint8(o)],
  11: [8, (v, o) => v.getFloat64(o, true)],
  12: [4, (v, o) => v.getUint32(o, true)],
  13: [8, (v, o) => Number(v.getBigUint64(o, true))],
};

/**
 * The values of a tensor with at most `limit` elements, as numbers; undefined when the data was
 * stripped, is stored externally, has an unsupported type, or the tensor is larger than `limit`.
 */
export function tensorValues(t: TensorProto, limit: number): number[] | undefined {
  const n = tensorDims(t).reduce((a, b) => a * b, 1);
  if (n > limit) return undefined;
  const type = t.dataType ?? 0;
  const raw = t.rawData;
  if (raw && raw.length > 0) {
    const reader = RAW_READERS[type];
    if (!reader || raw.length < n * reader[0]) return undefined;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: n }, (_, i) => reader[1](view, i * reader[0]));
  }
  const typed = type === 1
    ? t.floatData
    : type === 7
    ? t.int64Data
    : type === 11
    ? t.doubleData
    : type === 13 || type === 12
    ? t.uint64Data
    : t.int32Data;
  if (!typed || typed.length !== n) return undefined;
  return (typed as Int64[]).map(int64);
}

/** Attribute `name` of a node, or undefined. */
export function attr(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute?.find((a) => a.name === name);
}

/** Integer attribute `name` (default `fallback`). */
export function attrInt(node: NodeProto, name: string, fallback: number): number {
  const a = attr(node, name);
  return a ? int64(a.i as Int64) : fallback;
}

/** Float attribute `name` (default `fallback`). */
export function attrFloat(node: NodeProto, name: string, fallback: number): number {
  const a = attr(node, name);
  return a ? a.f ?? fallback : fallback;
}

/** Integer-list attribute `name`, or undefined when absent. */
export function attrInts(node: NodeProto, name: string): number[] | undefined {
  const a = attr(node, name);
  return a ? (a.ints ?? []).map((x) => int64(x as Int64)) : undefined;
}

/** Float-list attribute `name`, or undefined when absent. */
export function attrFloats(node: NodeProto, name: string): number[] | undefined {
  const a = attr(node, name);
  return a ? [...(a.floats ?? [])] : undefined;
}

/** String attribute `name` (default `fallback`). */
export function attrString(node: NodeProto, name: string, fallback: string): string {
  const a = attr(node, name);
  return a?.s ? new TextDecoder().decode(a.s) : fallback;
}

/** Static dims of a value_info entry: numbers, or the symbolic name (or "?") for unknown dims. */
export function valueInfoDims(v: ValueInfoProto): (number | string)[] | undefined {
  const shape = v.type?.tensorType?.shape;
  if (!shape) return undefined;
  // protobuf.js exposes the oneof as `value`: which of dimValue / dimParam was present.
  return (shape.dim ?? []).map((d) => {
    const which = (d as { value?: string }).value;
    if (which === "dimValue") return int64(d.dimValue as Int64);
    return d.dimParam || "?";
  });
}
