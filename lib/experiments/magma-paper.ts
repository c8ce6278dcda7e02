/**
 * Paper-vs-ours rows of study C. The paper's full text was not available (C-magma.md section 8):
 * its only retrievable claim is the abstract's "MAGMA consistently finds better mappings" than
 * manual mappers, black-box optimizers and RL; every other paper cell is null.
 */
import type { CurveRow } from "./magma-convergence.ts";
import type { CaseRow, GridRow } from "./magma-grid.ts";

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** One comparison: paper value (null when none is retrievable), ours, and what ours measures. */
export interface PaperRow {
  [key: string]: string | number | null;
  claim: string;
  paper: number | null;
  ours: number;
  measure: string;
}

function vsMagma(rows: GridRow[], pick: (r: GridRow) => boolean): number {
  const byCase = new Map<string, number>();
  for (const r of rows.filter(pick)) {
    const k = `${r.setting}|${r.task}|${r.bwBytesPerCycle}`;
    byCase.set(k, Math.min(byCase.get(k) ?? Infinity, r.vsMagma));
  }
  return geomean([...byCase.values()]);
}

/** Paper claims against our grid, case summary and ablation. */
export function paperRows(
  rows: GridRow[],
  cases: CaseRow[],
  ablationFinal: CurveRow[],
): PaperRow[] {
  const fam = (f: string) => (r: GridRow) => r.family === f;
  const full = ablationFinal.find((r) => r.series.includes("(MAGMA)"));
  const mutOnly = ablationFinal.find((r) => r.series === "mutation only");
  return [
    {
      claim: "MAGMA at least as good as every baseline (share of cases)",
      paper: 1,
      ours: cases.filter((c) => c.magmaWins).length / cases.length,
      measure: "fraction of setting x task x bandwidth cases",
    },
    {
      claim: "best baseline / MAGMA makespan",
      paper: null,
      ours: geomean(cases.map((c) => c.bestBaselineCycles / c.magmaCycles)),
      measure: "geometric mean over cases (> 1: MAGMA better)",
    },
    {
      claim: "best manual mapper / MAGMA",
      paper: null,
      ours: vsMagma(rows, fam("heuristic")),
      measure: "geometric mean over cases of the best heuristic's ratio",
    },
    {
      claim: "best black-box optimizer / MAGMA",
      paper: null,
      ours: vsMagma(rows, fam("black-box")),
      measure: "geometric mean over cases (random, PSO, DE, sep-CMA-ES, (1+1)-ES, TBPSA-like)",
    },
    {
      claim: "standard GA / MAGMA",
      paper: null,
      ours: vsMagma(rows, (r) => r.method === "stdga"),
      measure: "geometric mean over cases",
    },
    {
      claim: "RL / MAGMA",
      paper: null,
      ours: vsMagma(rows, fam("rl")),
      measure: "geometric mean over cases (REINFORCE; paper: A2C, PPO2)",
    },
    {
      claim: "mutation-only GA / full MAGMA (operator ablation)",
      paper: null,
      ours: full && mutOnly ? mutOnly.meanCycles / full.meanCycles : NaN,
      measure: "final mean best makespan ratio on the convergence case",
    },
  ];
}
