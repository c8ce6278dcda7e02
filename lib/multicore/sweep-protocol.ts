/** Messages between the parallel sweep (parallel.ts) and its workers (sweep-worker.ts). */
import type { CoreBase, CoreConfig } from "./config.ts";
import type { SweepWorkload } from "./workload.ts";

/** Main thread to worker: the inputs once, then one message per chunk of configurations. */
export type ToWorker =
  | { type: "init"; workload: SweepWorkload; configs: CoreConfig[]; base: CoreBase }
  | { type: "chunk"; chunk: number; first: number; count: number };

/** Worker to main thread: a chunk's points (pack.ts), or the error that stopped it. */
export type ToMain =
  | { type: "points"; chunk: number; packed: Float64Array }
  | { type: "error"; message: string };
