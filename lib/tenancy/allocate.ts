/**
 * The dynamic partitioner's decisions at one event, as pure functions: how many granules a
 * tenant's current layer can use (its demand), how the free granules are dealt when demand
 * exceeds them, and which granules each tenant gets.
 */
import type { Share } from "./options.ts";
import type { TenantProfile } from "./profile.ts";

/**
 * Granules at which layer `l` of `p` runs fastest (ties go to the narrowest band). This is the
 * summary's d_i = min(S_C, C) rounded up to the granule, read off the cost model instead of the
 * GEMM shape so that it also covers block-diagonally packed groups (a depthwise layer cannot use
 * more than floor(R / window) groups' columns) and a band's smaller buffer and bandwidth share.
 */
export function demandGranules(p: TenantProfile, l: number): number {
  const costs = p.layers[l].byGranules;
  let best = 0;
  for (let j = 1; j < costs.length; j++) if (costs[j].cycles < costs[best].cycles) best = j;
  return best + 1;
}

/** Whole-array cycles of the layers from `l` on, for every l (suffix sums; last entry 0). */
export function remainingCycles(p: TenantProfile): number[] {
  const G = p.granules;
  const out = new Array<number>(p.layers.length + 1).fill(0);
  for (let l = p.layers.length - 1; l >= 0; l--) {
    out[l] = out[l + 1] + p.layers[l].byGranules[G - 1].cycles;
  }
  return out;
}

/** A ready tenant's claim on the free granules. */
export interface Claim {
  tenant: number;
  /** Work the split is proportional to, cycles (whole-array cycles of the current or remaining layers). */
  weight: number;
  /** Granules beyond which the current layer gets no faster (at least 1). */
  demand: number;
}

/** The weight of tenant `p` at layer `l` for the chosen share rule. */
export function claimWeight(
  p: TenantProfile,
  l: number,
  share: Share,
  remaining: number[],
): number {
  return share === "current" ? p.layers[l].byGranules[p.granules - 1].cycles : remaining[l];
}

/** Throw naming the first bad field: a weight that is not finite >= 0 (NaN would win every tie). */
function checkClaims(claims: readonly Claim[], free: number): void {
  if (!(Number.isInteger(free) && free >= 0)) {
    throw new RangeError(`apportion: free granules must be an integer >= 0, got ${free}`);
  }
  claims.forEach((c, i) => {
    if (!(Number.isFinite(c.weight) && c.weight >= 0)) {
      throw new RangeError(
        `apportion: claim ${i} (tenant ${c.tenant}) weight must be finite and >= 0, got ${c.weight}`,
      );
    }
    if (!(Number.isInteger(c.demand) && c.demand >= 1)) {
      throw new RangeError(
        `apportion: claim ${i} (tenant ${c.tenant}) demand must be an integer >= 1, got ${c.demand}`,
      );
    }
  });
}

/**
 * Deal `free` granules among `claims` (result aligned with `claims`). If there are more claims
 * than granules, the heaviest `free` claims get one each and the rest wait. Otherwise every
 * claim gets one, and the others are dealt one at a time to the claim with the highest weight per
 * granule it would then hold (D'Hondt apportionment: shares in proportion to weight), never
 * beyond its demand. Granules nobody can use stay free. Ties go to the lower tenant index.
 */
export function apportion(claims: readonly Claim[], free: number): number[] {
  checkClaims(claims, free);
  const order = claims.map((_, i) => i).sort((a, b) =>
    claims[b].weight - claims[a].weight || claims[a].tenant - claims[b].tenant
  );
  const alloc = claims.map(() => 0);
  const kept = order.slice(0, Math.max(0, free));
  for (const i of kept) alloc[i] = 1;
  for (let pool = free - kept.length; pool > 0; pool--) {
    let pick = -1, bestQ = -1;
    for (const i of kept) {
      if (alloc[i] >= claims[i].demand) continue;
      const q = claims[i].weight / (alloc[i] + 1);
      if (q > bestQ) [pick, bestQ] = [i, q];
    }
    if (pick < 0) break;
    alloc[pick]++;
  }
  return alloc;
}

/**
 * Choose `counts[i]` free granules for each tenant: first the granules it held for its previous
 * layer (so bands move as little as possible), then the lowest-indexed free ones. `holder[g]` is
 * the tenant holding granule g, or -1; it is updated in place. Returns ascending granule lists.
 */
export function placeGranules(
  tenants: readonly number[],
  counts: readonly number[],
  previous: readonly (readonly number[] | undefined)[],
  holder: number[],
): number[][] {
  const picked = tenants.map(() => [] as number[]);
  tenants.forEach((t, i) => {
    for (const g of previous[t] ?? []) {
      if (picked[i].length < counts[i] && holder[g] === -1) {
        holder[g] = t;
        picked[i].push(g);
      }
    }
  });
  tenants.forEach((t, i) => {
    for (let g = 0; g < holder.length && picked[i].length < counts[i]; g++) {
      if (holder[g] === -1) {
        holder[g] = t;
        picked[i].push(g);
      }
    }
    picked[i].sort((a, b) => a - b);
  });
  return picked;
}

/**
 * Granules per claim that maximise the summed speed of the claims' current layers, where a layer
 * on k granules runs at speed cycles(whole array) / cycles(k) (0 when k = 0): the "throughput"
 * share rule. `speed[i][k]` is claim i's speed on k granules (k = 0..free). Exact dynamic program
 * over claims and granules; among equal sums it uses fewer granules, then favours earlier claims.
 */
export function maxSpeedCounts(speed: readonly (readonly number[])[], free: number): number[] {
  const n = speed.length;
  // best[i][f]: the best summed speed of claims i.. with f granules left.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(free + 1).fill(0));
  const pick = Array.from({ length: n }, () => new Array<number>(free + 1).fill(0));
  const eps = 1e-12;
  for (let i = n - 1; i >= 0; i--) {
    for (let f = 0; f <= free; f++) {
      let bestK = 0, bestV = best[i + 1][f];
      for (let k = 1; k <= f && k < speed[i].length; k++) {
        const v = speed[i][k] + best[i + 1][f - k];
        if (v > bestV + eps) [bestK, bestV] = [k, v];
      }
      best[i][f] = bestV;
      pick[i][f] = bestK;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let i = 0, f = free; i < n; i++) {
    out[i] = pick[i][f];
    f -= out[i];
  }
  return out;
}

/** Speed of layer `l` of `p` on 0..free granules, relative to the whole array. */
export function layerSpeeds(p: TenantProfile, l: number, free: number): number[] {
  const full = p.layers[l].byGranules[p.granules - 1].cycles;
  const out = [0];
  for (let k = 1; k <= free; k++) out.push(full / p.layers[l].byGranules[k - 1].cycles);
  return out;
}
