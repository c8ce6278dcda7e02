/**
 * The dynamic partitioner (our reconstruction of summary A.5; the paper's own rule is unknown),
 * simulated event by event. All tenants arrive at cycle 0 with their MAC layers in order.
 *
 * Events are cycle 0 and every cycle at which some tenant's layer ends. At an event:
 * 1. Tenants whose layer ended release their granules and become ready (or finish).
 * 2. The free granules are those no busy tenant holds. Busy tenants are never touched: a band
 *    changes only at its tenant's layer boundary (reload.ts).
 * 3. If the only unfinished tenant is ready, it takes the whole array: nobody else can use the
 *    rest, and that is exactly single tenancy (so one tenant alone behaves as the baseline).
 * 4. Otherwise each ready tenant claims its demand (the granules at which its current layer runs
 *    fastest, allocate.ts) with a weight: its current layer's whole-array cycles (share
 *    "current", summary A.5) or its remaining cycles ("remaining"). `apportion` deals the free
 *    granules: all demands if they fit, else in proportion to weight (D'Hondt), at least one
 *    granule each for the heaviest claims; tenants left without a granule wait for the next
 *    event. Granules no ready tenant can use stay free for tenants that become ready later,
 *    rather than going to a tenant whose current layer would not get faster with them.
 *    Share "throughput" (an alternative, not A.5) instead picks the split that maximises the
 *    summed speed of the ready tenants' current layers (`maxSpeedCounts`).
 * 5. Start rule "no-regret" (default; added after the first runs, see below): a tenant dealt k
 *    granules waits instead when starting now, t + cycles(k), would end later than the best case
 *    of starting at the next release t' (the earliest end among the busy layers and the layers
 *    the others start now), t' + cycles(min(demand, granules free then)). The tenant with the
 *    largest such regret waits, the free granules are dealt again among the others, and so on
 *    until nobody regrets; the last tenant with nothing else running always starts.
 *    "greedy" always starts (summary A.5 as written).
 *    The greedy rule starves: a tenant that becomes ready while another holds most of the array
 *    gets the one free granule, runs a long layer on it non-pre-emptively, and the pattern
 *    repeats (AlexNet beside ResNet-50 ran its fc6 on 16 of 128 columns, 5.7x its best time).
 *    The test is optimistic (it assumes the waiter gets the released granules), and it looks
 *    one event ahead only: a tenant can still be held on one granule for a whole run when the
 *    other tenant's layers are all long (see the study's notebook).
 * 6. Each tenant that got granules runs its current layer on them non-pre-emptively: the layer's
 *    cycles on a band of that many granules (band.ts), plus the re-partition penalty when its
 *    band differs from its previous layer's (0 by default, reload.ts).
 * 7. Never worse than the baseline: the whole plan is simulated on the cost model before it runs
 *    (every duration is known in advance), and when it would end later than running the DNNs one
 *    after another, the scheduler runs them one after another instead (`fellBack`). The rule
 *    above is a heuristic with no such guarantee of its own: the first pass lost 5-6% to single
 *    tenancy on three heavy 2- and 3-tenant mixes.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import {
  apportion,
  type Claim,
  claimWeight,
  demandGranules,
  layerSpeeds,
  maxSpeedCounts,
  placeGranules,
  remainingCycles,
} from "./allocate.ts";
import type { PartitionOptions } from "./options.ts";
import { checkProfiles, layerCycles, type TenantProfile } from "./profile.ts";
import { repartitionPenaltyCycles } from "./reload.ts";
import { finishSchedule, type ScheduleResult, type Segment } from "./schedule.ts";
import { singleTenancy } from "./single.ts";

interface SimState {
  /** Next layer of each tenant (= number of layers when done). */
  next: number[];
  /** Cycle at which each tenant's running layer ends, or -1 when it is not running. */
  busyUntil: number[];
  /** Tenant holding each granule, or -1. */
  holder: number[];
  /** Granules of each tenant's previous layer. */
  previous: (number[] | undefined)[];
  segments: Segment[];
}

/** Event-driven simulation of the dynamic partitioner; see the module comment for the policy. */
export function dynamicPartition(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): ScheduleResult {
  checkProfiles(profiles, acc, opts);
  const remaining = profiles.map(remainingCycles);
  const s: SimState = {
    next: profiles.map(() => 0),
    busyUntil: profiles.map(() => -1),
    holder: new Array<number>(profiles[0].granules).fill(-1),
    previous: profiles.map(() => undefined),
    segments: [],
  };
  let t = 0;
  for (;;) {
    releaseEnded(s, t);
    const ready = profiles.map((_, i) => i).filter((i) =>
      s.busyUntil[i] < 0 && s.next[i] < profiles[i].layers.length
    );
    if (ready.length > 0) startLayers(s, profiles, remaining, ready, t, opts);
    const pending = s.busyUntil.filter((b) => b >= 0);
    if (pending.length === 0) break;
    t = Math.min(...pending);
  }
  const plan = finishSchedule("dynamic", profiles, acc, s.segments, opts);
  const single = singleTenancy(profiles, acc, opts);
  return plan.makespanCycles <= single.makespanCycles
    ? plan
    : { ...single, scheduler: "dynamic", fellBack: true };
}

