/**
 * Lowering of layers to the GEMM view of a systolic array (SCALE-Sim convention):
 * M = output pixels per filter (x batch), K = kernel window x input channels per group,
 * N = filters per group, and `groups` independent GEMMs of that shape.
 */
import type { Conv2d, Layer, Network, Pool } from "./layer.ts";

/** One GEMM shape repeated `groups` times; all sizes in elements. */
export interface GemmView {
  m: number;
  k: number;
  n: number;
  groups: number;
}

/** Output size of a sliding window along one axis (floor mode unless `ceil`), in pixels. */
export function windowOut(
  input: number,
  kernel: number,
  stride: number,
  pad: number,
  dilation = 1,
  ceil = false,
): number {
  const span = dilation * (kernel - 1) + 1;
  const q = (input + 2 * pad - span) / stride;
  return (ceil ? Math.ceil(q) : Math.floor(q)) + 1;
}

/** Output height and width of a conv layer, in pixels. */
export function convOutHW(l: Conv2d): [number, number] {
  return [
    windowOut(l.inputH, l.kernelH, l.strideH, l.padH, l.dilationH),
    windowOut(l.inputW, l.kernelW, l.strideW, l.padW, l.dilationW),
  ];
}

/** Output height and width of a pooling layer, in pixels. */
export function poolOutHW(l: Pool): [number, number] {
  return [
    windowOut(l.inputH, l.kernelH, l.strideH, l.padH, 1, l.ceilMode),
    windowOut(l.inputW, l.kernelW, l.strideW, l.padW, 1, l.ceilMode),
  ];
}

/** GEMM view of a MAC layer, or null for layers without MACs (pool, eltwise). */
export function gemmView(l: Layer): GemmView | null {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      return {
        m: oh * ow * l.batch,
        k: l.kernelH * l.kernelW * (l.inputC / l.groups),
        n: l.outputC / l.groups,
        groups: l.groups,
      };
    }
    case "dense":
      return { m: l.tokens * l.batch, k: l.inputFeatures, n: l.outputFeatures, groups: 1 };
    case "gemm":
      // A weight-bearing projection shares B across the batch; otherwise each batch item is its own GEMM.
      return l.weights
        ? { m: l.m * l.batch, k: l.k, n: l.n, groups: 1 }
        : { m: l.m, k: l.k, n: l.n, groups: l.batch };
    default:
      return null;
  }
}

/** Multiply-accumulates of one layer (0 for pool/eltwise). */
export function layerMacs(l: Layer): number {
  const g = gemmView(l);
  return g ? g.m * g.k * g.n * g.groups : 0;
}

/** Trainable parameters of one layer (weights + bias), in elements. */
export function layerParams(l: Layer): number {
  switch (l.kind) {
    case "conv2d":
      return l.kernelH * l.kernelW * (l.inputC / l.groups) * l.outputC + (l.bias ? l.outputC : 0);
    case "dense":
      return l.inputFeatures * l.outputFeatures + (l.bias ? l.outputFeatures : 0);
    case "gemm":
      return l.weights ? l.k * l.n : 0;
    case "eltwise":
      return l.op === "norm" ? 2 * l.inputC : 0;
    default:
      return 0;
  }
}

/** Total MACs of a network. */
export function networkMacs(net: Network): number {
  let s = 0;
  for (const l of net.layers) s += layerMacs(l);
  return s;
}

/** Total parameters of a network, in elements. */
export function networkParams(net: Network): number {
  let s = 0;
  for (const l of net.layers) s += layerParams(l);
  return s;
}

/** The MAC-bearing layers of a network, in order. */
export function macLayers(net: Network): Layer[] {
  return net.layers.filter((l) => l.kind === "conv2d" || l.kind === "dense" || l.kind === "gemm");
}
