/**
 * Lowering of ONNX nodes (with inferred shapes) to the layer IR, following the zoo's conventions:
 * conv, dense (a MatMul or Gemm whose B is a weight), gemm (a MatMul of two activations, as in
 * attention), pool, and eltwise add / mul / concat / norm / upsample. Activations, reshapes and
 * shape arithmetic become no layer (the zoo fuses them too; they cost nothing in `arch`).
 *
 * IR layers pad both ends of an axis alike; an ONNX pad that differs at the two ends (auto_pad
 * SAME with stride 2, TF exports) keeps the smaller pad and widens the input by the difference, so
 * the output size and the MACs are exact. A ConvTranspose is costed in its scatter form: every input
 * pixel meets every kernel tap once (MACs = H_in W_in kh kw Cin Cout / groups, exact; the
 * zero-inserted gather form would count stride^2 times more), written as a stride-1 conv whose
 * output is the input's size.
 */
import type { Layer } from "../layer.ts";
import { attrInt, attrString, type NodeProto } from "./proto.ts";
import { einsumSpec, matmulDims, reduceAxes } from "./infer_nn.ts";
import { lowerConv, lowerConvTranspose, lowerPool } from "./lower_window.ts";
import { normAxis, numel, type Tensor } from "./tensor.ts";

/** What lowering accumulates over a graph. */
export interface LowerCtx {
  layers: Layer[];
  /** Index in `layers` of the layer that produced a tensor (to fold a following bias Add). */
  producer: Map<string, number>;
  /** Ops that have compute the IR cannot express: op label -> node count. */
  uncostable: Map<string, number>;
  /** Layer names already used. */
  names: Set<string>;
}

/** Batch, height, width and channels of a tensor as the IR's eltwise layers see it. */
export function hwc(shape: readonly number[]): { batch: number; h: number; w: number; c: number } {
  const d = shape;
  switch (d.length) {
    case 0:
      return { batch: 1, h: 1, w: 1, c: 1 };
    case 1:
      return { batch: 1, h: 1, w: 1, c: d[0] };
    case 2:
      return { batch: d[0], h: 1, w: 1, c: d[1] };
    case 3:
      return { batch: d[0], h: d[1], w: 1, c: d[2] };
    default:
      return { batch: d[0], h: d[2], w: numel(d.slice(3)), c: d[1] };
  }
}

function uniqueName(ctx: LowerCtx, node: NodeProto, index: number): string {
  const base = node.name || `${node.opType}_${index}`;
  let name = base;
  for (let k = 2; ctx.names.has(name); k++) name = `${base}#${k}`;
  ctx.names.add(name);
  return name;
}

function countUncostable(ctx: LowerCtx, label: string): void {
  ctx.uncostable.set(label, (ctx.uncostable.get(label) ?? 0) + 1);
}

/** A weight projection: rows of `a` (all but the last axis) times a K x N weight. */
function dense(name: string, a: readonly number[], k: number, n: number, bias: boolean): Layer {
  const batch = a.length >= 2 ? a[0] : 1;
  const tokens = a.length >= 3 ? numel(a.slice(1, -1)) : 1;
  return { kind: "dense", name, inputFeatures: k, outputFeatures: n, tokens, bias, batch };
}

function lowerMatMul(ins: Tensor[], name: string): Layer {
  const [a, b] = ins;
  const d = matmulDims(a.shape, b.shape);
  if (b.isConst && !a.isConst && b.shape.length === 2) return dense(name, a.shape, d.k, d.n, false);
  if (a.isConst && !b.isConst && a.shape.length === 2 && b.shape.length === 2) {
    // y = W x: the weight's rows are the output features, x's columns the tokens.
    return {
      kind: "dense",
      name,
      inputFeatures: d.k,
      outputFeatures: d.m,
      tokens: d.n,
      bias: false,
      batch: 1,
    };
  }
  return { kind: "gemm", name, m: d.m, k: d.k, n: d.n, weights: false, batch: numel(d.batch) };
}

function lowerGemm(node: NodeProto, ins: Tensor[], name: string): Layer {
  const [a, b, c] = ins;
  const [m, k] = attrInt(node, "transA", 0) ? [a.shape[1], a.shape[0]] : a.shape;
  const n = attrInt(node, "transB", 0) ? b.shape[0] : b.shape[1];
  if (!b.isConst) return { kind: "gemm", name, m, k, n, weights: false, batch: 1 };
  return {
    kind: "dense",
    name,
    inputFeatures: k,
    outputFeatures: n,
    tokens: 1,
    bias: c !== undefined,
    batch: m,
  };
}

function eltwise(
  name: string,
  op: "add" | "mul" | "concat" | "norm" | "upsample",
  x: readonly number[],
  y: readonly number[],
  c?: number,
): Layer {
  const i = hwc(x), o = hwc(y);
  const resized = op === "upsample" || (op === "concat" && (i.h !== o.h || i.w !== o.w));
  return {
    kind: "eltwise",
    name,
    op,
    inputH: i.h,
    inputW: i.w,
    inputC: c ?? i.c,
    outputC: op === "concat" ? o.c : c ?? i.c,
    scale: 1,
    ...(resized ? { outputH: o.h, outputW: o.w } : {}),
    batch: i.batch,
  };
}

/**
 * A two-operand Einsum as a GEMM: letters in both operands and the output are batch, in both
 * operands only are contracted (K), in one operand and the output are M (first) or N (second).
 */
