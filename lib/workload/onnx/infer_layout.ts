/**
 * Shape inference for the data-movement ops of ONNX (Reshape, Flatten, Transpose, Squeeze,
 * Unsqueeze, Concat, Split, Slice, Gather, Expand, Tile, Pad, Resize/Upsample, DepthToSpace),
 * after the ONNX operator specification. Values of small 1-D tensors flow through, because
 * exporters compute reshape targets with Shape -> Gather -> Concat arithmetic.
 */
import { attrInt, attrInts, type NodeProto } from "./proto.ts";
import {
  broadcast,
  first,
  InferError,
  type InferFn,
  mapValues,
  needValue,
  normAxis,
  numel,
  remapValues,
  result,
  type Tensor,
} from "./tensor.ts";

const reshape: InferFn = (node, ins) => {
  const x = first(ins);
  const spec = needValue(ins[1], "shape");
  const allowZero = attrInt(node, "allowzero", 0) === 1;
  const out = spec.map((d, i) => (d === 0 && !allowZero ? x.shape[i] : d));
  const neg = out.indexOf(-1);
  if (neg >= 0) {
    const known = numel(out.filter((_, i) => i !== neg));
    if (known === 0 || numel(x.shape) % known !== 0) {
      throw new InferError(`cannot reshape ${x.shape.join("x")} to [${spec}]`);
    }
    out[neg] = numel(x.shape) / known;
  }
  if (numel(out) !== numel(x.shape) || out.some((d) => d === undefined || d < 0)) {
    throw new InferError(`cannot reshape ${x.shape.join("x")} to [${spec}]`);
  }
  return [result(out, ins, x.elemType, x.value)];
};

const flatten: InferFn = (node, ins) => {
  const x = first(ins);
  const a = attrInt(node, "axis", 1);
  const axis = a < 0 ? a + x.shape.length : a;
  if (axis < 0 || axis > x.shape.length) throw new InferError(`axis ${a} out of range`);
  return [
    result([numel(x.shape.slice(0, axis)), numel(x.shape.slice(axis))], ins, x.elemType, x.value),
  ];
};

const transpose: InferFn = (node, ins) => {
  const x = first(ins);
  const r = x.shape.length;
  const perm = attrInts(node, "perm") ?? x.shape.map((_, i) => r - 1 - i);
  if (perm.length !== r) throw new InferError(`perm [${perm}] does not match rank ${r}`);
  const shape = perm.map((p) => x.shape[normAxis(p, r, "perm entry")]);
  // PyTorch reverses pad lists with Reshape(-1, 2) -> Slice(step -1) -> Transpose -> Reshape.
  const value = remapValues(x, shape, (c) => {
    const from = new Array<number>(r);
    perm.forEach((p, i) => (from[normAxis(p, r)] = c[i]));
    return from;
  });
  return [result(shape, ins, x.elemType, value)];
};

/** Axes from the attribute (old opsets) or from input `idx` (newer opsets); undefined if absent. */
function axesOf(node: NodeProto, ins: (Tensor | undefined)[], idx: number): number[] | undefined {
  const a = attrInts(node, "axes");
  if (a) return a;
  return ins[idx] ? needValue(ins[idx], "axes") : undefined;
}

const squeeze: InferFn = (node, ins) => {
  const x = first(ins);
  const r = x.shape.length;
  const axes = axesOf(node, ins, 1)?.map((a) => normAxis(a, r));
  const shape = x.shape.filter((d, i) => (axes ? !axes.includes(i) : d !== 1));
  return [result(shape, ins, x.elemType, x.value)];
};

const unsqueeze: InferFn = (node, ins) => {
  const x = first(ins);
  const axes = axesOf(node, ins, 1);
  if (!axes) throw new InferError("axes missing");
  const r = x.shape.length + axes.length;
  const norm = axes.map((a) => normAxis(a, r)).sort((a, b) => a - b);
  const shape: number[] = [];
  let j = 0;
  for (let i = 0; i < r; i++) shape.push(norm.includes(i) ? 1 : x.shape[j++]);
  return [result(shape, ins, x.elemType, x.value)];
};

