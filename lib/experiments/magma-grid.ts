/**
 * The main comparison of study C: every method on every (setting, task, bandwidth) case, the
 * per-case summary, and the headline metrics computed from it.
 */
import type { Job } from "../mapping/job.ts";
import { makespanBounds } from "../mapping/bounds.ts";
import { sampleJobGroup, type TaskName } from "../mapping/groups.ts";
import { getOptimizer } from "../mapping/optimizers/registry.ts";
import { problemFromTable } from "../mapping/problem.ts";
import { getSetting } from "../mapping/settings.ts";
import { buildJobTable } from "../mapping/table.ts";
import type { MagmaOptions } from "./magma-options.ts";
import type { Headline } from "./results.ts";

/** One method on one case. */
export interface GridRow {
  [key: string]: string | number;
  setting: string;
  task: string;
  bwBytesPerCycle: number;
  method: string;
  family: string;
  seed: number;
  samples: number;
  makespanCycles: number;
  /** Makespan / MAGMA's makespan on the same case (> 1: MAGMA is better). */
  vsMagma: number;
  throughputJobsPerMCycle: number;
  lowerBoundCycles: number;
}

/** The task groups of the study, sampled once. */
export function taskGroups(o: MagmaOptions): Map<TaskName, Job[]> {
  const tasks = new Set<TaskName>([...o.tasks, o.convergenceCase.task, o.mappingCase.task]);
  return new Map(
    [...tasks].map((t) => [t, sampleJobGroup(t, { jobs: o.jobsPerGroup, seed: o.groupSeed })]),
  );
}

/** Run every method on every case; `progress` gets one line per setting. */
export function runGrid(
  o: MagmaOptions,
  groups: Map<TaskName, Job[]>,
  progress: (s: string) => void,
): GridRow[] {
  const rows: GridRow[] = [];
  let caseIndex = 0;
  for (const sid of o.settings) {
    const setting = getSetting(sid);
    progress(`step grid ${sid} (${setting.cores.length} cores)`);
    for (const task of o.tasks) {
      const table = buildJobTable(groups.get(task)!, setting.cores);
      for (const bw of setting.bandwidthsBytesPerCycle) {
        const problem = problemFromTable(table, bw);
        const seed = ++caseIndex;
        const lowerBoundCycles = makespanBounds(problem).lowerBoundCycles;
        const results = o.methods.map((m) => getOptimizer(m).optimize(problem, o.budget, seed));
        const magma = results[o.methods.indexOf("magma")].makespanCycles;
        results.forEach((r, i) =>
          rows.push({
            setting: sid,
            task,
            bwBytesPerCycle: bw,
            method: r.optimizer,
            family: getOptimizer(o.methods[i]).family,
            seed,
            samples: r.samples,
            makespanCycles: r.makespanCycles,
            vsMagma: r.makespanCycles / magma,
            throughputJobsPerMCycle: (table.jobs / r.makespanCycles) * 1e6,
            lowerBoundCycles,
          })
        );
      }
    }
  }
  return rows;
}

/** Per-case summary: MAGMA against the best baseline overall, heuristic and search method. */
export interface CaseRow {
  [key: string]: string | number | boolean;
  setting: string;
  task: string;
  bwBytesPerCycle: number;
  magmaCycles: number;
  bestBaseline: string;
  bestBaselineCycles: number;
  bestHeuristicCycles: number;
  bestSearchCycles: number;
  /** MAGMA's makespan is at most every baseline's (1e-9 relative tolerance for float ties). */
  magmaWins: boolean;
  lowerBoundCycles: number;
}

const TIE = 1e-9;

