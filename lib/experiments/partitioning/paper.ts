/**
 * Study A versus the paper: the four headline savings (abstract of Reshadi & Gregg, "Dynamic
 * Resource Partitioning for Multi-Tenant Systolic Array Based DNN Accelerator", arXiv
 * 2302.10806), defined once here, and the comparison table the notebook ends with. Every
 * explanation quotes numbers of this run's own tables.
 */
import { z } from "zod";
import type { Headline } from "../results.ts";
import { type CompositionRow, mean, type ScheduleRow } from "./run.ts";
import type { BandAreaRow, GridRow, IdleLeakageRow, UtilisationRow } from "./sweeps.ts";

/** Paper values (fractions, 1 - multi/single), from the abstract. */
export const PAPER = {
  energy_saving_heavy: 0.35,
  energy_saving_light: 0.62,
  time_saving_heavy: 0.56,
  time_saving_light: 0.44,
} as const;
export type HeadlineMetric = keyof typeof PAPER;
type Cls = "heavy" | "light";
const clsOf = (m: HeadlineMetric): Cls => (m.endsWith("heavy") ? "heavy" : "light");

/** Our value of a headline metric: the mean over the class's workloads of 1 - dynamic/single. */
export function headlineValue(rows: readonly ScheduleRow[], metric: HeadlineMetric): number {
  const sel = rows.filter((r) => r.class === clsOf(metric) && r.scheduler === "dynamic");
  return mean(sel, (r) => metric.startsWith("energy") ? r.energySaving : r.timeSaving);
}

/** The four headline rows of data/results/partitioning.json. */
export function partitioningHeadline(rows: readonly ScheduleRow[], label: string): Headline[] {
  return (Object.keys(PAPER) as HeadlineMetric[]).map((metric) => {
    const n = rows.filter((r) => r.class === clsOf(metric) && r.scheduler === "dynamic").length;
    return {
      metric,
      paper: PAPER[metric],
      ours: headlineValue(rows, metric),
      unit: "fraction",
      note: `1 - dynamic/single, mean over ${n} ${clsOf(metric)} 4-tenant workloads; ${label} ` +
        `(data/partitioning-setup.json)`,
    };
  });
}

/** What the explanations quote. */
export interface ComparisonInputs {
  schedules: readonly ScheduleRow[];
  composition: readonly CompositionRow[];
  utilisation: readonly UtilisationRow[];
  bandArea: readonly BandAreaRow[];
  idleLeakage: readonly IdleLeakageRow[];
  grid: readonly GridRow[];
  axis: string;
  loopOrder: string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function gridRange(i: ComparisonInputs, cls: Cls, key: "timeSaving" | "energySaving") {
  const v = i.grid.filter((r) => r.class === cls).map((r) => r[key]);
  return [Math.min(...v), Math.max(...v)];
}

function whyTime(i: ComparisonInputs, cls: Cls): string {
  const u = i.utilisation.find((r) => r.class === cls && r.variant === "full")!;
  const comp = i.composition.filter((r) => r.class === cls);
  const quarter = i.bandArea.find((r) =>
    r.class === cls && r.axis === i.axis && r.loopOrder === i.loopOrder && r.granules === 2
  )!;
  const [lo, hi] = gridRange(i, cls, "timeSaving");
  return `Alone, the class uses ${pct(u.timeUtilisation)} of the array's PE-cycles ` +
    `(FC layers: ${pct(u.fcCycleShare)} of the cycles at ${pct(u.fcUtilisation)}). ` +
    `A quarter band does ${quarter.bandAreaEfficiency.toFixed(2)}x the whole array's work ` +
    `per PE-cycle, so four tenants side by side could save about ` +
    `${pct(1 - 1 / quarter.bandAreaEfficiency)}; the longest tenant caps it at ` +
    `${pct(mean(comp, (r) => r.longestTenantBound))} and the area bound at ` +
    `${pct(mean(comp, (r) => r.boundTimeSaving))} (means over the workloads). ` +
    `Across the grid of assumptions: ${pct(lo)} to ${pct(hi)}.`;
}

function whyEnergy(i: ComparisonInputs, cls: Cls): string {
  const at = (scale: number) =>
    i.idleLeakage.find((r) =>
      r.class === cls && r.scheduler === "dynamic" && r.idleLeakageScale === scale
    )!;
  const banked = i.grid.find((r) =>
    r.class === cls && r.sramBanking === "banked" && r.axis === i.axis &&
    r.dramModel === "none" && r.variant === "full"
  );
  const [lo, hi] = gridRange(i, cls, "energySaving");
  const share = at(1).singleIdleLeakageShare;
  const of = (k: string) => i.schedules.filter((r) => r.class === cls && r.scheduler === k);
  const dram = mean(of("dynamic"), (r) => r.dram) / mean(of("single"), (r) => r.dram);
  const rest = -at(0).energySaving;
  return `Idle PEs and leakage are ${pct(share)} of single-tenancy energy and shrink with the ` +
    `makespan; the rest ${rest >= 0 ? "grows" : "falls"} by ${pct(Math.abs(rest))} (DRAM ` +
    `energy x${dram.toFixed(2)}: a narrow band's buffer share spills partial sums and ` +
    `re-fetches inputs), which outweighs it. ` +
    (banked ? `SRAM charged at the tenant's bank size: ${pct(banked.energySaving)}. ` : "") +
    `Across the grid: ${pct(lo)} to ${pct(hi)}; the paper's energy saving above its time ` +
    `saving (light) needs dynamic energy that falls, which no switch here gives.`;
}

export const ComparisonRowSchema = z.object({
  metric: z.string(),
  paper: z.number(),
  ours: z.number(),
  difference: z.number(),
  why: z.string(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

/** Paper vs ours for the four headline metrics, with the difference and why. */
export function paperComparisonRows(i: ComparisonInputs): ComparisonRow[] {
  return (Object.keys(PAPER) as HeadlineMetric[]).map((metric) => {
    const ours = headlineValue(i.schedules, metric);
    return {
      metric,
      paper: PAPER[metric],
      ours,
      difference: ours - PAPER[metric],
      why: metric.startsWith("time") ? whyTime(i, clsOf(metric)) : whyEnergy(i, clsOf(metric)),
    };
  });
}
