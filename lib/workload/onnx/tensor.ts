/**
 * What the ONNX importer knows about one tensor: its static shape, its values when they are small
 * and known (the Shape -> Gather -> Concat arithmetic that exporters emit for dynamic reshapes),
 * and whether it depends only on initializers and constants (weights, shape constants).
 */

/** Largest tensor whose values are tracked, in elements (shape vectors and scales are far smaller). */
export const VALUE_LIMIT = 4096;

/** A tensor of the graph during import. */
export interface Tensor {
  /** Static shape, in elements per axis ([] for a scalar). */
  shape: number[];
  /** ONNX element type (TensorProto.DataType: 1 float, 7 int64, ...). */
  elemType: number;
  /** Row-major values when known and at most VALUE_LIMIT elements; undefined otherwise. */
  value?: number[];
  /** True when computed from initializers and constants only (no graph input reaches it). */
  isConst: boolean;
}

/** A problem inferring one node's outputs; the importer adds the node's name, op and inputs. */
export class InferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InferError";
  }
}

/** Infers the outputs of one node from its inputs (undefined: an absent optional input). */
export type InferFn = (
  node: import("./proto.ts").NodeProto,
  ins: (Tensor | undefined)[],
  opset: number,
) => Tensor[];

/** Input 0 of a node, which every op needs. */
export function first(ins: (Tensor | undefined)[]): Tensor {
  if (!ins[0]) throw new InferError("input 0 is missing");
  return ins[0];
}

/** Number of elements of a shape. */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Axis `a` (negative counts from the end) as an index into a shape of rank `rank`. */
export function normAxis(a: number, rank: number, what = "axis"): number {
  const r = a < 0 ? a + rank : a;
  if (!Number.isInteger(r) || r < 0 || r >= rank) {
    throw new InferError(`${what} ${a} out of range for rank ${rank}`);
  }
  return r;
}

/** NumPy-style broadcast of several shapes. */
export function broadcast(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let d = 1;
    for (const s of shapes) {
      const x = s[s.length - rank + i] ?? 1;
      if (x === 1) continue;
      if (d !== 1 && d !== x) {
        throw new InferError(`shapes ${shapes.map(fmtShape).join(", ")} do not broadcast`);
      }
      d = x;
    }
    out.push(d);
  }
  return out;
}

/** Element `flat` of the output, read from an input of `shape` broadcast to `outShape`. */
function broadcastIndex(
  flat: number,
  outShape: readonly number[],
  shape: readonly number[],
): number {
  let idx = 0, stride = 1, rest = flat;
  const off = outShape.length - shape.length;
  for (let i = outShape.length - 1; i >= 0; i--) {
    const coord = rest % outShape[i];
    rest = Math.floor(rest / outShape[i]);
    const j = i - off;
    if (j >= 0) {
      if (shape[j] !== 1) idx += coord * stride;
      stride *= shape[j];
    }
  }
  return idx;
}

/** Element-wise `f` over broadcast inputs whose values are all known; undefined otherwise. */
export function mapValues(
  ins: readonly Tensor[],
  outShape: readonly number[],
  f: (...xs: number[]) => number,
): number[] | undefined {
  if (ins.some((t) => t.value === undefined)) return undefined;
  const n = numel(outShape);
  if (n > VALUE_LIMIT) return undefined;
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    out[k] = f(...ins.map((t) => t.value![broadcastIndex(k, outShape, t.shape)]));
  }
  return out;
}

/**
 * Values of a tensor of `outShape` whose element at coordinates c is the source's element at
 * `src(c)`; undefined when the source values are unknown or the output is large.
 */
export function remapValues(
  source: Tensor,
  outShape: readonly number[],
  src: (c: number[]) => number[],
): number[] | undefined {
  const v = source.value;
  const n = numel(outShape);
  if (!v || n > VALUE_LIMIT) return undefined;
  const strides = source.shape.map((_, i) => numel(source.shape.slice(i + 1)));
  const out = new Array<number>(n);
  const c = outShape.map(() => 0);
  for (let k = 0; k < n; k++) {
    let rest = k;
    for (let i = outShape.length - 1; i >= 0; i--) {
      c[i] = rest % outShape[i];
      rest = Math.floor(rest / outShape[i]);
    }
    const at = src(c).reduce((a, x, i) => a + x * strides[i], 0);
    if (!(at >= 0 && at < v.length)) throw new InferError(`index out of range at [${c}]`);
    out[k] = v[at];
  }
  return out;
}

/** A shape as text, e.g. "1x3x224x224" ("scalar" for rank 0). */
export function fmtShape(s: readonly number[]): string {
  return s.length ? s.join("x") : "scalar";
}

/** Values of an input that must be known (a shape, axes, sizes); throws naming what was needed. */
export function needValue(t: Tensor | undefined, what: string): number[] {
  if (!t) throw new InferError(`${what} input is missing`);
  if (t.value === undefined) {
    throw new InferError(
      `${what} (shape ${fmtShape(t.shape)}) is not a constant the importer can evaluate`,
    );
  }
  return t.value;
}

/** A tensor of `shape`, constant when every input is, with `value` when given and small. */
export function result(
  shape: number[],
  ins: readonly (Tensor | undefined)[],
  elemType: number,
  value?: number[],
): Tensor {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new InferError(`inferred shape ${fmtShape(shape)} has a bad dim ${d}`);
    }
  }
  const isConst = ins.every((t) => t === undefined || t.isConst);
  return {
    shape,
    elemType,
    isConst,
    value: value && value.length <= VALUE_LIMIT ? value : undefined,
  };
}
