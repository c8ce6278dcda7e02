/**
 * Shape inference for the compute ops of ONNX: Conv, ConvTranspose, pooling, Gemm, MatMul and the
 * reductions, after the output-size formulas of the ONNX operator specification (auto_pad SAME_*
 * pads to ceil(in / stride); explicit pads may differ at the two ends of an axis).
 */
import type { InferFn } from "./infer.ts";
import { attrInt, attrInts, attrString, type NodeProto } from "./proto.ts";
import { fmtShape, InferError, needValue, normAxis, result, type Tensor } from "./tensor.ts";

/** Sliding-window geometry of a conv or pool node along each spatial axis (pixels). */
export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  padBegin: number[];
  padEnd: number[];
  out: number[];
}

/** Window of `node` over the spatial dims `input` with kernel `kernel` (ceil: pooling ceil_mode). */
export function slidingWindow(
  node: NodeProto,
  input: number[],
  kernel: number[],
  ceil = false,
): Window {
  const r = input.length;
  const strides = attrInts(node, "strides") ?? input.map(() => 1);
  const dilations = attrInts(node, "dilations") ?? input.map(() => 1);
  const autoPad = attrString(node, "auto_pad", "NOTSET");
  const pads = attrInts(node, "pads") ?? new Array(2 * r).fill(0);
  if (strides.length !== r || dilations.length !== r || pads.length !== 2 * r) {
    throw new InferError(
      `strides [${strides}], dilations [${dilations}] or pads [${pads}] do not match ${r} spatial axes`,
    );
  }
  const padBegin: number[] = [], padEnd: number[] = [], out: number[] = [];
  for (let i = 0; i < r; i++) {
    const span = dilations[i] * (kernel[i] - 1) + 1;
    if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") {
      const o = Math.ceil(input[i] / strides[i]);
      const total = Math.max(0, (o - 1) * strides[i] + span - input[i]);
      const small = Math.floor(total / 2);
      padBegin.push(autoPad === "SAME_UPPER" ? small : total - small);
      padEnd.push(total - padBegin[i]);
    } else if (autoPad === "VALID") {
      padBegin.push(0), padEnd.push(0);
    } else {
      padBegin.push(pads[i]), padEnd.push(pads[i + r]);
    }
    const q = (input[i] + padBegin[i] + padEnd[i] - span) / strides[i];
    out.push((ceil ? Math.ceil(q) : Math.floor(q)) + 1);
    if (!(out[i] >= 1) || strides[i] < 1 || dilations[i] < 1) {
      throw new InferError(
        `axis ${i}: input ${input[i]}, kernel ${kernel[i]}, stride ${strides[i]}, ` +
          `pads ${padBegin[i]}+${padEnd[i]} give an empty output`,
      );
    }
  }
  return { kernel, strides, dilations, padBegin, padEnd, out };
}

function input(ins: (Tensor | undefined)[], i: number, what: string): Tensor {
  const t = ins[i];
  if (!t) throw new InferError(`${what} input is missing`);
  return t;
}

const conv: InferFn = (node, ins) => {
  const x = input(ins, 0, "X"), w = input(ins, 1, "W");
  if (x.shape.length < 3 || w.shape.length !== x.shape.length) {
    throw new InferError(
      `X ${fmtShape(x.shape)} and W ${fmtShape(w.shape)} ranks do not fit a conv`,
    );
  }
  const groups = attrInt(node, "group", 1);
  if (w.shape[1] * groups !== x.shape[1]) {
    throw new InferError(
      `W ${fmtShape(w.shape)} x group ${groups} does not match ${x.shape[1]} input channels`,
    );
  }
  const kernel = attrInts(node, "kernel_shape") ?? w.shape.slice(2);
  const win = slidingWindow(node, x.shape.slice(2), kernel);
  return [result([x.shape[0], w.shape[0], ...win.out], ins, x.elemType)];
};

/** Output spatial size of a ConvTranspose (ONNX: s*(in-1) + output_padding + span - pads). */
export function convTransposeOut(node: NodeProto, x: Tensor, w: Tensor): number[] {
  const sp = x.shape.slice(2);
  const r = sp.length;
  const kernel = attrInts(node, "kernel_shape") ?? w.shape.slice(2);
  const strides = attrInts(node, "strides") ?? sp.map(() => 1);
  const dil = attrInts(node, "dilations") ?? sp.map(() => 1);
  const outPad = attrInts(node, "output_padding") ?? sp.map(() => 0);
  const explicit = attrInts(node, "output_shape");
  if (explicit) return explicit.slice(-r);
  const autoPad = attrString(node, "auto_pad", "NOTSET");
  if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") return sp.map((d, i) => d * strides[i]);
  const pads = autoPad === "VALID"
    ? new Array(2 * r).fill(0)
    : attrInts(node, "pads") ?? new Array(2 * r).fill(0);
  return sp.map((d, i) =>
    strides[i] * (d - 1) + outPad[i] + dil[i] * (kernel[i] - 1) + 1 - pads[i] - pads[i + r]
  );
}

