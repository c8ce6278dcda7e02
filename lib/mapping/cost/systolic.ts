/**
 * The third core type: the project's own systolic-array cost model (lib/arch, SCALE-Sim-exact
 * compute, our DRAM traffic model) seen through M3E's two numbers.
 * - latency = the array's compute cycles (no stalls), the analogue of MAESTRO's runtime with
 *   unlimited bandwidth;
 * - required bandwidth = DRAM bytes of the layer / compute cycles: the rate at which the layer's
 *   off-chip traffic must arrive for it to run without stalls.
 * Array: weight-stationary, SCALE-Sim's default buffers (256/256/128 KiB), int8 words, shaped
 * rows x cols = pes with rows the largest divisor of pes not above sqrt(pes) (2048 -> 32 x 64).
 * Job to GEMM (SCALE-Sim convention): CONV M = output pixels, K = R S C, N = K filters;
 * DSCONV C groups of M = output pixels, K = R S, N = 1; FC/GEMM M = Y, K = C, N = K.
 */
import { type Accelerator, defaultAccelerator } from "../../arch/accelerator.ts";
import { gemmCost } from "../../arch/cost.ts";
import type { GemmShape } from "../../arch/memory.ts";
import { type Job, jobOutHW } from "../job.ts";
import type { JobCost } from "../cores.ts";

/** Rows x columns of a systolic array with `pes` PEs (rows = largest divisor <= sqrt(pes)). */
export function systolicShape(pes: number): { rows: number; cols: number } {
  if (!Number.isInteger(pes) || pes < 1) {
    throw new RangeError(`core pes ${pes} is not a positive integer`);
  }
  let rows = Math.floor(Math.sqrt(pes));
  while (pes % rows !== 0) rows--;
  return { rows, cols: pes / rows };
}

/** The GEMM view of a job (SCALE-Sim convention), with its unique ifmap words per group. */
export function jobGemm(j: Job): GemmShape {
  const [yo, xo] = jobOutHW(j);
  switch (j.type) {
    case "CONV":
      return { m: yo * xo, k: j.R * j.S * j.C, n: j.K, groups: 1, ifmapWords: j.Y * j.X * j.C };
    case "DSCONV":
      return { m: yo * xo, k: j.R * j.S, n: 1, groups: j.C, ifmapWords: j.Y * j.X };
    default:
      return { m: j.Y, k: j.C, n: j.K, groups: 1 };
  }
}

const arrays = new Map<number, Accelerator>();

function arrayFor(pes: number): Accelerator {
  let acc = arrays.get(pes);
  if (!acc) {
    const { rows, cols } = systolicShape(pes);
    acc = defaultAccelerator(rows, cols, { name: `sys-${pes}` });
    arrays.set(pes, acc);
  }
  return acc;
}

/** No-stall latency and required bandwidth of `j` on a `pes`-PE systolic core. */
export function systolicCost(j: Job, pes: number): JobCost {
  const c = gemmCost(jobGemm(j), arrayFor(pes));
  return { latencyCycles: c.computeCycles, bwBytesPerCycle: c.dramBytes / c.computeCycles };
}
