/**
 * Reading a schedule's timeline: which units (columns or rows) each tenant holds when, as
 * rectangles for plotting, as a step series of units per tenant, and checked for conflicts.
 */
import type { ScheduleResult } from "./schedule.ts";

/** A rectangle of the timeline: `tenant` holds units [firstUnit, endUnit) during [startCycle, endCycle). */
export interface TimelineRect {
  tenant: string;
  layerName: string;
  startCycle: number;
  endCycle: number;
  firstUnit: number;
  endUnit: number;
}

/** One rectangle per run of adjacent granules of every segment (a band may be split in runs). */
export function timelineRects(r: ScheduleResult): TimelineRect[] {
  const out: TimelineRect[] = [];
  for (const s of r.segments) {
    let start = 0;
    for (let i = 1; i <= s.granules.length; i++) {
      if (i < s.granules.length && s.granules[i] === s.granules[i - 1] + 1) continue;
      out.push({
        tenant: r.tenants[s.tenant],
        layerName: s.layerName,
        startCycle: s.startCycle,
        endCycle: s.endCycle,
        firstUnit: s.granules[start] * r.granularity,
        endUnit: (s.granules[i - 1] + 1) * r.granularity,
      });
      start = i;
    }
  }
  return out;
}

/** Units held by each tenant from a cycle on: one row per tenant per change point. */
export interface HeldUnitsPoint {
  tenant: string;
  cycle: number;
  units: number;
}

/** Step series of units held per tenant at every cycle where any holding changes (ends at the makespan with 0). */
export function heldUnitsSeries(r: ScheduleResult): HeldUnitsPoint[] {
  const cuts = new Set<number>([0, r.makespanCycles]);
  for (const s of r.segments) cuts.add(s.startCycle).add(s.endCycle);
  const times = [...cuts].sort((a, b) => a - b);
  const out: HeldUnitsPoint[] = [];
  r.tenants.forEach((tenant, i) => {
    const mine = r.segments.filter((s) => s.tenant === i);
    for (const cycle of times) {
      const held = mine.find((s) => s.startCycle <= cycle && cycle < s.endCycle);
      out.push({ tenant, cycle, units: held ? held.units : 0 });
    }
  });
  return out;
}

/** Largest number of units held at once over the whole run. */
export function peakHeldUnits(r: ScheduleResult): number {
  const events = r.segments.flatMap((s) => [
    { cycle: s.startCycle, delta: s.units },
    { cycle: s.endCycle, delta: -s.units },
  ]);
  // Releases before acquisitions at the same cycle: a band freed at t can be reused at t.
  events.sort((a, b) => a.cycle - b.cycle || a.delta - b.delta);
  let held = 0, peak = 0;
  for (const e of events) {
    held += e.delta;
    peak = Math.max(peak, held);
  }
  return peak;
}

/** Every pair of segments that hold the same granule at overlapping times (empty = a valid timeline). */
export function bandConflicts(r: ScheduleResult): string[] {
  const issues: string[] = [];
  const segs = r.segments;
  for (let a = 0; a < segs.length; a++) {
    for (let b = a + 1; b < segs.length; b++) {
      const x = segs[a], y = segs[b];
      if (x.endCycle <= y.startCycle || y.endCycle <= x.startCycle) continue;
      const shared = x.granules.filter((g) => y.granules.includes(g));
      if (shared.length > 0) {
        issues.push(
          `${r.tenants[x.tenant]}/${x.layerName} and ${r.tenants[y.tenant]}/${y.layerName} ` +
            `both hold granules ${shared.join(",")} during [${
              Math.max(x.startCycle, y.startCycle)
            }, ` +
            `${Math.min(x.endCycle, y.endCycle)})`,
        );
      }
    }
  }
  return issues;
}
