/**
 * Study C's computation as pure functions from the setup to typed tables. Every table has a zod
 * schema (`MagmaTablesSchema`), so a notebook gets the same typed rows whether it recomputes them
 * or reads data/results/magma.json (`parseMagmaTables`).
 *
 * The searches themselves are listed as specs (`gridSpecs`, `budgetSpecs`, `ablationSpecs`) and run
 * by the worker pool (pool.ts); the functions here turn their results into rows.
 */
import { z } from "zod";
import { coreLabel, type CoreSpec } from "../../mapping/cores.ts";
import { makespanBounds } from "../../mapping/bounds.ts";
import { sampleJobGroup, TASKS } from "../../mapping/groups.ts";
import type { Job } from "../../mapping/job.ts";
import { m3eGroup } from "../../mapping/m3e-groups.ts";
import { getOptimizer } from "../../mapping/optimizers/registry.ts";
import { makeProblem, type Problem } from "../../mapping/problem.ts";
import { getSetting } from "../../mapping/settings.ts";
import { buildJobTable } from "../../mapping/table.ts";
import { simulateMapping } from "../../mapping/trace.ts";
import { Rng } from "../../random.ts";
import { parseWith } from "../../validate.ts";
import { ABLATION, type Groups, type SearchResult, type SearchSpec } from "./search.ts";
import { type CaseSpec, type MagmaSetup, seedOf } from "./setup.ts";

// ---------------------------------------------------------------- statistics

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError("median of an empty list");
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Percentile bootstrap interval of the median: `resamples` resamples with replacement drawn with
 * a seeded generator; the (1 - confidence) / 2 and (1 + confidence) / 2 quantiles (nearest rank).
 */
export function bootstrapMedian(
  xs: readonly number[],
  o: { resamples: number; confidence: number; seed: number },
): [number, number] {
  if (xs.length === 0) throw new RangeError("bootstrap of an empty list");
  const rng = new Rng(o.seed);
  const meds = new Float64Array(o.resamples);
  const buf = new Array<number>(xs.length);
  for (let b = 0; b < o.resamples; b++) {
    for (let i = 0; i < xs.length; i++) buf[i] = xs[rng.int(xs.length)];
    meds[b] = median(buf);
  }
  meds.sort();
  const at = (q: number) =>
    meds[Math.min(o.resamples - 1, Math.max(0, Math.ceil(q * o.resamples) - 1))];
  return [at((1 - o.confidence) / 2), at((1 + o.confidence) / 2)];
}

/** Geometric mean of positive numbers. */
export const geomean = (xs: readonly number[]): number =>
  Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** -1 (a better), 0 (tie within `tol`), 1 (a worse): makespans, lower is better. */
export function compareWithin(a: number, b: number, tol: number): -1 | 0 | 1 {
  if (a < b * (1 - tol)) return -1;
  if (a > b * (1 + tol)) return 1;
  return 0;
}

// ---------------------------------------------------------------- groups and cases

/** Job groups of every source and task of the setup, keyed `<source>:<task>`. */
export function jobGroups(o: MagmaSetup): Groups {
  const out: Groups = {};
  for (const source of o.sources) {
    for (const task of TASKS) {
      out[`${source}:${task}`] = source === "m3e"
        ? m3eGroup(task)
        : sampleJobGroup(task, { jobs: o.jobsPerGroup, seed: o.groupSeed });
    }
  }
  return out;
}

/** A case of the grid with its index inside its source (seeds derive from it). */
export interface GridCase extends CaseSpec {
  index: number;
}

/**
 * The grid's cases, source by source, setting by setting, task by task, bandwidth by bandwidth.
 * A case's index counts the whole sweep of its source, so a case keeps its seeds when
 * `sourceBandwidths` leaves other bandwidths out.
 */
export function gridCases(o: MagmaSetup): GridCase[] {
  return o.sources.flatMap((source) => {
    let index = 0;
    const only = o.sourceBandwidths[source];
    return o.settings.flatMap((setting) =>
      o.tasks.flatMap((task) =>
        getSetting(setting).bandwidthsBytesPerCycle.map((bw) => ({
          source,
          setting,
          task,
          bwBytesPerCycle: bw,
          index: index++,
        }))
      )
    ).filter((c) => !only || only.includes(c.bwBytesPerCycle));
  });
}

