/** Web Worker of study C's search pool (pool.ts): job groups once, then one search per message. */
import type { FromSearchWorker, ToSearchWorker } from "./pool.ts";
import { ProblemCache, runSearch } from "./search.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToSearchWorker>) => void) | null;
  postMessage(m: FromSearchWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
let problems: ProblemCache | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "init") {
    problems = new ProblemCache(m.groups);
    return;
  }
  try {
    if (!problems) throw new Error("run before init");
    scope.postMessage({ type: "done", index: m.index, result: runSearch(m.spec, problems) });
  } catch (err) {
    scope.postMessage({
      type: "error",
      index: m.index,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
