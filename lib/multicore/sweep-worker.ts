/**
 * Web Worker of the parallel sweep (parallel.ts, on lib/workers.ts's pool): the workload and
 * configurations once, then one chunk of configurations per task, answered with its packed points.
 */
import { serveTasks } from "../workers.ts";
import type { CoreBase, CoreConfig } from "./config.ts";
import { sweepChunk } from "./sweep.ts";
import { packPoints } from "./pack.ts";
import type { SweepWorkload } from "./workload.ts";

/** What every worker gets once. */
export interface SweepInit {
  workload: SweepWorkload;
  configs: CoreConfig[];
  base: CoreBase;
}

/** One task: `count` configurations from index `first`. */
export interface SweepChunk {
  first: number;
  count: number;
}

serveTasks((init: SweepInit) => init, (s, c: SweepChunk) => {
  const packed = packPoints(sweepChunk(s.workload, s.configs, c.first, c.count, s.base));
  return { result: packed, transfer: [packed.buffer] };
});
