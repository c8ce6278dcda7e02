/**
 * Inputs of study C's descriptive figures: the job-analysis table of each task group on the three
 * core styles at 2048 PEs, and the schedule of a heuristic and of MAGMA on the mapping case.
 */
import { coreLabel, type CoreSpec } from "../mapping/cores.ts";
import type { TaskName } from "../mapping/groups.ts";
import type { Job } from "../mapping/job.ts";
import { getOptimizer } from "../mapping/optimizers/registry.ts";
import { makeProblem } from "../mapping/problem.ts";
import { getSetting } from "../mapping/settings.ts";
import { buildJobTable } from "../mapping/table.ts";
import { simulateMapping } from "../mapping/trace.ts";
import type { MagmaOptions } from "./magma-options.ts";

/** The three core styles at M3E's small-core size. */
export const ANALYSIS_CORES: CoreSpec[] = [
  { style: "HB", pes: 2048 },
  { style: "LB", pes: 2048 },
  { style: "SYS", pes: 2048 },
];

/** One (job, core style) cell of the job-analysis table. */
export interface AnalysisRow {
  [key: string]: string | number;
  task: string;
  job: number;
  type: string;
  core: string;
  latencyCycles: number;
  bwBytesPerCycle: number;
}

/** The job-analysis table of every task group on HB, LB and SYS cores of 2048 PEs. */
export function jobAnalysisRows(groups: Map<TaskName, Job[]>): AnalysisRow[] {
  const labels = ANALYSIS_CORES.map(coreLabel);
  return [...groups].flatMap(([task, jobs]) => {
    const t = buildJobTable(jobs, ANALYSIS_CORES);
    return jobs.flatMap((j, i) =>
      labels.map((core, c) => ({
        task,
        job: i,
        type: j.type,
        core,
        latencyCycles: t.latencyCycles[i * t.cores + c],
        bwBytesPerCycle: t.bwBytesPerCycle[i * t.cores + c],
      }))
    );
  });
}

/** A Gantt bar of the mapping figure. */
export interface GanttRow {
  [key: string]: string | number;
  method: string;
  core: string;
  job: number;
  type: string;
  startCycles: number;
  endCycles: number;
}

/** A constant-allocation interval of one core in the mapping figure. */
export interface BwRow {
  [key: string]: string | number;
  method: string;
  core: string;
  startCycles: number;
  endCycles: number;
  allocBytesPerCycle: number;
}

/** Schedules of the mapping heuristic and MAGMA on the mapping case (same budget and seed). */
export function mappingRows(o: MagmaOptions, groups: Map<TaskName, Job[]>) {
  const c = o.mappingCase;
  const jobs = groups.get(c.task)!;
  const setting = getSetting(c.setting);
  const p = makeProblem(jobs, setting.cores, c.bwBytesPerCycle);
  const labels = p.table.coreLabels.map((l, i) => `${i}: ${l}`);
  const gantt: GanttRow[] = [], bw: BwRow[] = [];
  const summary = [o.mappingHeuristic, "magma"].map((m) => {
    const tr = simulateMapping(p, getOptimizer(m).optimize(p, o.budget, 1).best);
    for (const s of tr.segments) {
      gantt.push({
        method: m,
        core: labels[s.core],
        job: s.job,
        type: jobs[s.job].type,
        startCycles: s.startCycle,
        endCycles: s.endCycle,
      });
    }
    for (const iv of tr.bwTimeline) {
      iv.allocBytesPerCycle.forEach((a, k) =>
        bw.push({
          method: m,
          core: labels[k],
          startCycles: iv.startCycle,
          endCycles: iv.endCycle,
          allocBytesPerCycle: a,
        })
      );
    }
    return {
      method: m,
      makespanCycles: tr.makespanCycles,
      coreBalance: tr.coreBalance,
      bwUtilization: tr.bwUtilization,
    };
  });
  return { gantt, bw, summary };
}
