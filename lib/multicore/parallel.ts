/**
 * The design-space sweep on Web Workers. Configurations are cut into fixed chunks; idle workers
 * take the next chunk; every point is placed by its (network, configuration) index, so the result
 * is the same, point for point, whatever the number of workers or the order chunks finish in.
 */
import { defaultWorkers, runOnWorkers } from "../workers.ts";
import type { CoreBase, CoreConfig } from "./config.ts";
import { assembleSweep, type SweepResult, sweepSync } from "./sweep.ts";
import { unpackPoints } from "./pack.ts";
import type { SweepChunk, SweepInit } from "./sweep-worker.ts";
import type { SweepWorkload } from "./workload.ts";

/** Options of `sweep`. */
export interface SweepOptions extends CoreBase {
  /** Web Workers to run (default min(2, hardware threads)); 0 runs on the calling thread. */
  workers?: number;
  /** Configurations per chunk of work (default 8). */
  chunkConfigs?: number;
  /** Called after each finished chunk with configurations done and total. */
  onProgress?: (doneConfigs: number, totalConfigs: number) => void;
}

function checkCount(what: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`sweep: ${what} must be an integer >= ${min}, got ${v}`);
  }
  return v;
}

/** Cost of every network of `workload` on every configuration, on `opts.workers` workers. */
export async function sweep(
  workload: SweepWorkload,
  configs: readonly CoreConfig[],
  opts: SweepOptions = {},
): Promise<SweepResult> {
  const workers = checkCount("workers", opts.workers ?? defaultWorkers(), 0);
  const chunk = checkCount("chunkConfigs", opts.chunkConfigs ?? 8, 1);
  const base: CoreBase = { bufferSplit: opts.bufferSplit, clockMHz: opts.clockMHz };
  if (opts.energy) base.energy = opts.energy;
  if (workers === 0) {
    const r = sweepSync(workload, configs, base);
    opts.onProgress?.(configs.length, configs.length);
    return r;
  }
  const chunks: SweepChunk[] = [];
  for (let f = 0; f < configs.length; f += chunk) {
    chunks.push({ first: f, count: Math.min(chunk, configs.length - f) });
  }
  let doneConfigs = 0;
  const packed = await runOnWorkers<SweepInit, SweepChunk, Float64Array>(
    new URL("./sweep-worker.ts", import.meta.url),
    { workload, configs: [...configs], base },
    chunks,
    workers,
    "sweep",
    (index) => opts.onProgress?.(doneConfigs += chunks[index].count, configs.length),
  );
  return assembleSweep(workload, configs, packed.flatMap(unpackPoints));
}
