/**
 * The design-space sweep on Web Workers. Configurations are cut into fixed chunks; idle workers
 * take the next chunk; every point is placed by its (network, configuration) index, so the result
 * is the same, point for point, whatever the number of workers or the order chunks finish in.
 */
import type { CoreBase, CoreConfig } from "./config.ts";
import { assembleSweep, type SweepPoint, type SweepResult, sweepSync } from "./sweep.ts";
import type { ToMain, ToWorker } from "./sweep-protocol.ts";
import { unpackPoints } from "./pack.ts";
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

function defaultWorkers(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
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
  const chunks: Array<{ first: number; count: number }> = [];
  for (let f = 0; f < configs.length; f += chunk) {
    chunks.push({ first: f, count: Math.min(chunk, configs.length - f) });
  }
  const parts = await runChunks(workload, [...configs], base, chunks, workers, opts.onProgress);
  return assembleSweep(workload, configs, parts.flat());
}

function runChunks(
  workload: SweepWorkload,
  configs: CoreConfig[],
  base: CoreBase,
  chunks: Array<{ first: number; count: number }>,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepPoint[][]> {
  const results: SweepPoint[][] = new Array(chunks.length);
  const pool: Worker[] = [];
  let next = 0, finished = 0, doneConfigs = 0;
  return new Promise((resolve, reject) => {
    const stop = () => pool.forEach((w) => w.terminate());
    const feed = (w: Worker) => {
      if (next >= chunks.length) return;
      const c = chunks[next];
      w.postMessage({ type: "chunk", chunk: next++, ...c } satisfies ToWorker);
    };
    if (chunks.length === 0) return resolve([]);
    for (let i = 0; i < Math.min(workers, chunks.length); i++) {
      const w = new Worker(new URL("./sweep-worker.ts", import.meta.url).href, { type: "module" });
      pool.push(w);
      w.onerror = (e) => {
        e.preventDefault();
        stop();
        reject(new Error(`sweep worker failed: ${e.message}`));
      };
      w.onmessage = (e: MessageEvent<ToMain>) => {
        const m = e.data;
        if (m.type === "error") {
          stop();
          return reject(new Error(`sweep worker: ${m.message}`));
        }
        results[m.chunk] = unpackPoints(m.packed);
        doneConfigs += chunks[m.chunk].count;
        onProgress?.(doneConfigs, configs.length);
        if (++finished === chunks.length) {
          stop();
          return resolve(results);
        }
        feed(w);
      };
      w.postMessage({ type: "init", workload, configs, base } satisfies ToWorker);
      feed(w);
    }
  });
}
