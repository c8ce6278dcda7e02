/**
 * The static design: a conv engine and an FC engine whose split of PEs and bandwidth is fixed at
 * design time and never reconfigured. The designer knows the hardware, the batch size and the
 * benchmark set, and picks the one split that maximises the geometric mean of the per-model speedup
 * over the monolithic baseline (so no single model is favoured); every model then runs pipelined on
 * that split, even where the monolithic engine would be faster. The search enumerates PE groups
 * (peStep) and bandwidth shares on a grid of 1/shareSteps, the granularity at which a fixed design
 * would wire its DRAM ports.
 */
import { ValidationError } from "../validate.ts";
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { convPeCandidates } from "./search.ts";
import { checkSplitArgs, monolithicSplit, pipelinedSplit, wholeMachine } from "./split.ts";

/** A fixed conv/FC split: PEs of the conv engine and its share of the DRAM bandwidth. */
export interface StaticSplit {
  convPes: number;
  convBandwidthShare: number;
  /** Geometric-mean speedup over the baseline across the models it was chosen for (1 = parity). */
  geomeanSpeedup: number;
}

/** Options of `chooseStaticSplit`. */
export interface StaticSplitOptions {
  /** Bandwidth shares tried: k / shareSteps for k = 1 .. shareSteps - 1 (default 64). */
  shareSteps?: number;
}

/** The fixed split that maximises the geomean speedup over the baseline across `models`. */
export function chooseStaticSplit(
  models: readonly NetworkDemand[],
  hw: ElasticHardware,
  batch: number,
  opts: StaticSplitOptions = {},
): StaticSplit {
  const steps = opts.shareSteps ?? 64;
  const issues: string[] = [];
  if (!Number.isInteger(steps) || steps < 2) {
    issues.push(`shareSteps: must be an integer >= 2 (got ${steps})`);
  }
  if (models.length === 0) issues.push("models: no models given");
  if (issues.length) throw new ValidationError("chooseStaticSplit arguments", issues);
  checkSplitArgs("chooseStaticSplit arguments", batch, wholeMachine(hw));
  const base = models.map((d) => monolithicSplit(d, hw, batch).batchSeconds);
  let best: StaticSplit = { convPes: 0, convBandwidthShare: 0, geomeanSpeedup: 0 };
  for (const convPes of convPeCandidates(hw, wholeMachine(hw))) {
    for (let k = 1; k < steps; k++) {
      const share = k / steps;
      let logSum = 0;
      for (let i = 0; i < models.length; i++) {
        const t = pipelinedSplit(models[i], hw, batch, convPes, share).batchSeconds;
        logSum += Math.log(base[i] / t);
      }
      const g = Math.exp(logSum / models.length);
      if (g > best.geomeanSpeedup) best = { convPes, convBandwidthShare: share, geomeanSpeedup: g };
    }
  }
  return best;
}
