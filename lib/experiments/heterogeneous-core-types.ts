/**
 * Heterogeneous chips with k core types, for energy and EDP: exact enumeration and greedy over the
 * core search space, and greedy (with its bound) plus exact for k <= 2 over the whole grid. Each
 * network counts equally: its metric is divided by its best in the candidate set, so a chip's
 * mean normalised metric is its average overhead over every network's own optimum (1 = none).
 */
import {
  chooseCoreTypesExact,
  chooseCoreTypesGreedy,
  coreLabel,
  type Metric,
  metricMatrix,
  normalizeRows,
  type SweepResult,
} from "../multicore/mod.ts";
import type { Row } from "./results.ts";

/** One metric and k: the chip's mean normalised metric for each method. */
export interface CoreTypeRow extends Row {
  metric: Metric;
  k: number;
  spaceExactMean: number;
  spaceExactCores: string;
  spaceGreedyMean: number;
  spaceGreedyCores: string;
  /** No k-set of the space does better than this (greedy's bound). */
  spaceGreedyBoundMean: number;
  /** Largest and mean saving of the exact k-type chip vs the best homogeneous core of the space. */
  spaceExactMaxSaving: number;
  spaceExactMeanSaving: number;
  gridGreedyMean: number;
  gridGreedyCores: string;
  gridGreedyBoundMean: number;
  /** Exact over the whole grid, only for k <= 2 (null beyond: too many subsets). */
  gridExactMean: number | null;
}

const labels = (r: SweepResult, cols: readonly number[], members: readonly number[]) =>
  members.map((j) => coreLabel(r.configs[cols[j]])).join(" + ");

function rowFor(r: SweepResult, space: readonly number[], metric: Metric, k: number): CoreTypeRow {
  const nets = r.networks.length;
  const all = r.configs.map((_, i) => i);
  const raw = metricMatrix(r, metric, space);
  const norm = normalizeRows(raw);
  const exact = chooseCoreTypesExact(norm, k);
  const greedy = chooseCoreTypesGreedy(norm, k);
  const homog = chooseCoreTypesExact(norm, 1).members[0];
  const savings = raw.map((row, n) => 1 - row[exact.assignment[n]] / row[homog]);
  const gridNorm = normalizeRows(metricMatrix(r, metric));
  const gridGreedy = chooseCoreTypesGreedy(gridNorm, k);
  return {
    metric,
    k,
    spaceExactMean: exact.total / nets,
    spaceExactCores: labels(r, space, exact.members),
    spaceGreedyMean: greedy.total / nets,
    spaceGreedyCores: labels(r, space, greedy.members),
    spaceGreedyBoundMean: greedy.lowerBoundTotal / nets,
    spaceExactMaxSaving: Math.max(...savings),
    spaceExactMeanSaving: savings.reduce((a, b) => a + b, 0) / nets,
    gridGreedyMean: gridGreedy.total / nets,
    gridGreedyCores: labels(r, all, gridGreedy.members),
    gridGreedyBoundMean: gridGreedy.lowerBoundTotal / nets,
    gridExactMean: k <= 2 ? chooseCoreTypesExact(gridNorm, k).total / nets : null,
  };
}

/** Rows for energy and EDP and each k of `counts` (k larger than the space is skipped). */
export function coreTypeRows(
  r: SweepResult,
  space: readonly number[],
  counts: readonly number[],
): CoreTypeRow[] {
  const metrics: Metric[] = ["energy", "edp"];
  return metrics.flatMap((m) =>
    counts.filter((k) => k <= space.length).map((k) => rowFor(r, space, m, k))
  );
}
