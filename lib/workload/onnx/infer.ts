/**
 * Shape (and small-value) inference for the element-wise ops, constants and shape arithmetic of
 * ONNX, following the operator definitions of the ONNX specification (opsets 7-21): what each node
 * outputs, given what its inputs are. Data-movement ops are in infer_layout.ts, compute ops
 * (conv, pooling, matmul, reductions) in infer_nn.ts.
 */
import { attrInt, int64, isIntType, tensorDims, tensorValues } from "./proto.ts";
import { LAYOUT } from "./infer_layout.ts";
import {
  broadcast,
  first,
  InferError,
  type InferFn,
  mapValues,
  needValue,
  normAxis,
  numel,
  result,
  type Tensor,
  VALUE_LIMIT,
} from "./tensor.ts";

export type { InferFn };

const same: InferFn = (_n, ins) => {
  const x = first(ins);
  return [result([...x.shape], ins, x.elemType)];
};

/** Same shape; the value maps through `f` (for shape arithmetic). */
const unary = (f: (x: number) => number): InferFn => (_n, ins) => {
  const x = first(ins);
  return [result([...x.shape], ins, x.elemType, x.value?.map(f))];
};

const binary =
  (f: (a: number, b: number, int: boolean) => number, bool = false): InferFn => (_n, ins) => {
    const xs = ins.filter((t): t is Tensor => t !== undefined);
    if (xs.length < 2) throw new InferError(`needs 2 inputs, got ${xs.length}`);
    const shape = broadcast(xs.map((t) => t.shape));
    const int = isIntType(xs[0].elemType);
    const v = mapValues(xs, shape, (a, b) => f(a, b, int));
    return [result(shape, ins, bool ? 9 : xs[0].elemType, v)];
  };

const variadic = (f: (xs: number[]) => number): InferFn => (_n, ins) => {
  const xs = ins.filter((t): t is Tensor => t !== undefined);
  const shape = broadcast(xs.map((t) => t.shape));
  return [result(shape, ins, xs[0]?.elemType ?? 1, mapValues(xs, shape, (...v) => f(v)))];
};

const castTo = (type: number) => (x: number) => (isIntType(type) ? Math.trunc(x) : x);

const constant: InferFn = (node) => {
  for (const a of node.attribute ?? []) {
    if (a.name === "value" && a.t) {
      return [{
        shape: tensorDims(a.t),
        elemType: a.t.dataType ?? 1,
        isConst: true,
        value: tensorValues(a.t, VALUE_LIMIT),
      }];
    }
    if (a.name === "value_int") {
      return [{ shape: [], elemType: 7, isConst: true, value: [int64(a.i as number)] }];
    }
    if (a.name === "value_ints") {
      const v = (a.ints ?? []).map((x) => int64(x as number));
      return [{ shape: [v.length], elemType: 7, isConst: true, value: v }];
    }
    if (a.name === "value_float") {
      return [{ shape: [], elemType: 1, isConst: true, value: [a.f ?? 0] }];
    }
    if (a.name === "value_floats") {
      const v = [...(a.floats ?? [])];
      return [{ shape: [v.length], elemType: 1, isConst: true, value: v }];
    }
  }
  throw new InferError("Constant has no value attribute the importer reads");
};

const shapeOp: InferFn = (node, ins) => {
  const r = first(ins).shape.length;
  const clamp = (a: number) => Math.min(r, Math.max(0, a < 0 ? a + r : a));
  const v = first(ins).shape.slice(
    clamp(attrInt(node, "start", 0)),
    clamp(attrInt(node, "end", r)),
  );
  return [{ shape: [v.length], elemType: 7, isConst: true, value: v }];
};

const constantOfShape: InferFn = (node, ins) => {
  const shape = needValue(ins[0], "shape");
  const t = node.attribute?.find((a) => a.name === "value")?.t;
  const fill = t ? tensorValues(t, 1)?.[0] ?? 0 : 0;
  const n = numel(shape);
  return [
    result(shape, [], t?.dataType ?? 1, n <= VALUE_LIMIT ? new Array(n).fill(fill) : undefined),
  ];
};

const range: InferFn = (_n, ins) => {
  const [start] = needValue(ins[0], "start"), [limit] = needValue(ins[1], "limit");
  const [delta] = needValue(ins[2], "delta");
  if (delta === 0) throw new InferError("Range delta 0");
  const n = Math.max(0, Math.ceil((limit - start) / delta));
  const v = n <= VALUE_LIMIT ? Array.from({ length: n }, (_, i) => start + i * delta) : undefined;
  return [result([n], ins, first(ins).elemType, v)];
};