function lowerEinsum(node: NodeProto, ins: Tensor[], name: string): Layer | null {
  if (ins.length !== 2) return null;
  const spec = einsumSpec(attrString(node, "equation", ""), ins.map((t) => t.shape));
  const [a, b] = spec.inputs;
  const o = spec.output;
  const size = (pick: (c: string) => boolean) =>
    numel([...spec.sizes.keys()].filter(pick).map((c) => spec.sizes.get(c)!));
  const inA = (c: string) => a.includes(c), inB = (c: string) => b.includes(c);
  const inO = (c: string) => o.includes(c);
  return {
    kind: "gemm",
    name,
    m: size((c) => inA(c) && !inB(c)),
    n: size((c) => inB(c) && !inA(c)),
    k: size((c) => inA(c) && inB(c) && !inO(c)),
    weights: false,
    batch: size((c) => inA(c) && inB(c) && inO(c)),
  };
}

/** Fold `Add(y, bias)` into the dense or conv layer that produced y; true when folded. */
function foldBias(node: NodeProto, ins: Tensor[], ctx: LowerCtx): boolean {
  const k = ins.findIndex((t) => !t.isConst);
  const bias = ins[1 - k];
  const li = ctx.producer.get(node.input![k]);
  if (li === undefined || !bias) return false;
  const l = ctx.layers[li];
  const dims = bias.shape.filter((d) => d !== 1);
  const ok = l.kind === "dense"
    ? !l.bias && dims.length === 1 && dims[0] === l.outputFeatures &&
      bias.shape.at(-1) === l.outputFeatures
    : l.kind === "conv2d" && !l.bias && dims.length === 1 && dims[0] === l.outputC;
  if (!ok) return false;
  ctx.layers[li] = { ...l, bias: true } as Layer;
  ctx.producer.set(node.output![0], li);
  return true;
}

/** Ops with compute the IR cannot express (costed as nothing, listed in a warning). */
export const UNCOSTABLE = new Set([
  "LSTM",
  "GRU",
  "RNN",
  "If",
  "Loop",
  "Scan",
  "Attention",
  "MultiHeadAttention",
  "NonMaxSuppression",
  "RoiAlign",
  "MaxRoiPool",
  "DeformConv",
  "QLinearConv",
  "ConvInteger",
  "QLinearMatMul",
  "MatMulInteger",
  "GridSample",
  "STFT",
  "DFT",
]);

/** Append the IR layer (if any) of one node whose input and output shapes are known. */
export function lowerNode(
  node: NodeProto,
  ins: (Tensor | undefined)[],
  outs: Tensor[],
  index: number,
  ctx: LowerCtx,
): void {
  const op = node.opType ?? "";
  const acts = ins.filter((t): t is Tensor => t !== undefined && !t.isConst);
  const out = outs[0];
  if (acts.length === 0 || !out || numel(out.shape) === 0) return; // constant folding, shape math
  const all = ins as Tensor[];
  let layer: Layer | null = null;
  const name = () => uniqueName(ctx, node, index);
  switch (op) {
    case "Conv":
      layer = lowerConv(node, all, name(), (u) => countUncostable(ctx, u));
      break;
    case "ConvTranspose":
      layer = lowerConvTranspose(node, all, name(), (u) => countUncostable(ctx, u));
      break;
    case "MaxPool":
    case "GlobalMaxPool":
      layer = lowerPool(node, all, name(), "max");
      break;
    case "AveragePool":
    case "GlobalAveragePool":
    case "LpPool":
    case "GlobalLpPool":
      layer = lowerPool(node, all, name(), "avg");
      break;
    case "ReduceMean":
    case "ReduceMax": {
      // Torch's dynamo exporter writes global average pooling as ReduceMean over H and W.
      const x = all[0];
      const axes = reduceAxes(node, ins, x.shape.length).sort().join();
      if (x.shape.length === 4 && axes === "2,3") {
        const [n, c, h, w] = x.shape;
        layer = {
          kind: "pool",
          name: name(),
          op: op === "ReduceMean" ? "avg" : "max",
          inputH: h,
          inputW: w,
          inputC: c,
          kernelH: h,
          kernelW: w,
          strideH: 1,
          strideW: 1,
          padH: 0,
          padW: 0,
          ceilMode: false,
          batch: n,
        };
      }
      break;
    }
    case "Gemm":
      layer = lowerGemm(node, all, name());
      break;
    case "Einsum":
      layer = lowerEinsum(node, all, name());
      break;
    case "MatMul":
      layer = lowerMatMul(all, name());
      break;
    case "BatchNormalization":
    case "InstanceNormalization":
    case "GroupNormalization":
      layer = eltwise(name(), "norm", all[0].shape, out.shape, all[0].shape[1] ?? 1);
      break;
    case "LayerNormalization": {
      const x = all[0];
      const axis = normAxis(attrInt(node, "axis", -1), x.shape.length);
      const c = numel(x.shape.slice(axis));
      const rows = numel(x.shape.slice(1, axis));
      layer = {
        kind: "eltwise",
        name: name(),
        op: "norm",
        inputH: Math.max(1, rows),
        inputW: 1,
        inputC: c,
        outputC: c,
        scale: 1,
        batch: axis > 0 ? x.shape[0] : 1,
      };
      break;
    }
    case "Add":
    case "Sub":
    case "Mul":
    case "Div":
      if (acts.length >= 2) {
        layer = eltwise(name(), op === "Add" || op === "Sub" ? "add" : "mul", out.shape, out.shape);
      } else if (op === "Add") foldBias(node, all, ctx);
      break;
    case "Concat":
      if (ins.length >= 2) layer = eltwise(name(), "concat", acts[0].shape, out.shape);
      break;
    case "Resize":
    case "Upsample":
      layer = eltwise(name(), "upsample", all[0].shape, out.shape);
      break;
    default:
      if (UNCOSTABLE.has(op)) countUncostable(ctx, op);
  }
  if (!layer) return;
  ctx.producer.set(node.output![0], ctx.layers.length);
  ctx.layers.push(layer);
}