/** Summarise grid rows case by case. */
export function caseRows(rows: GridRow[]): CaseRow[] {
  const byCase = new Map<string, GridRow[]>();
  for (const r of rows) {
    const k = `${r.setting}|${r.task}|${r.bwBytesPerCycle}`;
    byCase.set(k, [...(byCase.get(k) ?? []), r]);
  }
  return [...byCase.values()].map((rs) => {
    const magma = rs.find((r) => r.method === "magma")!;
    const others = rs.filter((r) => r.method !== "magma");
    const best = others.reduce((a, b) => (b.makespanCycles < a.makespanCycles ? b : a));
    const min = (f: (r: GridRow) => boolean) =>
      Math.min(...others.filter(f).map((r) => r.makespanCycles));
    return {
      setting: magma.setting,
      task: magma.task,
      bwBytesPerCycle: magma.bwBytesPerCycle,
      magmaCycles: magma.makespanCycles,
      bestBaseline: best.method,
      bestBaselineCycles: best.makespanCycles,
      bestHeuristicCycles: min((r) => r.family === "heuristic"),
      bestSearchCycles: min((r) => r.family !== "heuristic"),
      magmaWins: magma.makespanCycles <= best.makespanCycles * (1 + TIE),
      lowerBoundCycles: magma.lowerBoundCycles,
    };
  });
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** The study's headline rows from the case summary. */
export function magmaHeadline(cases: CaseRow[], o: MagmaOptions): Headline[] {
  const n = cases.length;
  const wins = cases.filter((c) => c.magmaWins).length;
  const grid = `${n} cases (settings ${o.settings.join(",")} x tasks ${o.tasks.join(",")} x ` +
    `each setting's M3E bandwidth sweep), one seed per case, ${o.budget} samples per search method`;
  return [
    {
      metric: "magma_win_fraction",
      paper: 1,
      ours: wins / n,
      unit: "fraction of cases",
      note:
        `MAGMA makespan <= every baseline's (${
          o.methods.length - 1
        } baselines) in ${wins} of ${grid}. ` +
        "Paper: MAGMA 'consistently finds better mappings' (abstract), read as 1.0.",
    },
    {
      metric: "magma_speedup_vs_best_baseline",
      paper: null,
      ours: geomean(cases.map((c) => c.bestBaselineCycles / c.magmaCycles)),
      unit: "x (geometric mean of best-baseline makespan / MAGMA makespan)",
      note:
        "No number retrievable from the paper here (only its abstract; C-magma.md section 8). " +
        "< 1 means the best baseline of each case beats MAGMA on average.",
    },
    {
      metric: "magma_speedup_vs_best_heuristic",
      paper: null,
      ours: geomean(cases.map((c) => c.bestHeuristicCycles / c.magmaCycles)),
      unit: "x (geometric mean)",
      note:
        "Best of the 8 constructive mappers per case (FCFS, SJF, RR, greedy, MET, HEFT, Herald-like, AI-MT-like).",
    },
    {
      metric: "magma_speedup_vs_best_search",
      paper: null,
      ours: geomean(cases.map((c) => c.bestSearchCycles / c.magmaCycles)),
      unit: "x (geometric mean)",
      note:
        "Best of stdGA, random search, PSO, DE, sep-CMA-ES, (1+1)-ES, TBPSA-like and REINFORCE per case.",
    },
  ];
}

/** Per setting: cases, MAGMA wins, and geometric mean of best-baseline / MAGMA makespan. */
export function winsBySetting(cases: CaseRow[]) {
  const settings = [...new Set(cases.map((c) => c.setting))];
  return settings.map((setting) => {
    const cs = cases.filter((c) => c.setting === setting);
    return {
      setting,
      cases: cs.length,
      magmaWins: cs.filter((c) => c.magmaWins).length,
      bestBaselineOverMagma: geomean(cs.map((c) => c.bestBaselineCycles / c.magmaCycles)),
      magmaOverLowerBound: geomean(cs.map((c) => c.magmaCycles / c.lowerBoundCycles)),
    };
  });
}

/** How often each method is the best baseline of a case (beating or tying MAGMA or not). */
export function bestBaselineCounts(cases: CaseRow[]) {
  const counts = new Map<string, { cases: number; beatsMagma: number }>();
  for (const c of cases) {
    const e = counts.get(c.bestBaseline) ?? { cases: 0, beatsMagma: 0 };
    e.cases++;
    if (!c.magmaWins) e.beatsMagma++;
    counts.set(c.bestBaseline, e);
  }
  return [...counts].map(([method, e]) => ({ method, ...e })).sort((a, b) => b.cases - a.cases);
}
