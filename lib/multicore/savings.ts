/**
 * Near-optimal core per network and what it saves. Within a search space (a list of configuration
 * indices of a sweep), each network's best core is compared with
 * - the best homogeneous core: the one core of the space with the lowest mean normalised metric
 *   (metric / the network's best in the space) over all networks, i.e. the k = 1 core-type choice;
 * - a fixed reference core (any configuration of the sweep).
 * saving = 1 - metric(best) / metric(baseline), in [0, 1) whenever the baseline is in the space.
 */
import { chooseCoreTypesExact } from "./core-types.ts";
import { argmin, type Metric, metricMatrix, normalizeRows } from "./metric.ts";
import type { SweepResult } from "./sweep.ts";

/** One network's best core and its savings. */
export interface NetworkSaving {
  network: string;
  /** Configuration indices (into the sweep) of the best, homogeneous and reference cores. */
  bestConfig: number;
  homogeneousConfig: number;
  referenceConfig: number;
  /** The metric on each of the three. */
  best: number;
  homogeneous: number;
  reference: number;
  /** 1 - best / homogeneous. */
  savingVsHomogeneous: number;
  /** 1 - best / reference (negative when the reference beats every core of the space). */
  savingVsReference: number;
}

/** Savings of every network for one metric. */
export interface SavingsReport {
  metric: Metric;
  homogeneousConfig: number;
  referenceConfig: number;
  networks: NetworkSaving[];
  /** Largest and mean saving against the homogeneous core. */
  maxSavingVsHomogeneous: number;
  meanSavingVsHomogeneous: number;
  /** Network with the largest saving. */
  maxSavingNetwork: string;
}

/** The space's best homogeneous core for `metric` (a sweep configuration index). */
export function homogeneousBest(r: SweepResult, metric: Metric, space: readonly number[]): number {
  const norm = normalizeRows(metricMatrix(r, metric, space));
  return space[chooseCoreTypesExact(norm, 1).members[0]];
}

function checkIndices(r: SweepResult, space: readonly number[], referenceConfig: number): void {
  if (space.length === 0) throw new RangeError("compareCores: empty search space");
  const bad = [...space, referenceConfig].find((c) => !(c >= 0 && c < r.configs.length));
  if (bad !== undefined) {
    throw new RangeError(`compareCores: configuration index ${bad} out of range`);
  }
}

/** Best core per network within `space` and its saving against the homogeneous and reference cores. */
export function compareCores(
  r: SweepResult,
  metric: Metric,
  space: readonly number[],
  referenceConfig: number,
): SavingsReport {
  checkIndices(r, space, referenceConfig);
  const inSpace = metricMatrix(r, metric, space);
  const all = metricMatrix(r, metric);
  const homogeneousConfig = homogeneousBest(r, metric, space);
  const networks = r.networks.map((network, n): NetworkSaving => {
    const bestConfig = space[argmin(inSpace[n])];
    const best = all[n][bestConfig];
    const homogeneous = all[n][homogeneousConfig];
    const reference = all[n][referenceConfig];
    return {
      network,
      bestConfig,
      homogeneousConfig,
      referenceConfig,
      best,
      homogeneous,
      reference,
      savingVsHomogeneous: 1 - best / homogeneous,
      savingVsReference: 1 - best / reference,
    };
  });
  const top = networks.reduce((a, b) => (b.savingVsHomogeneous > a.savingVsHomogeneous ? b : a));
  const mean = networks.reduce((s, x) => s + x.savingVsHomogeneous, 0) / networks.length;
  return {
    metric,
    homogeneousConfig,
    referenceConfig,
    networks,
    maxSavingVsHomogeneous: top.savingVsHomogeneous,
    meanSavingVsHomogeneous: mean,
    maxSavingNetwork: top.network,
  };
}
