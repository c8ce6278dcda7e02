/**
 * Choosing the k core types of a heterogeneous chip: the set H of k columns (configurations) that
 * minimises total(H) = sum over networks n of min over j in H of cost[n][j], every network running
 * on its best core type of the chip.
 *
 * - `chooseCoreTypesExact` enumerates every k-subset (C(m, k) of them).
 * - `chooseCoreTypesGreedy` adds, k times, the column that lowers the total most. Bound: with
 *   U_n = max_j cost[n][j], the saving f(H) = sum_n (U_n - min_{j in H} cost[n][j]) (f(empty) = 0)
 *   is monotone submodular (a facility-location function), so greedy keeps at least
 *   1 - (1 - 1/k)^k >= 1 - 1/e of the best saving (Nemhauser, Wolsey, Fisher 1978). Also, for any
 *   k-set S, f(S) <= f(G) + the k largest marginal gains over G (Minoux 1978; Leskovec et al. 2007):
 *   a bound computed from the data, usually much tighter. Both give a lower bound on the optimal
 *   total, returned as `lowerBoundTotal`.
 */

/** A chosen set of core types. */
export interface CoreTypeChoice {
  /** Chosen column indices, ascending. */
  members: number[];
  /** sum over rows of the best chosen column. */
  total: number;
  /** For each row, the chosen column it runs on (first on ties). */
  assignment: number[];
}

/** A greedy choice with a lower bound on the optimal total. */
export interface GreedyChoice extends CoreTypeChoice {
  /** No k-set has a total below this (max of the a-priori and data-dependent bounds). */
  lowerBoundTotal: number;
}

function checkMatrix(cost: readonly (readonly number[])[], k: number): number {
  const m = cost[0]?.length ?? 0;
  if (cost.length === 0 || m === 0) throw new RangeError("core types: empty cost matrix");
  cost.forEach((row, n) => {
    if (row.length !== m) {
      throw new RangeError(`core types: row ${n} has ${row.length} != ${m} columns`);
    }
    row.forEach((v, j) => {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`core types: cost[${n}][${j}] = ${v}`);
    });
  });
  if (!Number.isInteger(k) || k < 1 || k > m) {
    throw new RangeError(`core types: k must be an integer in 1..${m}, got ${k}`);
  }
  return m;
}

/** Total and per-row assignment of a set of columns. */
export function evaluateCoreTypes(
  cost: readonly (readonly number[])[],
  members: readonly number[],
): CoreTypeChoice {
  const sorted = [...members].sort((a, b) => a - b);
  let total = 0;
  const assignment = cost.map((row) => {
    let best = sorted[0];
    for (const j of sorted) if (row[j] < row[best]) best = j;
    total += row[best];
    return best;
  });
  return { members: sorted, total, assignment };
}

/** Number of k-subsets of m items (exact for the sizes enumerated here); m, k integers >= 0. */
export function binomial(m: number, k: number): number {
  for (const [name, v] of [["m", m], ["k", k]] as const) {
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new RangeError(`binomial: ${name} must be an integer >= 0, got ${v}`);
    }
  }
  if (k > m) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (m - k + i)) / i;
  return Math.round(r);
}

/** Options of `chooseCoreTypesExact`. */
export interface ExactOptions {
  /** Refuse to enumerate more subsets than this (default 10 million). */
  maxSubsets?: number;
}

/** The optimal k-set by enumeration (lexicographically first on ties). */
export function chooseCoreTypesExact(
  cost: readonly (readonly number[])[],
  k: number,
  opts: ExactOptions = {},
): CoreTypeChoice {
  const m = checkMatrix(cost, k);
  const limit = opts.maxSubsets ?? 1e7;
  if (binomial(m, k) > limit) {
    throw new RangeError(
      `core types: C(${m}, ${k}) subsets exceed maxSubsets ${limit}; use greedy`,
    );
  }
  const idx = Array.from({ length: k }, (_, i) => i);
  let best: number[] = [...idx], bestTotal = Infinity;
  for (;;) {
    let total = 0;
    for (const row of cost) {
      let v = row[idx[0]];
      for (let i = 1; i < k; i++) if (row[idx[i]] < v) v = row[idx[i]];
      total += v;
    }
    if (total < bestTotal) [bestTotal, best] = [total, [...idx]];
    let i = k - 1;
    while (i >= 0 && idx[i] === m - k + i) i--;
    if (i < 0) break;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
  return evaluateCoreTypes(cost, best);
}

function gains(cost: readonly (readonly number[])[], current: readonly number[]): number[] {
  const m = cost[0].length;
  const out = new Array<number>(m).fill(0);
  cost.forEach((row, n) => {
    for (let j = 0; j < m; j++) if (row[j] < current[n]) out[j] += current[n] - row[j];
  });
  return out;
}

/** The greedy k-set with a lower bound on the optimal total (see the module comment). */
export function chooseCoreTypesGreedy(
  cost: readonly (readonly number[])[],
  k: number,
): GreedyChoice {
  checkMatrix(cost, k);
  const upper = cost.map((row) => Math.max(...row));
  const current = [...upper];
  const members: number[] = [];
  for (let step = 0; step < k; step++) {
    const g = gains(cost, current);
    let pick = -1;
    g.forEach((v, j) => {
      if (!members.includes(j) && (pick < 0 || v > g[pick])) pick = j;
    });
    members.push(pick);
    cost.forEach((row, n) => (current[n] = Math.min(current[n], row[pick])));
  }
  const choice = evaluateCoreTypes(cost, members);
  const sumUpper = upper.reduce((a, b) => a + b, 0);
  const saving = sumUpper - choice.total;
  const alpha = 1 - Math.pow(1 - 1 / k, k);
  const topK = gains(cost, current).sort((a, b) => b - a).slice(0, k).reduce((a, b) => a + b, 0);
  const lowerBoundTotal = Math.max(choice.total - topK, sumUpper - saving / alpha);
  return { ...choice, lowerBoundTotal: Math.min(choice.total, lowerBoundTotal) };
}