const sameCase = (a: CaseSpec, b: CaseSpec) =>
  a.source === b.source && a.setting === b.setting && a.task === b.task &&
  a.bwBytesPerCycle === b.bwBytesPerCycle;

const groupKey = (c: CaseSpec) => `${c.source}:${c.task}`;

/** Index of a case inside its source's grid (for its seeds), or the grid's size if absent. */
function caseIndexOf(o: MagmaSetup, c: CaseSpec): number {
  const all = gridCases({ ...o, sourceBandwidths: {} }).filter((g) => g.source === c.source);
  return all.find((g) => sameCase(g, c))?.index ?? all.length;
}

// ---------------------------------------------------------------- search specs

/** Every (case, method, seed) search of the grid; heuristics get one sample. */
export function gridSpecs(o: MagmaSetup): SearchSpec[] {
  return gridCases(o).flatMap((c) => {
    const keep = sameCase(c, o.convergenceCase) ? o.historyEverySamples : 0;
    return o.methods.flatMap((method) =>
      Array.from({ length: o.seeds }, (_, k) => ({
        group: groupKey(c),
        setting: c.setting,
        bwBytesPerCycle: c.bwBytesPerCycle,
        method,
        seed: seedOf(c.index, k),
        budget: o.budget,
        historyEvery: keep,
      }))
    );
  });
}

/** The budget sweep's searches: one run per (case, method, seed) at the largest budget. */
export function budgetSpecs(o: MagmaSetup): SearchSpec[] {
  const largest = Math.max(...o.budgetSweep.budgets);
  const every = gcdAll(o.budgetSweep.budgets);
  return o.budgetSweep.cases.flatMap((c) => {
    const index = caseIndexOf(o, c);
    return o.budgetSweep.methods.flatMap((method) =>
      Array.from({ length: o.seeds }, (_, k) => ({
        group: groupKey(c),
        setting: c.setting,
        bwBytesPerCycle: c.bwBytesPerCycle,
        method,
        seed: seedOf(index, k),
        budget: largest,
        historyEvery: every,
      }))
    );
  });
}

function gcdAll(xs: number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return xs.reduce(gcd);
}

/** The operator ablation's searches on the convergence case (the grid's seeds of that case). */
export function ablationSpecs(o: MagmaSetup): SearchSpec[] {
  const c = o.convergenceCase;
  const index = caseIndexOf(o, c);
  return ABLATION.flatMap((_, v) =>
    Array.from({ length: o.seeds }, (_, k) => ({
      group: groupKey(c),
      setting: c.setting,
      bwBytesPerCycle: c.bwBytesPerCycle,
      method: `ablation:${v}`,
      seed: seedOf(index, k),
      budget: o.budget,
      historyEvery: o.historyEverySamples,
    }))
  );
}

// ---------------------------------------------------------------- table schemas

const num = z.number();
const str = z.string();

export const GridRowSchema = z.object({
  source: str,
  setting: str,
  task: str,
  bwBytesPerCycle: num,
  method: str,
  family: str,
  seeds: num,
  samples: num,
  /** Median best makespan over seeds, cycles. */
  medianCycles: num,
  /** Bootstrap interval of the median, cycles. */
  ciLowCycles: num,
  ciHighCycles: num,
  minCycles: num,
  maxCycles: num,
  /** The first seed's makespan (the first version's single-seed protocol), cycles. */
  firstSeedCycles: num,
  /** Median makespan / MAGMA's median makespan on the same case (> 1: MAGMA better). */
  vsMagma: num,
  /** Jobs per million cycles at the median makespan. */
  throughputJobsPerMCycle: num,
  lowerBoundCycles: num,
});
export type GridRow = z.infer<typeof GridRowSchema>;

export const CaseRowSchema = z.object({
  source: str,
  setting: str,
  task: str,
  bwBytesPerCycle: num,
  magmaCycles: num,
  magmaCiLowCycles: num,
  magmaCiHighCycles: num,
  bestBaseline: str,
  bestBaselineCycles: num,
  bestHeuristicCycles: num,
  bestSearchCycles: num,
  /** MAGMA's median <= every baseline's median x (1 + tolerance). */
  magmaWins: z.boolean(),
  /** The same with the strict tolerance. */
  magmaWinsStrict: z.boolean(),
  /** The first version's rule: first seed only, strict tolerance. */
  magmaWinsFirstSeedStrict: z.boolean(),
  lowerBoundCycles: num,
  /** MAGMA's median / lower bound - 1. */
  gapToLowerBound: num,
});
export type CaseRow = z.infer<typeof CaseRowSchema>;