const where: InferFn = (_n, ins) => {
  const xs = ins.filter((t): t is Tensor => t !== undefined);
  if (xs.length !== 3) throw new InferError("Where needs 3 inputs");
  const shape = broadcast(xs.map((t) => t.shape));
  return [result(shape, ins, xs[1].elemType, mapValues(xs, shape, (c, a, b) => (c ? a : b)))];
};

const dropout: InferFn = (node, ins) => {
  const x = first(ins);
  const out = [result([...x.shape], ins, x.elemType, x.value)];
  if ((node.output?.length ?? 1) > 1) out.push(result([...x.shape], ins, 9));
  return out;
};

/** Unary ops that keep the shape (activations, normalizations, casts). */
const SAME_SHAPE = [
  "Relu",
  "Sigmoid",
  "Tanh",
  "HardSigmoid",
  "HardSwish",
  "LeakyRelu",
  "Elu",
  "Selu",
  "Celu",
  "Gelu",
  "Erf",
  "Exp",
  "Log",
  "Sin",
  "Cos",
  "Softplus",
  "Softsign",
  "Clip",
  "PRelu",
  "Softmax",
  "LogSoftmax",
  "Hardmax",
  "InstanceNormalization",
  "LRN",
  "Mish",
  "IsNaN",
  "IsInf",
  "Sign",
  "ThresholdedRelu",
  "Trilu",
  "CumSum",
  "QuantizeLinear",
  "DequantizeLinear",
  "Shrink",
  "MeanVarianceNormalization",
  "GroupNormalization",
  "BatchNormalization",
  "LpNormalization",
  "ScatterND",
  "ScatterElements",
  "Scatter",
];

/** The element-wise and data-movement ops, by op type. */
export const ELEMENTWISE: Record<string, InferFn> = {
  ...LAYOUT,
  ...Object.fromEntries(SAME_SHAPE.map((op) => [op, same])),
  Identity: unary((x) => x),
  Neg: unary((x) => -x),
  Abs: unary(Math.abs),
  Floor: unary(Math.floor),
  Ceil: unary(Math.ceil),
  Round: unary(Math.round),
  Sqrt: unary(Math.sqrt),
  Reciprocal: unary((x) => 1 / x),
  Not: unary((x) => (x ? 0 : 1)),
  Cast: (node, ins) => {
    const to = attrInt(node, "to", 1);
    const x = first(ins);
    return [result([...x.shape], ins, to, x.value?.map(castTo(to)))];
  },
  CastLike: (_n, ins) => {
    const x = first(ins);
    const to = ins[1]?.elemType ?? x.elemType;
    return [result([...x.shape], ins, to, x.value?.map(castTo(to)))];
  },
  Add: binary((a, b) => a + b),
  Sub: binary((a, b) => a - b),
  Mul: binary((a, b) => a * b),
  Div: binary((a, b, int) => (int ? Math.trunc(a / b) : a / b)),
  Pow: binary((a, b) => a ** b),
  Mod: binary((a, b) => a - b * Math.floor(a / b)),
  Equal: binary((a, b) => Number(a === b), true),
  Less: binary((a, b) => Number(a < b), true),
  LessOrEqual: binary((a, b) => Number(a <= b), true),
  Greater: binary((a, b) => Number(a > b), true),
  GreaterOrEqual: binary((a, b) => Number(a >= b), true),
  And: binary((a, b) => Number(a && b), true),
  Or: binary((a, b) => Number(a || b), true),
  Xor: binary((a, b) => Number(!a !== !b), true),
  Max: variadic((xs) => Math.max(...xs)),
  Min: variadic((xs) => Math.min(...xs)),
  Sum: variadic((xs) => xs.reduce((a, b) => a + b, 0)),
  Mean: variadic((xs) => xs.reduce((a, b) => a + b, 0) / xs.length),
  Where: where,
  Constant: constant,
  Shape: shapeOp,
  Size: (_n, ins) => [{ shape: [], elemType: 7, isConst: true, value: [numel(first(ins).shape)] }],
  GatherElements: (_n, ins) => [
    result([...(ins[1]?.shape ?? [])], ins, first(ins).elemType),
  ],
  ConstantOfShape: constantOfShape,
  Range: range,
  Dropout: dropout,
  LayerNormalization: (node, ins) => {
    const x = first(ins);
    const axis = normAxis(attrInt(node, "axis", -1), x.shape.length);
    const stat = x.shape.map((d, i) => (i < axis ? d : 1));
    return [result([...x.shape], ins, x.elemType), result(stat, ins, 1), result(stat, ins, 1)]
      .slice(0, node.output?.length ?? 1);
  },
};
