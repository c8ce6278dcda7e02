/**
 * A mapping result as plain data for the `map` command and notebooks: makespan, throughput, the
 * per-core schedule and the allocator's side metrics.
 */
import { makespanBounds } from "./bounds.ts";
import type { OptimizeResult } from "./optimizers/types.ts";
import type { Problem } from "./problem.ts";
import { simulateMapping } from "./trace.ts";

/** One core's part of a schedule. */
export interface CoreSchedule {
  core: number;
  label: string;
  /** Job indices in run order. */
  jobs: number[];
  /** When its last job ends, cycles. */
  finishCycles: number;
  /** Sum of its jobs' no-stall latencies, cycles. */
  noStallCycles: number;
}

/** What `mappingReport` returns. */
export interface MappingReport {
  optimizer: string;
  samples: number;
  makespanCycles: number;
  /** Jobs finished per million cycles (jobs / makespan x 1e6). */
  throughputJobsPerMCycle: number;
  /** Job groups per second at 1 GHz (1e9 / makespan). */
  groupsPerSecondAt1GHz: number;
  /** max(longest job, work / cores, data / bandwidth), cycles. */
  lowerBoundCycles: number;
  coreBalance: number;
  bwUtilization: number;
  cores: CoreSchedule[];
}

/** Summarise an optimizer's best mapping on `problem`. */
export function mappingReport(problem: Problem, r: OptimizeResult): MappingReport {
  const t = problem.table;
  const tr = simulateMapping(problem, r.best);
  return {
    optimizer: r.optimizer,
    samples: r.samples,
    makespanCycles: tr.makespanCycles,
    throughputJobsPerMCycle: (t.jobs / tr.makespanCycles) * 1e6,
    groupsPerSecondAt1GHz: 1e9 / tr.makespanCycles,
    lowerBoundCycles: makespanBounds(problem).lowerBoundCycles,
    coreBalance: tr.coreBalance,
    bwUtilization: tr.bwUtilization,
    cores: tr.queues.map((jobs, c) => ({
      core: c,
      label: t.coreLabels[c],
      jobs,
      finishCycles: tr.coreFinishCycles[c],
      noStallCycles: jobs.reduce((s, j) => s + t.latencyCycles[j * t.cores + c], 0),
    })),
  };
}