export const PairwiseRowSchema = z.object({
  source: str,
  baseline: str,
  family: str,
  cases: num,
  /** MAGMA's median below the baseline's by more than the tolerance. */
  wins: num,
  ties: num,
  losses: num,
  /** Losses by more than 1 %. */
  lossesOver1pct: num,
  /** Largest baseline advantage, MAGMA / baseline - 1 (0 when MAGMA never loses). */
  worstLoss: num,
  /** Geometric mean of baseline / MAGMA medians. */
  baselineOverMagma: num,
});
export type PairwiseRow = z.infer<typeof PairwiseRowSchema>;

export const CurveRowSchema = z.object({
  series: str,
  family: str,
  samples: num,
  medianCycles: num,
  meanCycles: num,
  minCycles: num,
  maxCycles: num,
  seeds: num,
});
export type CurveRow = z.infer<typeof CurveRowSchema>;

export const BudgetRowSchema = z.object({
  source: str,
  setting: str,
  task: str,
  bwBytesPerCycle: num,
  method: str,
  budget: num,
  seeds: num,
  medianCycles: num,
  ciLowCycles: num,
  ciHighCycles: num,
  /** Median / the same method's median at the sweep's largest budget. */
  vsLargestBudget: num,
  /** Median / lower bound. */
  vsLowerBound: num,
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

export const AnalysisRowSchema = z.object({
  source: str,
  task: str,
  job: num,
  type: str,
  core: str,
  latencyCycles: num,
  bwBytesPerCycle: num,
});
export type AnalysisRow = z.infer<typeof AnalysisRowSchema>;

export const GanttRowSchema = z.object({
  method: str,
  core: str,
  job: num,
  type: str,
  startCycles: num,
  endCycles: num,
});
export type GanttRow = z.infer<typeof GanttRowSchema>;

export const BwRowSchema = z.object({
  method: str,
  core: str,
  startCycles: num,
  endCycles: num,
  allocBytesPerCycle: num,
});
export type BwRow = z.infer<typeof BwRowSchema>;

export const MappingSummaryRowSchema = z.object({
  method: str,
  makespanCycles: num,
  coreBalance: num,
  bwUtilization: num,
});
export type MappingSummaryRow = z.infer<typeof MappingSummaryRowSchema>;

export const PaperRowSchema = z.object({
  claim: str,
  paper: num.nullable(),
  ours: num,
  measure: str,
});
export type PaperRow = z.infer<typeof PaperRowSchema>;

export const CalibrationRowSchema = z.object({
  job: str,
  core: str,
  maestroLatencyCycles: num,
  oursLatencyCycles: num,
  maestroBwBytesPerCycle: num,
  oursBwBytesPerCycle: num,
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

/** Every table the study writes, with its row schema. */
export const MagmaTablesSchema = z.object({
  cases: z.array(CaseRowSchema),
  pairwise: z.array(PairwiseRowSchema),
  grid: z.array(GridRowSchema),
  budgetSweep: z.array(BudgetRowSchema),
  convergence: z.array(CurveRowSchema),
  convergenceFinal: z.array(CurveRowSchema),
  ablation: z.array(CurveRowSchema),
  ablationFinal: z.array(CurveRowSchema),
  mappingSummary: z.array(MappingSummaryRowSchema),
  paperComparison: z.array(PaperRowSchema),
  calibration: z.array(CalibrationRowSchema),
  jobAnalysis: z.array(AnalysisRowSchema),
});
export type MagmaTables = z.infer<typeof MagmaTablesSchema>;

/** Typed tables from a results document's `tables` (e.g. data/results/magma.json). */
export function parseMagmaTables(tables: unknown): MagmaTables {
  return parseWith(MagmaTablesSchema, tables, "magma result tables");
}

// ---------------------------------------------------------------- grid tables

/** Per (case, method): medians over seeds, bootstrap interval, first seed, ratio to MAGMA. */
export function gridRows(o: MagmaSetup, groups: Groups, results: SearchResult[]): GridRow[] {
  const rows: GridRow[] = [];
  let i = 0;
  for (const c of gridCases(o)) {
    const problem = makeProblem(
      groups[groupKey(c)],
      getSetting(c.setting).cores,
      c.bwBytesPerCycle,
    );
    const lowerBoundCycles = makespanBounds(problem).lowerBoundCycles;
    const perMethod = o.methods.map((method) => {
      const rs = results.slice(i, i += o.seeds);
      const v = rs.map((r) => r.makespanCycles);
      const [lo, hi] = bootstrapMedian(v, o.bootstrap);
      return { method, v, lo, hi, med: median(v), samples: rs[0].samples };
    });
    const magmaMed = perMethod[o.methods.indexOf("magma")].med;
    for (const m of perMethod) {
      rows.push({
        source: c.source,
        setting: c.setting,
        task: c.task,
        bwBytesPerCycle: c.bwBytesPerCycle,
        method: m.method,
        family: getOptimizer(m.method).family,
        seeds: m.v.length,
        samples: m.samples,
        medianCycles: m.med,
        ciLowCycles: m.lo,
        ciHighCycles: m.hi,
        minCycles: Math.min(...m.v),
        maxCycles: Math.max(...m.v),
        firstSeedCycles: m.v[0],
        vsMagma: m.med / magmaMed,
        throughputJobsPerMCycle: (problem.table.jobs / m.med) * 1e6,
        lowerBoundCycles,
      });
    }
  }
  return rows;
}

const caseKey = (r: { source: string; setting: string; task: string; bwBytesPerCycle: number }) =>
  `${r.source}|${r.setting}|${r.task}|${r.bwBytesPerCycle}`;

function byCase(rows: GridRow[]): GridRow[][] {
  const m = new Map<string, GridRow[]>();
  for (const r of rows) m.set(caseKey(r), [...(m.get(caseKey(r)) ?? []), r]);
  return [...m.values()];
}

/** Per-case summary: MAGMA against the best baseline overall, heuristic and search method. */
export function caseRows(
  rows: GridRow[],
  o: Pick<MagmaSetup, "tolerance" | "strictTolerance">,
): CaseRow[] {
  return byCase(rows).map((rs) => {
    const magma = rs.find((r) => r.method === "magma")!;
    const others = rs.filter((r) => r.method !== "magma");
    const best = others.reduce((a, b) => (b.medianCycles < a.medianCycles ? b : a));
    const min = (f: (r: GridRow) => boolean) =>
      Math.min(...others.filter(f).map((r) => r.medianCycles));
    const firstMin = Math.min(...others.map((r) => r.firstSeedCycles));
    return {
      source: magma.source,
      setting: magma.setting,
      task: magma.task,
      bwBytesPerCycle: magma.bwBytesPerCycle,
      magmaCycles: magma.medianCycles,
      magmaCiLowCycles: magma.ciLowCycles,
      magmaCiHighCycles: magma.ciHighCycles,
      bestBaseline: best.method,
      bestBaselineCycles: best.medianCycles,
      bestHeuristicCycles: min((r) => r.family === "heuristic"),
      bestSearchCycles: min((r) => r.family !== "heuristic"),
      magmaWins: magma.medianCycles <= best.medianCycles * (1 + o.tolerance),
      magmaWinsStrict: magma.medianCycles <= best.medianCycles * (1 + o.strictTolerance),
      magmaWinsFirstSeedStrict: magma.firstSeedCycles <= firstMin * (1 + o.strictTolerance),
      lowerBoundCycles: magma.lowerBoundCycles,
      gapToLowerBound: magma.medianCycles / magma.lowerBoundCycles - 1,
    };
  });
}

/** Pairwise win / tie / loss of MAGMA against each baseline, per source (medians, tolerance). */
export function pairwiseRows(rows: GridRow[], tolerance: number): PairwiseRow[] {
  const out: PairwiseRow[] = [];
  const sources = [...new Set(rows.map((r) => r.source))];
  for (const source of sources) {
    const cases = byCase(rows.filter((r) => r.source === source));
    const methods = [...new Set(rows.map((r) => r.method))].filter((m) => m !== "magma");
    for (const baseline of methods) {
      let wins = 0, ties = 0, losses = 0, over1 = 0, worst = 0;
      const ratios: number[] = [];
      let family = "";
      for (const rs of cases) {
        const m = rs.find((r) => r.method === "magma")!;
        const b = rs.find((r) => r.method === baseline)!;
        family = b.family;
        ratios.push(b.medianCycles / m.medianCycles);
        const c = compareWithin(m.medianCycles, b.medianCycles, tolerance);
        if (c < 0) wins++;
        else if (c === 0) ties++;
        else losses++;
        const loss = m.medianCycles / b.medianCycles - 1;
        if (loss > 0.01) over1++;
        worst = Math.max(worst, loss);
      }
      out.push({
        source,
        baseline,
        family,
        cases: cases.length,
        wins,
        ties,
        losses,
        lossesOver1pct: over1,
        worstLoss: worst,
        baselineOverMagma: geomean(ratios),
      });
    }
  }
  return out;
}

/** Per source and setting: cases, MAGMA wins (both rules), and gaps. */
export function winsBySetting(cases: CaseRow[]) {
  const keys = [...new Set(cases.map((c) => `${c.source}|${c.setting}`))];
  return keys.map((k) => {
    const [source, setting] = k.split("|");
    const cs = cases.filter((c) => c.source === source && c.setting === setting);
    return {
      source,
      setting,
      cases: cs.length,
      magmaWins: cs.filter((c) => c.magmaWins).length,
      magmaWinsStrict: cs.filter((c) => c.magmaWinsStrict).length,
      bestBaselineOverMagma: geomean(cs.map((c) => c.bestBaselineCycles / c.magmaCycles)),
      magmaOverLowerBound: geomean(cs.map((c) => c.magmaCycles / c.lowerBoundCycles)),
    };
  });
}

/** How often each method is the best baseline of a case, and how often it beats MAGMA then. */
export function bestBaselineCounts(cases: CaseRow[]) {
  const counts = new Map<string, { cases: number; beatsMagma: number }>();
  for (const c of cases) {
    const k = `${c.source}|${c.bestBaseline}`;
    const e = counts.get(k) ?? { cases: 0, beatsMagma: 0 };
    e.cases++;
    if (!c.magmaWins) e.beatsMagma++;
    counts.set(k, e);
  }
  return [...counts].map(([k, e]) => {
    const [source, method] = k.split("|");
    return { source, method, ...e };
  }).sort((a, b) => a.source.localeCompare(b.source) || b.cases - a.cases);
}

// ---------------------------------------------------------------- curves and budgets

/** Curve rows of one series from several seeds' sampled histories (every `every` samples). */
export function curveRows(
  series: string,
  family: string,
  runs: SearchResult[],
  every: number,
): CurveRow[] {
  const len = Math.max(...runs.map((r) => r.history.length));
  const lastSamples = Math.max(...runs.map((r) => r.samples));
  return Array.from({ length: len }, (_, i) => {
    // A heuristic's single sample stays its best for the whole budget.
    const v = runs.map((r) => r.history[Math.min(i, r.history.length - 1)]);
    return {
      series,
      family,
      samples: i === len - 1 ? Math.max(lastSamples, (i + 1) * every) : (i + 1) * every,
      medianCycles: median(v),
      meanCycles: v.reduce((a, b) => a + b, 0) / v.length,
      minCycles: Math.min(...v),
      maxCycles: Math.max(...v),
      seeds: v.length,
    };
  });
}

/** Convergence curves of every method on the convergence case, from the grid's histories. */
export function convergenceRows(
  o: MagmaSetup,
  specs: SearchSpec[],
  results: SearchResult[],
): CurveRow[] {
  const c = o.convergenceCase;
  return o.methods.flatMap((method) => {
    const runs = specs.flatMap((s, i) =>
      s.historyEvery > 0 && s.method === method && s.group === groupKey(c) &&
        s.setting === c.setting && s.bwBytesPerCycle === c.bwBytesPerCycle
        ? [results[i]]
        : []
    );
    if (runs.length === 0) return [];
    return curveRows(method, getOptimizer(method).family, runs, o.historyEverySamples);
  });
}

/** Ablation curves from the ablation specs' results (in `ablationSpecs` order). */
export function ablationRows(o: MagmaSetup, results: SearchResult[]): CurveRow[] {
  return ABLATION.flatMap(([name], v) =>
    curveRows(name, "magma", results.slice(v * o.seeds, (v + 1) * o.seeds), o.historyEverySamples)
  );
}

/** The last point of each series. */
export function finalRows(curves: CurveRow[]): CurveRow[] {
  const last = new Map<string, CurveRow>();
  for (const r of curves) last.set(r.series, r);
  return [...last.values()];
}

/** Budget-sweep rows from `budgetSpecs` results: each budget read from the largest run's history. */
export function budgetRows(o: MagmaSetup, groups: Groups, results: SearchResult[]): BudgetRow[] {
  const b = o.budgetSweep;
  const every = gcdAll(b.budgets);
  const largest = Math.max(...b.budgets);
  const rows: BudgetRow[] = [];
  let i = 0;
  for (const c of b.cases) {
    const p = makeProblem(groups[groupKey(c)], getSetting(c.setting).cores, c.bwBytesPerCycle);
    const lb = makespanBounds(p).lowerBoundCycles;
    for (const method of b.methods) {
      const rs = results.slice(i, i += o.seeds);
      const at = (budget: number) => rs.map((r) => r.history[budget / every - 1]);
      const ref = median(at(largest));
      for (const budget of b.budgets) {
        const v = at(budget);
        const [lo, hi] = bootstrapMedian(v, o.bootstrap);
        rows.push({
          source: c.source,
          setting: c.setting,
          task: c.task,
          bwBytesPerCycle: c.bwBytesPerCycle,
          method,
          budget,
          seeds: v.length,
          medianCycles: median(v),
          ciLowCycles: lo,
          ciHighCycles: hi,
          vsLargestBudget: median(v) / ref,
          vsLowerBound: median(v) / lb,
        });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------- descriptive tables

/** The three core styles at M3E's small-core size. */
export const ANALYSIS_CORES: CoreSpec[] = [
  { style: "HB", pes: 2048 },
  { style: "LB", pes: 2048 },
  { style: "SYS", pes: 2048 },
];

/** The job-analysis table of every group on HB, LB and SYS cores of 2048 PEs. */
export function jobAnalysisRows(groups: Groups): AnalysisRow[] {
  const labels = ANALYSIS_CORES.map(coreLabel);
  return Object.entries(groups).flatMap(([key, jobs]) => {
    const [source, task] = key.split(":");
    const t = buildJobTable(jobs, ANALYSIS_CORES);
    return jobs.flatMap((j, i) =>
      labels.map((core, c) => ({
        source,
        task,
        job: i,
        type: j.type,
        core,
        latencyCycles: t.latencyCycles[i * t.cores + c],
        bwBytesPerCycle: t.bwBytesPerCycle[i * t.cores + c],
      }))
    );
  });
}

/** The mapping case's problem. */
export function caseProblem(groups: Groups, c: CaseSpec): Problem {
  return makeProblem(groups[groupKey(c)], getSetting(c.setting).cores, c.bwBytesPerCycle);
}

/** Schedules of the mapping heuristic and MAGMA on the mapping case (same budget, seed 1). */
export function mappingRows(o: MagmaSetup, groups: Groups) {
  const jobs: Job[] = groups[groupKey(o.mappingCase)];
  const p = caseProblem(groups, o.mappingCase);
  const labels = p.table.coreLabels.map((l, i) => `${i}: ${l}`);
  const gantt: GanttRow[] = [], bw: BwRow[] = [];
  const summary: MappingSummaryRow[] = [o.mappingHeuristic, "magma"].map((m) => {
    const tr = simulateMapping(p, getOptimizer(m).optimize(p, o.budget, 1).best);
    for (const s of tr.segments) {
      gantt.push({
        method: m,
        core: labels[s.core],
        job: s.job,
        type: jobs[s.job].type,
        startCycles: s.startCycle,
        endCycles: s.endCycle,
      });
    }
    for (const iv of tr.bwTimeline) {
      iv.allocBytesPerCycle.forEach((a, k) =>
        bw.push({
          method: m,
          core: labels[k],
          startCycles: iv.startCycle,
          endCycles: iv.endCycle,
          allocBytesPerCycle: a,
        })
      );
    }
    return {
      method: m,
      makespanCycles: tr.makespanCycles,
      coreBalance: tr.coreBalance,
      bwUtilization: tr.bwUtilization,
    };
  });
  return { gantt, bw, summary };
}

/** Final makespan of `methods` over `seeds` on one problem: median, min, max (cycles). */
export function seedSpreadRows(p: Problem, methods: string[], seeds: number[], budget: number) {
  return methods.map((m) => {
    const v = seeds.map((s) => getOptimizer(m).optimize(p, budget, s).makespanCycles);
    return {
      method: m,
      seeds: seeds.length,
      medianCycles: median(v),
      minCycles: Math.min(...v),
      maxCycles: Math.max(...v),
    };
  });
}
