/**
 * Closed-form bottleneck bound of the closed loop (asymptotic bounds of a closed queueing network):
 * N threads cannot finish more than N per single-thread cycle, K DPU cores no more than K per DPU
 * job, C CPU cores no more than C per inference's CPU work, and a serial CPU part (work that runs
 * one job at a time whatever the thread count) no more than one per its own time.
 */

/** Times of one inference, seconds. */
export interface InferenceTimes {
  /** CPU seconds per inference (pre + post). */
  cpuSeconds: number;
  /** DPU seconds of one job with one core busy. */
  dpuSeconds: number;
  /** Part of `cpuSeconds` that runs one job at a time (default 0: all CPU work overlaps). */
  serialSeconds?: number;
}

/** The three throughput ceilings, inferences per second. */
export interface Bounds {
  threads: number;
  dpu: number;
  cpu: number;
  /** 1 / serial seconds (Infinity without a serial part). */
  serial: number;
}

/** Ceilings for N threads, K DPU cores (job slowed by `dpuSlowdown` >= 1), C CPU cores. */
export function bottleneckBounds(
  t: InferenceTimes,
  threads: number,
  dpuCores: number,
  cpuCores: number,
  dpuSlowdown = 1,
): Bounds {
  return {
    threads: threads / (t.cpuSeconds + t.dpuSeconds),
    dpu: dpuCores / (t.dpuSeconds * dpuSlowdown),
    cpu: t.cpuSeconds > 0 ? cpuCores / t.cpuSeconds : Infinity,
    serial: t.serialSeconds ? 1 / t.serialSeconds : Infinity,
  };
}

/** The smallest ceiling: the best throughput the loop can reach, inferences per second. */
export function bottleneckFps(
  t: InferenceTimes,
  threads: number,
  dpuCores: number,
  cpuCores: number,
  dpuSlowdown = 1,
): number {
  const b = bottleneckBounds(t, threads, dpuCores, cpuCores, dpuSlowdown);
  return Math.min(b.threads, b.dpu, b.cpu, b.serial);
}
