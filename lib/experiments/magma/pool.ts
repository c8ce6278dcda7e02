/**
 * Study C's searches on the project's Web Worker pool (lib/workers.ts): the job groups go to each
 * worker once, then one search per task; results come back in spec order for any number of
 * workers (0 runs them on the calling thread).
 */
import { defaultWorkers, runOnWorkers } from "../../workers.ts";
import {
  type Groups,
  ProblemCache,
  runSearch,
  type SearchResult,
  type SearchSpec,
} from "./search.ts";

/** Run every spec on `workers` workers; `onDone(done, total)` after each. Results in spec order. */
export function runSearches(
  specs: readonly SearchSpec[],
  groups: Groups,
  workers = defaultWorkers(),
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
  return runOnWorkers<Groups, SearchSpec, SearchResult>(
    new URL("./worker.ts", import.meta.url),
    groups,
    specs,
    workers,
    "magma search",
    (_, done, total) => onDone?.(done, total),
  );
}
