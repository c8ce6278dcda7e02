/**
 * The job-analysis table of M3E: for every (job, core) pair the no-stall latency and the required
 * bandwidth, computed once per job group and setting and then read by every fitness evaluation.
 * Row-major typed arrays (index `job * cores + core`) keep the hot path allocation-free.
 */
import { ValidationError } from "../validate.ts";
import { coreLabel, type CoreSpec, jobCost } from "./cores.ts";
import type { Job } from "./job.ts";

/** Latency and bandwidth of every job on every core. */
export interface JobTable {
  /** Number of jobs J. */
  jobs: number;
  /** Number of cores N. */
  cores: number;
  /** No-stall latency, cycles, at `job * cores + core`. */
  latencyCycles: Float64Array;
  /** Required bandwidth for no-stall speed, bytes per cycle, at `job * cores + core`. */
  bwBytesPerCycle: Float64Array;
  /** One label per core, e.g. "HB-2048". */
  coreLabels: string[];
}

/** Build the table for `jobs` on `cores` (costs from cores.ts). */
export function buildJobTable(jobs: readonly Job[], cores: readonly CoreSpec[]): JobTable {
  const n = cores.length;
  const lat = new Float64Array(jobs.length * n);
  const bw = new Float64Array(jobs.length * n);
  jobs.forEach((job, j) => {
    cores.forEach((core, c) => {
      const cost = jobCost(job, core);
      lat[j * n + c] = cost.latencyCycles;
      bw[j * n + c] = cost.bwBytesPerCycle;
    });
  });
  return tableFromArrays(lat, bw, cores.map(coreLabel));
}

/**
 * A table from raw arrays (e.g. a user's own cost model); checks sizes and that every latency is
 * positive and finite and every bandwidth non-negative and finite, naming the first bad cells.
 */
export function tableFromArrays(
  latencyCycles: Float64Array,
  bwBytesPerCycle: Float64Array,
  coreLabels: string[],
): JobTable {
  const n = coreLabels.length;
  const issues: string[] = [];
  if (n === 0) issues.push("coreLabels: empty");
  if (latencyCycles.length !== bwBytesPerCycle.length || latencyCycles.length % Math.max(n, 1)) {
    issues.push(
      `sizes: ${latencyCycles.length} latencies, ${bwBytesPerCycle.length} bandwidths, ${n} cores`,
    );
  }
  for (let i = 0; i < latencyCycles.length && issues.length < 5; i++) {
    const l = latencyCycles[i], b = bwBytesPerCycle[i];
    const at = `job ${Math.floor(i / n)} core ${i % n}`;
    if (!(l > 0 && Number.isFinite(l))) issues.push(`${at}: latencyCycles ${l}`);
    if (!(b >= 0 && Number.isFinite(b))) issues.push(`${at}: bwBytesPerCycle ${b}`);
  }
  if (issues.length) throw new ValidationError("job table", issues);
  return { jobs: latencyCycles.length / n, cores: n, latencyCycles, bwBytesPerCycle, coreLabels };
}
