/**
 * Inter-layer pipelining: cut a network's ordered layer list into at most S contiguous stages, one
 * per core, so that the slowest stage (the pipeline's period) is as short as possible. Throughput
 * speed-up = total / slowest stage <= S.
 * - `pipelineOptimal`: dynamic programming over (stages, prefix), O(S x L^2): the exact optimum of
 *   this linear-partition problem.
 * - `pipelineGreedy`: one pass that closes a stage when the next layer would push it past
 *   total / S; the simple heuristic the DP is compared against.
 */

/** A cut of the layer list into contiguous stages. */
export interface PipelineSplit {
  /** Index of the first layer of each stage (the first is 0). */
  starts: number[];
  /** Sum of the layer costs of each stage. */
  stageCosts: number[];
  /** The slowest stage. */
  maxStageCost: number;
}

function check(costs: readonly number[], stages: number): void {
  if (costs.length === 0) throw new RangeError("pipeline: no layers");
  costs.forEach((c, i) => {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`pipeline: cost[${i}] = ${c}`);
  });
  if (!Number.isInteger(stages) || stages < 1) {
    throw new RangeError(`pipeline: stages must be a positive integer, got ${stages}`);
  }
}

/** Stage sums of a cut given by its start indices. */
export function pipelineFromStarts(
  costs: readonly number[],
  starts: readonly number[],
): PipelineSplit {
  const stageCosts = starts.map((s, i) => {
    let sum = 0;
    for (let j = s; j < (starts[i + 1] ?? costs.length); j++) sum += costs[j];
    return sum;
  });
  return { starts: [...starts], stageCosts, maxStageCost: Math.max(...stageCosts) };
}

/** The optimal cut into at most `stages` contiguous non-empty stages (earliest cuts on ties). */
export function pipelineOptimal(costs: readonly number[], stages: number): PipelineSplit {
  check(costs, stages);
  const L = costs.length, S = Math.min(stages, L);
  const prefix = [0];
  for (const c of costs) prefix.push(prefix[prefix.length - 1] + c);
  // best[s][i]: smallest max stage of the first i layers in s stages; from[s][i]: last stage start.
  const best = [Array.from({ length: L + 1 }, (_, i) => prefix[i])];
  const from: number[][] = [new Array(L + 1).fill(0)];
  for (let s = 1; s < S; s++) {
    const row = new Array<number>(L + 1).fill(Infinity), arg = new Array<number>(L + 1).fill(0);
    for (let i = s + 1; i <= L; i++) {
      for (let j = s; j < i; j++) {
        const v = Math.max(best[s - 1][j], prefix[i] - prefix[j]);
        if (v < row[i]) [row[i], arg[i]] = [v, j];
      }
    }
    best.push(row);
    from.push(arg);
  }
  const starts: number[] = [];
  let i = L;
  for (let s = S - 1; s >= 1; s--) {
    i = from[s][i];
    starts.unshift(i);
  }
  starts.unshift(0);
  return pipelineFromStarts(costs, starts);
}

/** The greedy cut: close a stage when adding the next layer would exceed total / stages. */
export function pipelineGreedy(costs: readonly number[], stages: number): PipelineSplit {
  check(costs, stages);
  const target = costs.reduce((a, b) => a + b, 0) / stages;
  const starts = [0];
  let current = 0;
  for (let i = 0; i < costs.length; i++) {
    const open = i > starts[starts.length - 1];
    if (open && current + costs[i] > target && starts.length < stages) {
      starts.push(i);
      current = 0;
    }
    current += costs[i];
  }
  return pipelineFromStarts(costs, starts);
}
