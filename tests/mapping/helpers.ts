/** Small problems for the mapping tests, built from explicit latency and bandwidth rows. */
import { type Problem, problemFromTable, tableFromArrays } from "../../lib/mapping/mod.ts";

/** M3E's own insts0 job files, copied into data/m3e-jobs (source and licence in data/README.md). */
export const M3E_JOBS = new URL("../../data/m3e-jobs/", import.meta.url);

/** Text of one M3E job file, e.g. `mix-insts0.csv`. */
export function m3eJobsText(file: string): string {
  return Deno.readTextFileSync(new URL(file, M3E_JOBS));
}

/** A problem from per-job rows of per-core latencies (cycles) and bandwidths (bytes/cycle). */
export function tinyProblem(lat: number[][], bw: number[][], systemBw: number): Problem {
  const cores = lat[0].length;
  return problemFromTable(
    tableFromArrays(
      Float64Array.from(lat.flat()),
      Float64Array.from(bw.flat()),
      Array.from({ length: cores }, (_, c) => `core${c}`),
    ),
    systemBw,
  );
}

/**
 * An independent reference of M3E's `post_process` in its own bytes form: each running job has
 * remaining bytes A = lat x bw and request bw; when requests exceed the system bandwidth they are
 * scaled by B / sum; the core whose job ends first pops the next one. Plain arrays, no reuse of
 * the library's evaluator. Jobs need bw > 0 here (the bytes form divides by it).
 */
export function referenceMakespan(p: Problem, queues: number[][]): number {
  const t = p.table, n = t.cores;
  const q = queues.map((x) => [...x]);
  const A: number[] = [], req: number[] = [];
  const pop = (c: number) => {
    const j = q[c].shift();
    A[c] = j === undefined ? Infinity : t.latencyCycles[j * n + c] * t.bwBytesPerCycle[j * n + c];
    req[c] = j === undefined ? 0 : t.bwBytesPerCycle[j * n + c];
  };
  for (let c = 0; c < n; c++) pop(c);
  let time = 0;
  while (A.some((a) => a !== Infinity)) {
    const total = req.reduce((s, x) => s + x, 0);
    const alloc = req.map((
      r,
    ) => (total > p.systemBwBytesPerCycle ? (r * p.systemBwBytesPerCycle) / total : r));
    const left = A.map((a, c) => (a === Infinity ? Infinity : a / alloc[c]));
    const dt = Math.min(...left);
    const next = left.indexOf(dt);
    time += dt;
    for (let c = 0; c < n; c++) if (A[c] !== Infinity) A[c] = Math.max(0, A[c] - dt * alloc[c]);
    pop(next);
  }
  return time;
}
