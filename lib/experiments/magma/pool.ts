/**
 * Study C's searches on a pool of Web Workers. Specs are handed out one at a time to whichever
 * worker is idle; results are stored by spec index, so the output is the same, in the same order,
 * for any number of workers (0 runs them on the calling thread).
 */
import {
  type Groups,
  ProblemCache,
  runSearch,
  type SearchResult,
  type SearchSpec,
} from "./search.ts";

/** Message to a worker. */
export type ToSearchWorker =
  | { type: "init"; groups: Groups }
  | { type: "run"; index: number; spec: SearchSpec };

/** Message from a worker. */
export type FromSearchWorker =
  | { type: "done"; index: number; result: SearchResult }
  | { type: "error"; index: number; message: string };

/** Default worker count: up to 2 (the reference machine's cores). */
export function defaultSearchWorkers(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
}

/** Run every spec; `onDone(done, total)` after each. Results in spec order. */
export function runSearches(
  specs: readonly SearchSpec[],
  groups: Groups,
  workers = defaultSearchWorkers(),
  onDone?: (done: number, total: number) => void,
): Promise<SearchResult[]> {
  if (!Number.isInteger(workers) || workers < 0) {
    throw new RangeError(`workers must be a non-negative integer (got ${workers})`);
  }
  if (workers === 0 || specs.length === 0) {
    const problems = new ProblemCache(groups);
    return Promise.resolve(specs.map((s, i) => {
      const r = runSearch(s, problems);
      onDone?.(i + 1, specs.length);
      return r;
    }));
  }
  const results: SearchResult[] = new Array(specs.length);
  const pool: Worker[] = [];
  let next = 0, finished = 0;
  return new Promise((resolve, reject) => {
    const stop = () => pool.forEach((w) => w.terminate());
    const feed = (w: Worker) => {
      if (next < specs.length) {
        w.postMessage({ type: "run", index: next, spec: specs[next++] } satisfies ToSearchWorker);
      }
    };
    for (let i = 0; i < Math.min(workers, specs.length); i++) {
      const w = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
      pool.push(w);
      w.onerror = (e) => {
        e.preventDefault();
        stop();
        reject(new Error(`magma search worker failed: ${e.message}`));
      };
      w.onmessage = (e: MessageEvent<FromSearchWorker>) => {
        const m = e.data;
        if (m.type === "error") {
          stop();
          return reject(new Error(`magma search ${JSON.stringify(specs[m.index])}: ${m.message}`));
        }
        results[m.index] = m.result;
        finished++;
        onDone?.(finished, specs.length);
        if (finished === specs.length) {
          stop();
          return resolve(results);
        }
        feed(w);
      };
      w.postMessage({ type: "init", groups } satisfies ToSearchWorker);
      feed(w);
    }
  });
}