const concat: InferFn = (node, ins) => {
  const all = ins.filter((t): t is Tensor => t !== undefined);
  const ref = all[0];
  if (!ref) throw new InferError("no inputs");
  const axis = normAxis(attrInt(node, "axis", 0), ref.shape.length);
  const shape = [...ref.shape];
  shape[axis] = 0;
  for (const t of all) {
    if (t.shape.length !== ref.shape.length) {
      throw new InferError(`input ranks differ (${all.map((u) => u.shape.length).join(", ")})`);
    }
    t.shape.forEach((d, i) => {
      if (i !== axis && d !== ref.shape[i]) {
        throw new InferError(`inputs differ on axis ${i} (${d} vs ${ref.shape[i]})`);
      }
    });
    shape[axis] += t.shape[axis];
  }
  const value = axis === 0 && all.every((t) => t.value !== undefined && t.shape.length === 1)
    ? all.flatMap((t) => t.value!)
    : undefined;
  return [result(shape, ins, ref.elemType, value)];
};

const split: InferFn = (node, ins, opset) => {
  const x = first(ins);
  const axis = normAxis(attrInt(node, "axis", 0), x.shape.length);
  const n = node.output?.length ?? 1;
  let sizes = attrInts(node, "split") ?? (ins[1] ? needValue(ins[1], "split") : undefined);
  if (!sizes) {
    const parts = opset >= 18 ? attrInt(node, "num_outputs", n) : n;
    if (!(parts >= 1 && parts <= n)) throw new InferError(`num_outputs ${parts} for ${n} outputs`);
    const chunk = Math.ceil(x.shape[axis] / parts);
    sizes = Array.from(
      { length: parts },
      (_, i) => Math.max(0, Math.min(chunk, x.shape[axis] - i * chunk)),
    );
  }
  if (sizes.reduce((a, b) => a + b, 0) !== x.shape[axis]) {
    throw new InferError(
      `split sizes [${sizes}] do not add up to ${x.shape[axis]} on axis ${axis}`,
    );
  }
  return sizes.map((s) => {
    const shape = [...x.shape];
    shape[axis] = s;
    return result(shape, ins, x.elemType);
  });
};

/** One axis of Slice: the clamped start and the element count, per the ONNX Slice definition. */
function sliceAxis(dim: number, start: number, end: number, step: number): [number, number] {
  if (step === 0) throw new InferError("slice step 0");
  const fix = (v: number, lo: number, hi: number) =>
    Math.min(hi, Math.max(lo, v < 0 ? v + dim : v));
  const s = step > 0 ? fix(start, 0, dim) : fix(start, -1, dim - 1);
  const e = step > 0 ? fix(end, 0, dim) : fix(end, -1, dim - 1);
  return [s, Math.max(0, Math.ceil((e - s) / step))];
}

const slice: InferFn = (node, ins, opset) => {
  const x = first(ins);
  const r = x.shape.length;
  const old = opset < 10;
  const starts = old ? attrInts(node, "starts") ?? [] : needValue(ins[1], "starts");
  const ends = old ? attrInts(node, "ends") ?? [] : needValue(ins[2], "ends");
  const axes = (old ? attrInts(node, "axes") : ins[3] && needValue(ins[3], "axes")) ??
    starts.map((_, i) => i);
  const steps = (!old && ins[4] ? needValue(ins[4], "steps") : undefined) ?? starts.map(() => 1);
  const shape = [...x.shape];
  const picks: [number, number, number][] = x.shape.map((d) => [0, d, 1]);
  axes.forEach((a, i) => {
    const ax = normAxis(a, r);
    const [s, n] = sliceAxis(x.shape[ax], starts[i], ends[i], steps[i]);
    shape[ax] = n;
    picks[ax] = [s, n, steps[i]];
  });
  const value = remapValues(x, shape, (c) => c.map((v, a) => picks[a][0] + v * picks[a][2]));
  return [result(shape, ins, x.elemType, value)];
};

