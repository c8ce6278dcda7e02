/**
 * MAESTRO-style closed forms for the sub-accelerator cores of M3E (study C's job-analysis table):
 * per layer, the no-stall latency on a core and the bandwidth it needs to run at that speed.
 *
 * Exact against: MAESTRO runs with M3E's flags (NoC and off-chip bandwidth and L1/L2 sizes
 * effectively unlimited, 1 SIMD lane, 1 NoC hop), recorded in data/magma-m3e-reference.json (the
 * calibration rows; tests/mapping/closed_form_test.ts): latency exact on every checked pair;
 * required bandwidth exact on 767 of 776 HB pairs (the rest within 0.5 %), on every LB pair, and
 * for depthwise layers with C <= 256 (at most 1 % low above).
 * Assumes: PEs grouped in clusters of 64 (M3E's `cores_cfg` counts clusters), stride-1 layers in
 * MAESTRO's dims (K outputs, C inputs, Y x X input, R x S filter; strides and padding folded into
 * Y, X by the caller), and M3E's reading of MAESTRO's "L2 SRAM Size Req": half of it (one buffer
 * of the double buffer) must arrive once per job, so required bandwidth = halfL2 / (latency - 1)
 * bytes per cycle. Compute-bound: stalls are 0 here (the shared-bandwidth allocator of
 * lib/mapping decides them); SRAM accesses and energy are not modelled (0; M3E's fitness does not
 * use MAESTRO's energy).
 *
 * - HB, NVDLA-like (`dla_f.m`): K spatial over clusters, C spatial inside a 64-PE cluster.
 * - LB, Shi-diannao-like (`shi_f.m`): output rows over clusters in chunks of R, output columns over
 *   the 64 PEs of a cluster.
 * - Depthwise layers use the depthwise dataflow (`dpt_f.m`) on every core.
 */
import { convOutHW, gemmView } from "../workload/gemm.ts";
import type { Layer } from "../workload/layer.ts";
import { type CoreLayerCost, type CostModel, zeroLayerCost } from "./model.ts";
import { zeroEnergy } from "./cost-types.ts";

/** PEs per cluster in M3E's settings (cores_cfg entries count clusters of this size). */
export const CLUSTER_PES = 64;

/** Layer kinds of MAESTRO's dims, numbered as M3E's CSV column T: 0 FC, 1 CONV, 2 DSCONV, 3 GEMM. */
export type MaestroLayerType = "FC" | "CONV" | "DSCONV" | "GEMM";

/**
 * One layer in MAESTRO's dims, stride-1 form: K output channels, C input channels, Y x X input,
 * R x S filter (elements). FC is K = out, C = in, rest 1; GEMM (M, N, Kd) is K = N, C = Kd,
 * Y = M; a depthwise layer has K = 1, C = channels.
 */
export interface MaestroDims {
  type: MaestroLayerType;
  K: number;
  C: number;
  Y: number;
  X: number;
  R: number;
  S: number;
}

/** An M3E core: HB (NVDLA-like) or LB (Shi-diannao-like) with `pes` PEs (a multiple of 64). */
export interface MaestroCore {
  style: "HB" | "LB";
  pes: number;
}

/** A closed-form cost: the job-analysis pair and the buffer footprint it was derived from. */
export interface ClosedFormCost {
  /** No-stall (compute-bound) latency, cycles. */
  latencyCycles: number;
  /** Bandwidth needed to run at no-stall speed, bytes per cycle. */
  bwBytesPerCycle: number;
  /** Half of the L2 footprint MAESTRO reports (one buffer of the double buffer), bytes. */
  halfL2Bytes: number;
}

/** A closed-form cost behind the common per-layer interface. */
export type MaestroLayerCost = CoreLayerCost & ClosedFormCost;

const cdiv = (a: number, b: number) => Math.ceil(a / b);

function finish(latencyCycles: number, halfL2Bytes: number): ClosedFormCost {
  return { latencyCycles, halfL2Bytes, bwBytesPerCycle: halfL2Bytes / (latencyCycles - 1) };
}

function clusters(pes: number): number {
  if (!Number.isInteger(pes) || pes < CLUSTER_PES || pes % CLUSTER_PES !== 0) {
    throw new RangeError(`core pes ${pes} is not a positive multiple of ${CLUSTER_PES}`);
  }
  return pes / CLUSTER_PES;
}

/** Output rows x columns of a layer in MAESTRO's stride-1 form, elements. */
export function maestroOutHW(d: MaestroDims): [number, number] {
  return [d.Y - d.R + 1, d.X - d.S + 1];
}

/** Multiply-accumulates of a layer in MAESTRO's dims. */
export function maestroMacs(d: MaestroDims): number {
  const [yo, xo] = maestroOutHW(d);
  return d.type === "DSCONV" ? d.C * yo * xo * d.R * d.S : d.K * d.C * yo * xo * d.R * d.S;
}

