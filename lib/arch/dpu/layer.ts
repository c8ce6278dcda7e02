/**
 * DPU cost model (AMD DPUCZDX8G): cycles and DRAM traffic of one layer on one core, int8 data
 * (1 byte per element).
 *
 * Exact against: PG338's stated parallelism only (PP output pixels x ICP input channels x OCP
 * output channels per cycle on the conv engine; depthwise conv and pooling on the ALU at
 * aluParallel pixels x ICP channels per cycle). A layer's cycles are its loop nest with the three
 * parallel loops rounded up to their tiles, so partly filled tiles are the per-layer efficiency
 * loss. No cycle-level reference for the DPU is public, so nothing here is exact against a tool.
 * Assumes: batch norm, activation, concat and flatten are fused by the compiler and cost nothing;
 * DRAM traffic is weights + input + output maps once (no re-fetch; on-chip buffers suffice); the
 * sustained efficiency and the per-layer overhead are not modelled here but calibrated on
 * measured Vitis AI job times (lib/throughput/calibrate.ts) and applied in job.ts.
 */
import { convOutHW, layerParams, poolOutHW } from "../../workload/gemm.ts";
import type { Conv2d, Layer } from "../../workload/layer.ts";
import type { DpuConfig } from "./sizes.ts";
import type { CoreLayerCost, CostModel } from "../model.ts";

/** Which engine of the core runs a layer ("none": fused away, no time). */
export type DpuEngine = "conv" | "alu" | "misc" | "none";

/** Cost of one layer on one core. */
export interface DpuLayerCost {
  engine: DpuEngine;
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

function convCost(l: Conv2d, c: DpuConfig): DpuLayerCost {
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
export function layerDpuCost(l: Layer, c: DpuConfig): DpuLayerCost {
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

function eltwiseCost(l: Extract<Layer, { kind: "eltwise" }>, c: DpuConfig): DpuLayerCost {
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

/** A DPU layer cost in the shared per-layer shape, plus the engine that runs it. */
export interface DpuCoreLayerCost extends CoreLayerCost {
  engine: DpuEngine;
}

/** Hardware of the DPU cost model: one core's configuration, DRAM bandwidth and busy power. */
export interface DpuCoreHw {
  dpu: DpuConfig;
  /** DRAM bandwidth the core gets, bytes per second. */
  bytesPerSecond: number;
  /** Dynamic watts of the busy core (energy = watts x layer time). */
  coreW: number;
}

/**
 * The DPU behind the shared interface: compute cycles at full tiles, DRAM stall cycles beyond
 * compute at `bytesPerSecond`, energy as busy-core watts x time (no per-component split: only
 * board-level power is published, so every component but `total` is 0), no SRAM counts (0).
 */
export const dpuModel: CostModel<DpuCoreHw, DpuCoreLayerCost> = {
  id: "dpu",
  basis: "PG338 DPUCZDX8G parallelism (PP x ICP x OCP tiles); efficiency and overhead calibrated " +
    "on Vitis AI model-zoo fps; traffic = weights + maps once; energy = busy-core W x time",
  layer(l: Layer, hw: DpuCoreHw): DpuCoreLayerCost {
    const c = layerDpuCost(l, hw.dpu);
    const hz = hw.dpu.mhz * 1e6;
    const memCycles = (c.dramBytes / hw.bytesPerSecond) * hz;
    const stallCycles = Math.max(0, memCycles - c.computeCycles);
    const cycles = c.computeCycles + stallCycles;
    const total = (hw.coreW * cycles / hz) * 1e12;
    return {
      engine: c.engine,
      macs: c.macs,
      computeCycles: c.computeCycles,
      stallCycles,
      cycles,
      dramBytes: c.dramBytes,
      sramAccesses: 0,
      energyPJ: { mac: 0, rf: 0, array: 0, sram: 0, dram: 0, idle: 0, leakage: 0, total },
    };
  },
};