const gather: InferFn = (node, ins) => {
  const x = first(ins);
  const idx = ins[1];
  if (!idx) throw new InferError("indices input is missing");
  const axis = normAxis(attrInt(node, "axis", 0), x.shape.length);
  const shape = [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)];
  const q = idx.shape.length;
  const value = idx.value === undefined ? undefined : remapValues(x, shape, (c) => {
    const i = idx.value![c.slice(axis, axis + q).reduce((a, v, j) => a * idx.shape[j] + v, 0)];
    return [...c.slice(0, axis), i < 0 ? i + x.shape[axis] : i, ...c.slice(axis + q)];
  });
  return [result(shape, ins, x.elemType, value)];
};

const expand: InferFn = (_n, ins) => {
  const x = first(ins);
  const shape = broadcast([x.shape, needValue(ins[1], "shape")]);
  return [result(shape, ins, x.elemType, mapValues([x], shape, (v) => v))];
};

const tile: InferFn = (_n, ins) => {
  const x = first(ins);
  const reps = needValue(ins[1], "repeats");
  return [result(x.shape.map((d, i) => d * (reps[i] ?? 1)), ins, x.elemType)];
};

const pad: InferFn = (node, ins, opset) => {
  const x = first(ins);
  const r = x.shape.length;
  const pads = opset < 11 ? attrInts(node, "pads") ?? [] : needValue(ins[1], "pads");
  const axes = ins[3]
    ? needValue(ins[3], "axes").map((a) => normAxis(a, r))
    : x.shape.map((_, i) => i);
  const shape = [...x.shape];
  axes.forEach((a, i) => (shape[a] += (pads[i] ?? 0) + (pads[i + axes.length] ?? 0)));
  return [result(shape, ins, x.elemType)];
};

const resize: InferFn = (node, ins, opset) => {
  const x = first(ins);
  // Upsample and Resize-10 take scales as input 1; Resize-11+ has roi, scales, sizes.
  const scalesIdx = opset < 11 || node.opType === "Upsample" ? 1 : 2;
  const sizes = scalesIdx === 2 && ins[3] && numel(ins[3].shape) > 0
    ? needValue(ins[3], "sizes")
    : undefined;
  const r = x.shape.length;
  const axes = attrInts(node, "axes")?.map((a) => normAxis(a, r)) ?? x.shape.map((_, i) => i);
  const shape = [...x.shape];
  if (sizes) axes.forEach((a, i) => (shape[a] = sizes[i]));
  else {
    const scales = ins[scalesIdx] ? needValue(ins[scalesIdx], "scales") : attrFloats(node);
    axes.forEach((a, i) => (shape[a] = Math.floor(x.shape[a] * scales[i])));
  }
  return [result(shape, ins, x.elemType)];
};

function attrFloats(node: NodeProto): number[] {
  const s = node.attribute?.find((a) => a.name === "scales")?.floats;
  if (!s) throw new InferError("neither scales nor sizes given");
  return [...s];
}

const depthToSpace = (up: boolean): InferFn => (node, ins) => {
  const x = first(ins);
  const b = attrInt(node, "blocksize", 1);
  const [n, c, h, w] = x.shape;
  const shape = up ? [n, c / (b * b), h * b, w * b] : [n, c * b * b, h / b, w / b];
  if (!shape.every(Number.isInteger)) {
    throw new InferError(`blocksize ${b} does not divide the input`);
  }
  return [result(shape, ins, x.elemType)];
};

const gatherND: InferFn = (node, ins) => {
  const x = first(ins);
  const idx = ins[1];
  if (!idx || idx.shape.length === 0) throw new InferError("indices input is missing");
  const b = attrInt(node, "batch_dims", 0);
  const last = idx.shape[idx.shape.length - 1];
  const shape = [...idx.shape.slice(0, -1), ...x.shape.slice(b + last)];
  return [result(shape, ins, x.elemType)];
};

/** The data-movement ops, by op type. */
export const LAYOUT: Record<string, InferFn> = {
  Reshape: reshape,
  Flatten: flatten,
  Transpose: transpose,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Concat: concat,
  Split: split,
  Slice: slice,
  Gather: gather,
  GatherND: gatherND,
  Expand: expand,
  Tile: tile,
  Pad: pad,
  Resize: resize,
  Upsample: resize,
  DepthToSpace: depthToSpace(true),
  SpaceToDepth: depthToSpace(false),
};
