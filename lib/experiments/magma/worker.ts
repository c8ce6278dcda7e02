/** Web Worker of study C's search pool (pool.ts): job groups once, then one search per task. */
import { serveTasks } from "../../workers.ts";
import { type Groups, ProblemCache, runSearch, type SearchSpec } from "./search.ts";

serveTasks((groups: Groups) => new ProblemCache(groups), (problems, spec: SearchSpec) => ({
  result: runSearch(spec, problems),
}));