/** HB (NVDLA-like) core with `pes` PEs; depthwise layers go to `dsconvCost`. */
export function hbCost(j: MaestroDims, pes: number): ClosedFormCost {
  if (j.type === "DSCONV") return dsconvCost(j, pes);
  const ncl = clusters(pes);
  const [yo, xo] = maestroOutHW(j);
  const rs = j.R * j.S;
  const lat = cdiv(j.K, ncl) * cdiv(j.C, CLUSTER_PES) * yo * xo * (rs + 1) + 1;
  const kt = Math.min(j.K, ncl);
  const ct = Math.min(j.C, CLUSTER_PES);
  return finish(lat, kt * ct * rs + ct * rs + kt);
}

/** LB (Shi-diannao-like) core with `pes` PEs; depthwise layers go to `dsconvCost`. */
export function lbCost(j: MaestroDims, pes: number): ClosedFormCost {
  if (j.type === "DSCONV") return dsconvCost(j, pes);
  const ncl = clusters(pes);
  const [yo, xo] = maestroOutHW(j);
  const { R, S } = j;
  const lat = j.K * j.C * cdiv(yo, R * ncl) * cdiv(xo, CLUSTER_PES) * (R * R * S + 1) + 1;
  const yt = Math.min(yo, R * ncl);
  const xt = Math.min(xo, CLUSTER_PES);
  // Output rows are dealt to clusters in chunks of R; a chunk of r rows reads r + R - 1 input rows.
  const full = Math.floor(yt / R);
  const rest = yt - full * R;
  const inputRows = full * (2 * R - 1) + (rest > 0 ? rest + R - 1 : 0);
  return finish(lat, inputRows * (xt + S - 1) + yt * xt + R * S);
}

/** Depthwise CONV (`dpt_f.m`, the same on every core style) on a core with `pes` PEs. */
export function dsconvCost(j: MaestroDims, pes: number): ClosedFormCost {
  clusters(pes);
  const [yo, xo] = maestroOutHW(j);
  const rs = j.R * j.S;
  const lat = yo * xo * Math.min(j.C, CLUSTER_PES) * rs * cdiv(j.C, CLUSTER_PES * pes) + 1;
  // Exact for C <= 256 and at most 1 % low above (MAESTRO comparison of the study's summary).
  return finish(lat, j.C * (2 * rs + 1));
}

/** Closed-form cost of MAESTRO dims `d` on `core`. */
export function maestroCost(d: MaestroDims, core: MaestroCore): ClosedFormCost {
  return core.style === "HB" ? hbCost(d, core.pes) : lbCost(d, core.pes);
}

/**
 * A layer in MAESTRO's dims, or null for a layer without MACs. Rules keep each layer's MAC count:
 * depthwise conv (groups = inputC = outputC) -> DSCONV; other conv -> CONV with C = inputC /
 * groups; stride, padding and dilation folded into the stride-1 form (Y = outH x batch + R - 1,
 * X = outW + S - 1); dense with one row -> FC, with more -> GEMM with M = rows; gemm -> GEMM with
 * its batch stacked into M.
 */
export function maestroDims(l: Layer): MaestroDims | null {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      const R = l.kernelH, S = l.kernelW;
      const Y = oh * l.batch + R - 1, X = ow + S - 1;
      if (l.groups === l.inputC && l.outputC === l.inputC && l.groups > 1) {
        return { type: "DSCONV", K: 1, C: l.inputC, Y, X, R, S };
      }
      return { type: "CONV", K: l.outputC, C: l.inputC / l.groups, Y, X, R, S };
    }
    case "dense": {
      const rows = l.tokens * l.batch;
      const dims = { K: l.outputFeatures, C: l.inputFeatures, X: 1, R: 1, S: 1 };
      return rows === 1 ? { type: "FC", ...dims, Y: 1 } : { type: "GEMM", ...dims, Y: rows };
    }
    case "gemm": {
      const g = gemmView(l)!;
      return { type: "GEMM", K: g.n, C: g.k, Y: g.m * g.groups, X: 1, R: 1, S: 1 };
    }
    default:
      return null;
  }
}

/** The closed forms behind the common per-layer interface (model.ts); see the module comment. */
export const maestroModel: CostModel<MaestroCore, MaestroLayerCost> = {
  id: "maestro",
  basis: "MAESTRO runtime and L2 requirement with M3E's unlimited-bandwidth flags (exact on the " +
    "calibration rows of data/magma-m3e-reference.json); compute-bound, 64-PE clusters, no energy",
  layer(l: Layer, core: MaestroCore): MaestroLayerCost {
    const d = maestroDims(l);
    if (!d) {
      return {
        ...zeroLayerCost(),
        latencyCycles: 0,
        bwBytesPerCycle: 0,
        halfL2Bytes: 0,
      };
    }
    const c = maestroCost(d, core);
    return {
      ...c,
      macs: maestroMacs(d),
      computeCycles: c.latencyCycles,
      stallCycles: 0,
      cycles: c.latencyCycles,
      // What M3E's allocator moves per job: latency x required bandwidth.
      dramBytes: c.latencyCycles * c.bwBytesPerCycle,
      sramAccesses: 0,
      energyPJ: zeroEnergy(),
    };
  },
};
