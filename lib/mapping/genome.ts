/**
 * M3E's two-genome encoding of a mapping (C-magma.md section 2): per job, a sub-accelerator
 * selection gene (integer core index) and a prioritisation gene (float in [0, 1)); a core runs its
 * jobs in ascending priority. The same encoding is the output of every optimizer and heuristic.
 */
import type { Rng } from "../random.ts";

/** A mapping of J jobs to N cores. */
export interface Genome {
  /** Core index in [0, N) per job. */
  core: Int32Array;
  /** Priority in [0, 1) per job; smaller runs first on its core. */
  prio: Float64Array;
}

/** An empty genome for `jobs` jobs (all on core 0, priority 0). */
export function emptyGenome(jobs: number): Genome {
  return { core: new Int32Array(jobs), prio: new Float64Array(jobs) };
}

/** Fill `g` with M3E's random init: core ~ U{0..cores-1}, priority ~ U[0, 1). */
export function randomizeGenome(g: Genome, cores: number, rng: Rng): Genome {
  for (let i = 0; i < g.core.length; i++) g.core[i] = rng.int(cores);
  for (let i = 0; i < g.prio.length; i++) g.prio[i] = rng.next();
  return g;
}

/** A fresh random genome. */
export function randomGenome(jobs: number, cores: number, rng: Rng): Genome {
  return randomizeGenome(emptyGenome(jobs), cores, rng);
}

/** Copy `src` into `dst` (same length) and return `dst`. */
export function copyGenome(dst: Genome, src: Genome): Genome {
  dst.core.set(src.core);
  dst.prio.set(src.prio);
  return dst;
}

/** A deep copy of `g`. */
export function cloneGenome(g: Genome): Genome {
  return { core: g.core.slice(), prio: g.prio.slice() };
}

/**
 * The decoder: each core's job queue in run order (ascending priority, ties by job index).
 * Not the hot path (the evaluator decodes into preallocated buffers); for display and tests.
 */
export function decodeQueues(g: Genome, cores: number): number[][] {
  const queues: number[][] = Array.from({ length: cores }, () => []);
  for (let j = 0; j < g.core.length; j++) {
    const c = g.core[j];
    if (!(c >= 0 && c < cores)) throw new RangeError(`job ${j}: core ${c} not in [0, ${cores})`);
    queues[c].push(j);
  }
  for (const q of queues) q.sort((a, b) => g.prio[a] - g.prio[b] || a - b);
  return queues;
}

/** A genome from explicit per-core queues (priority = position in the queue / J). */
export function genomeFromQueues(queues: readonly (readonly number[])[], jobs: number): Genome {
  const g = emptyGenome(jobs);
  const seen = new Uint8Array(jobs);
  queues.forEach((q, c) =>
    q.forEach((j, pos) => {
      if (!(j >= 0 && j < jobs) || seen[j]) {
        throw new RangeError(`queue ${c}: bad or repeated job ${j}`);
      }
      seen[j] = 1;
      g.core[j] = c;
      g.prio[j] = pos / jobs;
    })
  );
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new RangeError(`job ${missing} is in no queue`);
  return g;
}
