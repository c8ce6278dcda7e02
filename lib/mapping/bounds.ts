/**
 * Lower bounds on the makespan of any mapping of a problem (cycles), used to normalise results
 * and in tests. Each job takes at least its fastest-core latency; the cores together can do at
 * most N cycles of work per cycle; and every job must move at least its smallest data volume
 * (latency x required bandwidth over the cores) through the shared bandwidth.
 */
import type { Problem } from "./problem.ts";

/** The three bounds and their maximum, cycles. */
export interface MakespanBounds {
  /** Largest fastest-core latency of a job. */
  longestJobCycles: number;
  /** Sum of fastest-core latencies / cores. */
  workCycles: number;
  /** Sum of smallest per-job data volumes / system bandwidth. */
  bandwidthCycles: number;
  /** The maximum of the three. */
  lowerBoundCycles: number;
}

/** Lower bounds on the makespan of `problem`. */
export function makespanBounds(problem: Problem): MakespanBounds {
  const t = problem.table;
  let longest = 0, work = 0, bytes = 0;
  for (let j = 0; j < t.jobs; j++) {
    let lat = Infinity, vol = Infinity;
    for (let c = 0; c < t.cores; c++) {
      const i = j * t.cores + c;
      lat = Math.min(lat, t.latencyCycles[i]);
      vol = Math.min(vol, t.latencyCycles[i] * t.bwBytesPerCycle[i]);
    }
    longest = Math.max(longest, lat);
    work += lat;
    bytes += vol;
  }
  const workCycles = work / t.cores;
  const bandwidthCycles = bytes / problem.systemBwBytesPerCycle;
  return {
    longestJobCycles: longest,
    workCycles,
    bandwidthCycles,
    lowerBoundCycles: Math.max(longest, workCycles, bandwidthCycles),
  };
}