function releaseEnded(s: SimState, t: number): void {
  s.busyUntil.forEach((b, i) => {
    if (b < 0 || b > t) return;
    s.busyUntil[i] = -1;
    s.next[i]++;
    s.holder.forEach((h, g) => {
      if (h === i) s.holder[g] = -1;
    });
  });
}

/** Claims of the ready tenants on the free granules (weights and demands of their current layers). */
function claimsOf(
  s: SimState,
  profiles: readonly TenantProfile[],
  remaining: number[][],
  tenants: readonly number[],
  share: PartitionOptions["share"],
): Claim[] {
  return tenants.map((i) => ({
    tenant: i,
    weight: claimWeight(profiles[i], s.next[i], share, remaining[i]),
    demand: demandGranules(profiles[i], s.next[i]),
  }));
}

/** A layer that holds `granules` granules until cycle `end`. */
interface Run {
  end: number;
  granules: number;
}

/** Layers of the busy tenants. */
function busyRuns(s: SimState): Run[] {
  const out: Run[] = [];
  s.busyUntil.forEach((end, i) => {
    if (end >= 0) out.push({ end, granules: s.holder.filter((h) => h === i).length });
  });
  return out;
}

/**
 * How many cycles sooner a layer dealt `k` granules would end if its tenant waited for the next
 * release instead (optimistic: it would get every granule then free, up to its demand), given
 * the other layers running (busy, or starting now) and `freeAfter` granules left undealt.
 */
function regretCycles(
  p: TenantProfile,
  l: number,
  k: number,
  demand: number,
  t: number,
  others: readonly Run[],
  freeAfter: number,
): number {
  if (others.length === 0) return 0;
  const cycle = Math.min(...others.map((r) => r.end));
  const released = others.filter((r) => r.end === cycle).reduce((n, r) => n + r.granules, 0);
  const later = layerCycles(p, l, Math.min(demand, freeAfter + k + released));
  return t + layerCycles(p, l, k) - (cycle + later);
}

/** Granules dealt to the `active` tenants (aligned with it) under the share rule. */
function deal(
  s: SimState,
  profiles: readonly TenantProfile[],
  claims: readonly Claim[],
  free: number,
  share: PartitionOptions["share"],
): number[] {
  return share === "throughput"
    ? maxSpeedCounts(
      claims.map((c) => layerSpeeds(profiles[c.tenant], s.next[c.tenant], free)),
      free,
    )
    : apportion(claims, free);
}

/**
 * How many granules each ready tenant starts on now (0 = it waits); aligned with `ready`. With
 * the no-regret rule, the tenant with the largest regret waits and the rest are dealt again,
 * until nobody regrets; a tenant never waits when nothing else runs, so some layer always starts.
 */
function chooseCounts(
  s: SimState,
  profiles: readonly TenantProfile[],
  remaining: number[][],
  ready: readonly number[],
  t: number,
  opts: PartitionOptions,
): number[] {
  const free = s.holder.filter((h) => h === -1).length;
  const unfinished = s.next.filter((l, i) => l < profiles[i].layers.length).length;
  if (unfinished === 1 && ready.length === 1) return [free];
  const busy = busyRuns(s);
  const active = [...ready];
  for (;;) {
    const claims = claimsOf(s, profiles, remaining, active, opts.share);
    const counts = deal(s, profiles, claims, free, opts.share);
    const result = () => ready.map((i) => counts[active.indexOf(i)] ?? 0);
    if (opts.startRule !== "no-regret") return result();
    const starts = active.map((i, k) => ({
      end: t + (counts[k] > 0 ? layerCycles(profiles[i], s.next[i], counts[k]) : 0),
      granules: counts[k],
    }));
    const freeAfter = free - counts.reduce((a, b) => a + b, 0);
    let worst = -1, worstRegret = 0;
    active.forEach((i, k) => {
      if (counts[k] === 0) return;
      const others = [...busy, ...starts.filter((r, j) => j !== k && r.granules > 0)];
      const r = regretCycles(
        profiles[i],
        s.next[i],
        counts[k],
        claims[k].demand,
        t,
        others,
        freeAfter,
      );
      if (r > worstRegret) [worst, worstRegret] = [k, r];
    });
    if (worst < 0) return result();
    active.splice(worst, 1);
  }
}

function startLayers(
  s: SimState,
  profiles: readonly TenantProfile[],
  remaining: number[][],
  ready: number[],
  t: number,
  opts: PartitionOptions,
): void {
  const counts = chooseCounts(s, profiles, remaining, ready, t, opts);
  const placed = placeGranules(ready, counts, s.previous, s.holder);
  ready.forEach((i, k) => {
    const granules = placed[k];
    if (granules.length === 0) return;
    const p = profiles[i], l = s.next[i];
    const penaltyCycles = repartitionPenaltyCycles(s.previous[i], granules, opts);
    const endCycle = t + penaltyCycles + layerCycles(p, l, granules.length);
    s.segments.push({
      tenant: i,
      layer: l,
      layerName: p.layers[l].name,
      startCycle: t,
      endCycle,
      granules,
      units: granules.length * p.granularity,
      penaltyCycles,
    });
    s.busyUntil[i] = endCycle;
    s.previous[i] = granules;
  });
}
