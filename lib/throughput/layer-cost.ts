/**
 * Cycles and DRAM traffic of one layer on one DPU core (int8 data, 1 byte per element).
 *
 * The conv engine computes PP output pixels x ICP input channels x OCP output channels per cycle
 * (PG338), so a layer's cycles are its loop nest with the three parallel loops rounded up to their
 * tiles: partly filled tiles are the per-layer efficiency loss. Depthwise conv and pooling run on
 * the ALU (aluParallel pixels x ICP channels per cycle). Batch norm, activation, concat and flatten
 * are fused by the compiler and cost nothing. DRAM traffic is weights + input + output feature maps.
 */
import { convOutHW, layerParams, poolOutHW } from "../workload/gemm.ts";
import type { Conv2d, Layer } from "../workload/layer.ts";
import type { DpuConfig } from "./dpu.ts";

/** Which engine of the core runs a layer ("none": fused away, no time). */
export type Engine = "conv" | "alu" | "misc" | "none";

/** Cost of one layer on one core. */
export interface LayerCost {
  engine: Engine;
  /** Cycles at full tile occupancy, before the calibrated efficiency and per-layer overhead. */
  computeCycles: number;
  /** Bytes moved between DRAM and the core (weights + input + output maps). */
  dramBytes: number;
  /** Multiply-accumulates of the layer (depthwise included). */
  macs: number;
}

const up = (a: number, b: number) => Math.ceil(a / b);

/** Whether a conv is depthwise: one input channel per group (channel multiplier allowed). */
export function isDepthwise(l: Conv2d): boolean {
  return l.groups > 1 && l.groups === l.inputC;
}

function convCost(l: Conv2d, c: DpuConfig): LayerCost {
  const [oh, ow] = convOutHW(l);
  const { pp, icp, ocp } = c.size;
  const cinG = l.inputC / l.groups, coutG = l.outputC / l.groups;
  const window = l.kernelH * l.kernelW;
  const macs = l.batch * oh * ow * l.outputC * cinG * window;
  const dramBytes = layerParams(l) +
    l.batch * (l.inputH * l.inputW * l.inputC + oh * ow * l.outputC);
  if (isDepthwise(l)) {
    // Each output channel reads one input channel: ICP channels at once, aluParallel pixels.
    const cycles = l.batch * oh * up(ow, c.aluParallel) * up(l.outputC, icp) * window;
    return { engine: "alu", computeCycles: cycles, dramBytes, macs };
  }
  const cycles = l.batch * l.groups * oh * up(ow, pp) * up(cinG, icp) * up(coutG, ocp) * window;
  return { engine: "conv", computeCycles: cycles, dramBytes, macs };
}

/** Cost of layer `l` on one core of configuration `c`. */
export function layerDpuCost(l: Layer, c: DpuConfig): LayerCost {
  const { pp, icp, ocp } = c.size;
  switch (l.kind) {
    case "conv2d":
      return convCost(l, c);
    case "dense": {
      const rows = l.tokens * l.batch;
      const cycles = up(rows, pp) * up(l.inputFeatures, icp) * up(l.outputFeatures, ocp);
      const bytes = layerParams(l) + rows * (l.inputFeatures + l.outputFeatures);
      return {
        engine: "conv",
        computeCycles: cycles,
        dramBytes: bytes,
        macs: rows * l.inputFeatures * l.outputFeatures,
      };
    }
    case "gemm": {
      const g = l.weights ? 1 : l.batch, m = l.weights ? l.m * l.batch : l.m;
      const cycles = g * up(m, pp) * up(l.k, icp) * up(l.n, ocp);
      const bytes = layerParams(l) + g * (m * l.k + m * l.n + (l.weights ? 0 : l.k * l.n));
      return { engine: "conv", computeCycles: cycles, dramBytes: bytes, macs: g * m * l.k * l.n };
    }
    case "pool": {
      const [oh, ow] = poolOutHW(l);
      const cycles = l.batch * oh * up(ow, c.aluParallel) * up(l.inputC, icp) * l.kernelH *
        l.kernelW;
      const bytes = l.batch * l.inputC * (l.inputH * l.inputW + oh * ow);
      return { engine: "alu", computeCycles: cycles, dramBytes: bytes, macs: 0 };
    }
    case "eltwise":
      return eltwiseCost(l, c);
  }
}

function eltwiseCost(l: Extract<Layer, { kind: "eltwise" }>, c: DpuConfig): LayerCost {
  const { pp, icp } = c.size;
  const outH = l.inputH * l.scale, outW = l.inputW * l.scale;
  const outElems = l.batch * outH * outW * l.outputC;
  switch (l.op) {
    case "add":
    case "mul":
      // Two operands in, one result out, PP x ICP elements per cycle on the element-wise engine.
      return {
        engine: "misc",
        computeCycles: l.batch * outH * up(outW, pp) * up(l.outputC, icp),
        dramBytes: 3 * outElems,
        macs: 0,
      };
    case "upsample":
      return {
        engine: "misc",
        computeCycles: l.batch * outH * up(outW, pp) * up(l.outputC, icp),
        dramBytes: l.batch * l.inputH * l.inputW * l.inputC + outElems,
        macs: 0,
      };
    default:
      return { engine: "none", computeCycles: 0, dramBytes: 0, macs: 0 };
  }
}
