/**
 * A full account of one mapping run through the allocator: per-core Gantt segments, bandwidth over
 * time, per-core finish times, core balance and bandwidth utilisation (M3E's side metrics).
 */
import { type AllocatorRecorder, MakespanEvaluator } from "./allocator.ts";
import type { Genome } from "./genome.ts";
import type { Problem } from "./problem.ts";

/** One job's run on one core, cycles. */
export interface Segment {
  core: number;
  job: number;
  startCycle: number;
  endCycle: number;
}

/** An interval with constant allocation; `allocBytesPerCycle[c]` is core c's share. */
export interface BwInterval {
  startCycle: number;
  endCycle: number;
  allocBytesPerCycle: number[];
}

/** Everything `simulateMapping` reports. */
export interface MappingTrace {
  makespanCycles: number;
  /** Finish time of each core's last job, cycles (0 if the core is idle). */
  coreFinishCycles: number[];
  /** Sum of core finish times / (cores x makespan); 1 = perfectly balanced. */
  coreBalance: number;
  /** Allocated bytes / (system bandwidth x makespan); 1 = bandwidth always saturated. */
  bwUtilization: number;
  /** Each core's queue in run order. */
  queues: number[][];
  segments: Segment[];
  bwTimeline: BwInterval[];
}

class Recorder implements AllocatorRecorder {
  readonly segments: Segment[] = [];
  readonly bwTimeline: BwInterval[] = [];
  bytes = 0;
  private open: (Segment | null)[];

  constructor(cores: number) {
    this.open = Array(cores).fill(null);
  }

  interval(t0: number, t1: number, job: Int32Array, alloc: Float64Array): void {
    if (t1 > t0) {
      this.bwTimeline.push({ startCycle: t0, endCycle: t1, allocBytesPerCycle: Array.from(alloc) });
      for (let c = 0; c < alloc.length; c++) this.bytes += alloc[c] * (t1 - t0);
    }
    job.forEach((j, c) => {
      const s = this.open[c];
      if (s && s.job === j) return void (s.endCycle = t1);
      if (j < 0) return void (this.open[c] = null);
      const seg = { core: c, job: j, startCycle: t0, endCycle: t1 };
      this.segments.push(seg);
      this.open[c] = seg;
    });
  }
}

/** Run `genome` through the allocator and record the schedule and its metrics. */
export function simulateMapping(problem: Problem, genome: Genome): MappingTrace {
  const ev = new MakespanEvaluator(problem);
  const rec = new Recorder(problem.table.cores);
  const makespanCycles = ev.evaluate(genome, rec);
  const finish = Array.from(ev.finishCycles);
  const n = finish.length;
  const sum = finish.reduce((a, b) => a + b, 0);
  return {
    makespanCycles,
    coreFinishCycles: finish,
    coreBalance: makespanCycles > 0 ? sum / (n * makespanCycles) : 1,
    bwUtilization: makespanCycles > 0
      ? rec.bytes / (problem.systemBwBytesPerCycle * makespanCycles)
      : 0,
    queues: Array.from({ length: n }, (_, c) => ev.queue(c)),
    segments: rec.segments,
    bwTimeline: rec.bwTimeline,
  };
}
