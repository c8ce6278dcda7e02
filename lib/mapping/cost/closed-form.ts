/**
 * Closed forms that replace MAESTRO for M3E's two core styles (C-magma.md section 3.2, derived from
 * and checked against MAESTRO runs): no-stall latency in cycles and the required bandwidth
 * `halfL2Bytes / (latencyCycles - 1)` in bytes per cycle (half of the double-buffered L2 tile must
 * arrive once per job duration). PEs are grouped in clusters of 64, so `pes` must be a multiple of 64.
 *
 * - HB, NVDLA-like (`dla_f.m`): K spatial over clusters, C spatial inside a 64-PE cluster.
 * - LB, Shi-diannao-like (`shi_f.m`): output rows over clusters in chunks of R, output columns over
 *   the 64 PEs of a cluster.
 * - DSCONV jobs use the depthwise dataflow (`dpt_f.m`) on every core.
 */
import { type Job, jobOutHW } from "../job.ts";

/** PEs per cluster in M3E's settings (cores_cfg entries count clusters of this size). */
export const CLUSTER_PES = 64;

/** Cost of one job on one core (what the job-analysis table stores). */
export interface JobCost {
  /** No-stall (compute-bound) latency, cycles. */
  latencyCycles: number;
  /** Bandwidth needed to run at no-stall speed, bytes per cycle. */
  bwBytesPerCycle: number;
}

/** A closed-form cost, with the buffer footprint it was derived from. */
export interface ClosedFormCost extends JobCost {
  /** Half of the L2 footprint MAESTRO reports (one buffer of the double buffer), bytes. */
  halfL2Bytes: number;
}

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

/** HB (NVDLA-like) core with `pes` PEs; DSCONV jobs go to `dsconvCost`. */
export function hbCost(j: Job, pes: number): ClosedFormCost {
  if (j.type === "DSCONV") return dsconvCost(j, pes);
  const ncl = clusters(pes);
  const [yo, xo] = jobOutHW(j);
  const rs = j.R * j.S;
  const lat = cdiv(j.K, ncl) * cdiv(j.C, CLUSTER_PES) * yo * xo * (rs + 1) + 1;
  const kt = Math.min(j.K, ncl);
  const ct = Math.min(j.C, CLUSTER_PES);
  return finish(lat, kt * ct * rs + ct * rs + kt);
}

/** LB (Shi-diannao-like) core with `pes` PEs; DSCONV jobs go to `dsconvCost`. */
export function lbCost(j: Job, pes: number): ClosedFormCost {
  if (j.type === "DSCONV") return dsconvCost(j, pes);
  const ncl = clusters(pes);
  const [yo, xo] = jobOutHW(j);
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
export function dsconvCost(j: Job, pes: number): ClosedFormCost {
  clusters(pes);
  const [yo, xo] = jobOutHW(j);
  const rs = j.R * j.S;
  const lat = yo * xo * Math.min(j.C, CLUSTER_PES) * rs * cdiv(j.C, CLUSTER_PES * pes) + 1;
  // Exact for C <= 256 and at most 1 % low above (C-magma.md 3.2).
  return finish(lat, j.C * (2 * rs + 1));
}
