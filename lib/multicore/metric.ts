/**
 * Metrics of a sweep point and the networks x configurations matrices the selection works on.
 */
import { z } from "zod";
import type { SweepPoint, SweepResult } from "./sweep.ts";

/** What "best" means: energy (pJ), latency (s) or energy-delay product (pJ x s) per inference. */
export const MetricSchema = z.enum(["energy", "latency", "edp"]);
export type Metric = z.infer<typeof MetricSchema>;

/** Unit of each metric. */
export const metricUnit: Record<Metric, string> = { energy: "pJ", latency: "s", edp: "pJ*s" };

/** The value of `metric` at a sweep point. */
export function metricOf(p: SweepPoint, metric: Metric): number {
  if (metric === "energy") return p.energyPJ.total;
  if (metric === "latency") return p.latencySeconds;
  return p.edpPJs;
}

/**
 * matrix[n][j] = metric of network n on configuration `configs[j]` (default every configuration
 * of the sweep, in order).
 */
export function metricMatrix(
  r: SweepResult,
  metric: Metric,
  configs?: readonly number[],
): number[][] {
  const cols = configs ?? r.configs.map((_, i) => i);
  const nc = r.configs.length;
  return r.networks.map((_, n) => cols.map((c) => metricOf(r.points[n * nc + c], metric)));
}

/** Index of the smallest value of `row` (the first on ties). */
export function argmin(row: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] < row[best]) best = j;
  return best;
}

/** Each row divided by its minimum: 1 marks a network's best column. */
export function normalizeRows(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const min = row[argmin(row)];
    if (!(min > 0)) throw new RangeError(`normalizeRows: row minimum must be > 0, got ${min}`);
    return row.map((v) => v / min);
  });
}
