/**
 * Best static split, then expand: a baseline for the dynamic partitioner. For every way of
 * dealing the G granules to the n tenants (every composition of G into n positive parts, bands
 * contiguous in tenant order), each tenant runs on its band; when a tenant finishes, its granules
 * become free, and a tenant at a layer boundary takes the granule count, up to its own plus the
 * free ones, at which its next layer is fastest (ties: fewest). On two tenants that is "the
 * survivor takes the whole array". The split with the least makespan (ties: the first) is kept,
 * so this is an offline best case of a static plan, not a run-time rule.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import type { PartitionOptions } from "./options.ts";
import { checkProfiles, layerCycles, type TenantProfile } from "./profile.ts";
import { finishSchedule, type ScheduleResult, type Segment } from "./schedule.ts";

/** Every composition of `total` into `parts` positive integers, in lexicographic order. */
export function compositions(total: number, parts: number): number[][] {
  if (parts === 1) return total >= 1 ? [[total]] : [];
  const out: number[][] = [];
  for (let first = 1; first <= total - parts + 1; first++) {
    for (const rest of compositions(total - first, parts - 1)) out.push([first, ...rest]);
  }
  return out;
}

/** Segments of one split: tenants start on their bands and grow into freed granules. */
function expandSegments(profiles: readonly TenantProfile[], split: readonly number[]): Segment[] {
  const G = profiles[0].granules;
  const holder = new Array<number>(G).fill(-1);
  const own: number[][] = [];
  let first = 0;
  split.forEach((k) => {
    own.push(Array.from({ length: k }, (_, i) => first + i));
    first += k;
  });
  own.forEach((gs, t) => gs.forEach((g) => holder[g] = t));
  const next = profiles.map(() => 0), segments: Segment[] = [];
  const readyAt = profiles.map(() => 0);
  for (;;) {
    const live = profiles.map((_, t) => t).filter((t) => next[t] < profiles[t].layers.length);
    if (live.length === 0) return segments;
    const t = live.reduce((a, b) => (readyAt[b] < readyAt[a] ? b : a));
    const now = readyAt[t], p = profiles[t], l = next[t];
    // Granules freed by tenants that finished by now.
    holder.forEach((h, g) => {
      if (h >= 0 && h !== t && next[h] >= profiles[h].layers.length && readyAt[h] <= now) {
        holder[g] = -1;
      }
    });
    const free = holder.map((h, g) => (h === -1 ? g : -1)).filter((g) => g >= 0);
    const avail = [...own[t], ...free];
    let best = 1;
    for (let k = 2; k <= avail.length; k++) {
      if (layerCycles(p, l, k) < layerCycles(p, l, best)) best = k;
    }
    const granules = avail.slice(0, best).sort((a, b) => a - b);
    for (const g of avail) holder[g] = granules.includes(g) ? t : -1;
    own[t] = granules;
    const end = now + layerCycles(p, l, best);
    segments.push({
      tenant: t,
      layer: l,
      layerName: p.layers[l].name,
      startCycle: now,
      endCycle: end,
      granules,
      units: best * p.granularity,
      penaltyCycles: 0,
    });
    readyAt[t] = end;
    next[t]++;
    if (next[t] >= p.layers.length) own[t] = [];
  }
}

/** The best static split then expand (module comment); tenants must not outnumber granules. */
export function staticExpand(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): ScheduleResult {
  checkProfiles(profiles, acc, opts);
  const G = profiles[0].granules;
  if (profiles.length > G) {
    throw new RangeError(`static expand: ${profiles.length} tenants do not fit in ${G} granules`);
  }
  let best: ScheduleResult | undefined;
  for (const split of compositions(G, profiles.length)) {
    const segs = expandSegments(profiles, split);
    segs.sort((a, b) => a.startCycle - b.startCycle || a.tenant - b.tenant);
    const r = finishSchedule("expand", profiles, acc, segs, opts);
    if (!best || r.makespanCycles < best.makespanCycles) best = r;
  }
  return best!;
}