const convTranspose: InferFn = (node, ins) => {
  const x = input(ins, 0, "X"), w = input(ins, 1, "W");
  if (x.shape.length < 3 || w.shape.length !== x.shape.length || w.shape[0] !== x.shape[1]) {
    throw new InferError(
      `X ${fmtShape(x.shape)} and W ${fmtShape(w.shape)} do not fit a ConvTranspose`,
    );
  }
  const out = convTransposeOut(node, x, w);
  if (out.some((d) => !(d >= 1))) throw new InferError(`empty output ${out.join("x")}`);
  const outC = w.shape[1] * attrInt(node, "group", 1);
  return [result([x.shape[0], outC, ...out], ins, x.elemType)];
};

const pool: InferFn = (node, ins) => {
  const x = input(ins, 0, "X");
  const kernel = attrInts(node, "kernel_shape");
  if (!kernel || kernel.length !== x.shape.length - 2) {
    throw new InferError(`kernel_shape [${kernel ?? ""}] does not fit input ${fmtShape(x.shape)}`);
  }
  const win = slidingWindow(node, x.shape.slice(2), kernel, attrInt(node, "ceil_mode", 0) === 1);
  const y = result([x.shape[0], x.shape[1], ...win.out], ins, x.elemType);
  return (node.output?.length ?? 1) > 1 ? [y, result([...y.shape], ins, 7)] : [y];
};

const globalPool: InferFn = (_n, ins) => {
  const x = input(ins, 0, "X");
  return [result(x.shape.map((d, i) => (i < 2 ? d : 1)), ins, x.elemType)];
};

const gemm: InferFn = (node, ins) => {
  const a = input(ins, 0, "A"), b = input(ins, 1, "B");
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new InferError(`A ${fmtShape(a.shape)} and B ${fmtShape(b.shape)} must be 2-D`);
  }
  const [m, ka] = attrInt(node, "transA", 0) ? [a.shape[1], a.shape[0]] : a.shape;
  const [kb, n] = attrInt(node, "transB", 0) ? [b.shape[1], b.shape[0]] : b.shape;
  if (ka !== kb) throw new InferError(`inner dims differ: A gives K = ${ka}, B gives ${kb}`);
  return [result([m, n], ins, a.elemType)];
};

/** Shapes of a MatMul: batch dims (broadcast), M, K, N, and the output shape. */
export function matmulDims(
  a: readonly number[],
  b: readonly number[],
): { batch: number[]; m: number; k: number; n: number; out: number[] } {
  const A = a.length === 1 ? [1, a[0]] : [...a];
  const B = b.length === 1 ? [b[0], 1] : [...b];
  if (A.length === 0 || B.length === 0) throw new InferError("MatMul of a scalar");
  const [m, k] = A.slice(-2), [kb, n] = B.slice(-2);
  if (k !== kb) throw new InferError(`inner dims differ: ${fmtShape(a)} x ${fmtShape(b)}`);
  const ba = A.slice(0, -2), bb = B.slice(0, -2);
  const rank = Math.max(ba.length, bb.length);
  const batch: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = ba[ba.length - rank + i] ?? 1, y = bb[bb.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new InferError(`batch dims do not broadcast: ${fmtShape(a)} x ${fmtShape(b)}`);
    }
    batch.push(Math.max(x, y));
  }
  const out = [...batch, ...(a.length === 1 ? [] : [m]), ...(b.length === 1 ? [] : [n])];
  return { batch, m, k, n, out };
}

const matmul: InferFn = (_n, ins) => {
  const a = input(ins, 0, "A"), b = input(ins, 1, "B");
  return [result(matmulDims(a.shape, b.shape).out, ins, a.elemType)];
};

/** Reduced axes of a Reduce* node (attribute in older opsets, input 1 in newer ones). */
export function reduceAxes(node: NodeProto, ins: (Tensor | undefined)[], rank: number): number[] {
  const attr = attrInts(node, "axes");
  const given = attr ?? (ins[1] && ins[1].shape[0] !== 0 ? needValue(ins[1], "axes") : undefined);
  if (given) return given.map((a) => normAxis(a, rank));
  if (attrInt(node, "noop_with_empty_axes", 0)) return [];
  return Array.from({ length: rank }, (_, i) => i);
}

