/**
 * Lowering of the sliding-window ONNX ops (Conv, ConvTranspose, pooling) to conv2d and pool layers.
 * 1-D windows become height-1 2-D ones; an asymmetric pad keeps the smaller pad and widens the
 * input by the difference, so output sizes and MACs stay exact (see lower.ts).
 */
import type { Layer } from "../layer.ts";
import { slidingWindow, type Window } from "./infer_nn.ts";
import { attrInt, attrInts, type NodeProto } from "./proto.ts";
import type { Tensor } from "./tensor.ts";

/** Symmetric IR pad and widened input for one axis with pads `begin` and `end`. */
function symPad(size: number, begin: number, end: number): [input: number, pad: number] {
  const pad = Math.min(begin, end);
  return [size + begin + end - 2 * pad, pad];
}

/** [H, W] axes of a 1-D or 2-D window (1-D: height 1). */
function axes2(win: Window, sp: number[]) {
  const two = sp.length === 2;
  const at = (i: number, xs: number[], one: number) => (two ? xs[i] : i === 0 ? one : xs[0]);
  const [ih, ph] = two ? symPad(sp[0], win.padBegin[0], win.padEnd[0]) : [1, 0];
  const [iw, pw] = symPad(sp[two ? 1 : 0], win.padBegin[two ? 1 : 0], win.padEnd[two ? 1 : 0]);
  return {
    inputH: ih,
    inputW: iw,
    padH: ph,
    padW: pw,
    kernelH: at(0, win.kernel, 1),
    kernelW: at(1, win.kernel, 1),
    strideH: at(0, win.strides, 1),
    strideW: at(1, win.strides, 1),
    dilationH: at(0, win.dilations, 1),
    dilationW: at(1, win.dilations, 1),
  };
}

/** A Conv node as a conv2d layer; `uncostable` receives a label for 3-D and higher convs. */
export function lowerConv(
  node: NodeProto,
  ins: Tensor[],
  name: string,
  uncostable: (label: string) => void,
): Layer | null {
  const [x, w] = ins;
  const sp = x.shape.slice(2);
  if (sp.length < 1 || sp.length > 2) return uncostable(`Conv (${sp.length}-D)`), null;
  const kernel = attrInts(node, "kernel_shape") ?? w.shape.slice(2);
  const win = slidingWindow(node, sp, kernel);
  return {
    kind: "conv2d",
    name,
    inputC: x.shape[1],
    outputC: w.shape[0],
    ...axes2(win, sp),
    groups: attrInt(node, "group", 1),
    bias: ins[2] !== undefined,
    batch: x.shape[0],
  };
}

/** A ConvTranspose node as a conv2d layer in scatter form (see lower.ts). */
export function lowerConvTranspose(
  node: NodeProto,
  ins: Tensor[],
  name: string,
  uncostable: (label: string) => void,
): Layer | null {
  const [x, w] = ins;
  const sp = x.shape.slice(2);
  if (sp.length < 1 || sp.length > 2) {
    return uncostable(`ConvTranspose (${sp.length}-D)`), null;
  }
  const kernel = attrInts(node, "kernel_shape") ?? w.shape.slice(2);
  const dil = attrInts(node, "dilations") ?? sp.map(() => 1);
  // Scatter form: a stride-1 conv whose output has the input's size (see the module comment).
  const span = kernel.map((k, i) => dil[i] * (k - 1) + 1);
  const win: Window = {
    kernel,
    strides: sp.map(() => 1),
    dilations: dil,
    padBegin: span.map((s) => Math.floor((s - 1) / 2)),
    padEnd: span.map((s) => s - 1 - Math.floor((s - 1) / 2)),
    out: sp,
  };
  const groups = attrInt(node, "group", 1);
  return {
    kind: "conv2d" as const,
    name,
    inputC: x.shape[1],
    outputC: w.shape[1] * groups,
    ...axes2(win, sp),
    groups,
    bias: ins[2] !== undefined,
    batch: x.shape[0],
  };
}

/** A pooling node (windowed or global) as a pool layer; null for 3-D pooling. */
export function lowerPool(
  node: NodeProto,
  ins: Tensor[],
  name: string,
  op: "max" | "avg",
): Layer | null {
  const x = ins[0];
  const sp = x.shape.slice(2);
  if (sp.length < 1 || sp.length > 2) return null;
  const global = node.opType!.startsWith("Global");
  const kernel = global ? sp : attrInts(node, "kernel_shape")!;
  const win = global
    ? {
      kernel,
      strides: sp.map(() => 1),
      dilations: sp.map(() => 1),
      padBegin: sp.map(() => 0),
      padEnd: sp.map(() => 0),
      out: sp.map(() => 1),
    }
    : slidingWindow(node, sp, kernel, attrInt(node, "ceil_mode", 0) === 1);
  const a = axes2(win, sp);
  return {
    kind: "pool",
    name,
    op,
    inputH: a.inputH,
    inputW: a.inputW,
    inputC: x.shape[1],
    // A dilated pooling window is costed as its span (pooling has no MACs either way).
    kernelH: a.dilationH * (a.kernelH - 1) + 1,
    kernelW: a.dilationW * (a.kernelW - 1) + 1,
    strideH: a.strideH,
    strideW: a.strideW,
    padH: a.padH,
    padW: a.padW,
    ceilMode: !global && attrInt(node, "ceil_mode", 0) === 1,
    batch: x.shape[0],
  };
}