const reduce: InferFn = (node, ins) => {
  const x = input(ins, 0, "data");
  const axes = reduceAxes(node, ins, x.shape.length);
  const keep = attrInt(node, "keepdims", 1) === 1;
  const shape = x.shape.flatMap((d, i) => (axes.includes(i) ? (keep ? [1] : []) : [d]));
  return [result(shape, ins, x.elemType)];
};

const argReduce: InferFn = (node, ins) => {
  const x = input(ins, 0, "data");
  const axis = normAxis(attrInt(node, "axis", 0), x.shape.length);
  const keep = attrInt(node, "keepdims", 1) === 1;
  const shape = x.shape.flatMap((d, i) => (i === axis ? (keep ? [1] : []) : [d]));
  return [result(shape, ins, 7)];
};

const topK: InferFn = (node, ins) => {
  const x = input(ins, 0, "X");
  const axis = normAxis(attrInt(node, "axis", -1), x.shape.length);
  const k = ins[1] ? needValue(ins[1], "K")[0] : attrInt(node, "k", 1);
  const shape = x.shape.map((d, i) => (i === axis ? k : d));
  return [result(shape, ins, x.elemType), result([...shape], ins, 7)];
};

/** An Einsum equation with its ellipsis expanded: one letter string per operand and the output. */
export interface EinsumSpec {
  inputs: string[];
  output: string;
  /** Size of every letter (ellipsis dims get the letters "0".."9"). */
  sizes: Map<string, number>;
}

/** Parse an Einsum equation against its operands' shapes (ONNX / NumPy einsum rules). */
export function einsumSpec(equation: string, shapes: number[][]): EinsumSpec {
  const eq = equation.replace(/\s/g, "");
  const [lhs, rhs] = eq.split("->");
  const terms = lhs.split(",");
  if (terms.length !== shapes.length) {
    throw new InferError(
      `equation "${equation}" has ${terms.length} operands, the node ${shapes.length}`,
    );
  }
  const sizes = new Map<string, number>();
  let ell = 0;
  const inputs = terms.map((t, i) => {
    const letters = t.replace("...", "");
    const n = shapes[i].length - letters.length;
    if (n < 0 || (n > 0 && !t.includes("..."))) {
      throw new InferError(`term "${t}" does not fit shape ${fmtShape(shapes[i])}`);
    }
    ell = Math.max(ell, n);
    const e = Array.from({ length: n }, (_, j) => String(ell - n + j)).join("");
    const full = t.replace("...", e);
    [...full].forEach((ch, j) => {
      const d = shapes[i][j], old = sizes.get(ch);
      if (old !== undefined && old !== d && old !== 1 && d !== 1) {
        throw new InferError(`letter ${ch} is ${old} in one operand and ${d} in another`);
      }
      sizes.set(ch, Math.max(old ?? 1, d));
    });
    return full;
  });
  const ellipsis = Array.from({ length: ell }, (_, j) => String(j)).join("");
  const implicit = () => {
    const once = [...terms.join("").replace(/\./g, "")].filter((c, _, all) =>
      all.indexOf(c) === all.lastIndexOf(c)
    );
    return ellipsis + once.sort().join("");
  };
  const output = rhs === undefined ? implicit() : rhs.replace("...", ellipsis);
  for (const ch of output) {
    if (!sizes.has(ch)) throw new InferError(`output letter ${ch} is in no operand`);
  }
  return { inputs, output, sizes };
}

const einsum: InferFn = (node, ins) => {
  const xs = ins.filter((t): t is Tensor => t !== undefined);
  const spec = einsumSpec(attrString(node, "equation", ""), xs.map((t) => t.shape));
  return [result([...spec.output].map((c) => spec.sizes.get(c)!), ins, xs[0].elemType)];
};

const REDUCE_OPS = [
  "ReduceMean",
  "ReduceSum",
  "ReduceMax",
  "ReduceMin",
  "ReduceProd",
  "ReduceL1",
  "ReduceL2",
  "ReduceLogSum",
  "ReduceLogSumExp",
  "ReduceSumSquare",
];

/** The compute ops, by op type. */
export const COMPUTE: Record<string, InferFn> = {
  Conv: conv,
  ConvTranspose: convTranspose,
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  GlobalLpPool: globalPool,
  Gemm: gemm,
  MatMul: matmul,
  ...Object.fromEntries(REDUCE_OPS.map((op) => [op, reduce])),
  ArgMax: argReduce,
  ArgMin: argReduce,
  TopK: topK,
  Einsum: einsum,
};
