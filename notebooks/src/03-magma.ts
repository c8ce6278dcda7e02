// %% [markdown]
// # Study C: MAGMA / M3E, mapping the layers of several DNNs onto a multi-core accelerator
// S.-C. Kao and T. Krishna, "MAGMA: An Optimization Framework for Mapping Multiple DNNs on
// Multiple Accelerator Cores", IEEE International Symposium on High-Performance Computer
// Architecture (HPCA) 2022, pp. 814-830, arXiv:2104.13997. Only the abstract was available; its
// claim is that MAGMA **consistently finds better mappings** (lower makespan, i.e. higher
// throughput) than manual mappers, black-box optimizers and reinforcement learning, on small and
// large, homogeneous and heterogeneous accelerators. The rest of the set-up follows the authors'
// public M3E code (maestro-project/magma, MIT licence).
//
// **What is modelled** (`lib/mapping`, costs in `lib/arch/maestro.ts`). A *job* is one layer
// (CONV, depthwise CONV, FC, GEMM) of one of several DNNs; a *group* of 100 independent jobs is
// mapped onto N *cores* that share one off-chip bandwidth B. For each (job, core) a *job-analysis
// table* holds the no-stall latency and the bandwidth the job needs to run at that speed (closed
// forms that reproduce MAESTRO for M3E's NVDLA-like "HB" and Shi-diannao-like "LB" cores, plus our
// systolic model as a third core type). A mapping is M3E's two genomes (core per job, priority per
// job); the *bandwidth allocator* runs the per-core queues, throttling every running job by
// B / (sum of requests) when the requests exceed B. Fitness = makespan.
//
// **What is compared.** MAGMA (crossover-gen 0.9, crossover-rg 0.1, crossover-accel 0.1,
// mutation 0.05, elites 5 %, parents 10 %, population = jobs; with the code's one-way crossover),
// a standard GA, random search, PSO, DE, sep-CMA-ES, (1+1)-ES, a TBPSA-like ES, REINFORCE over
// M3E's window-of-5 environment, and two sets of constructive mappers: ours (textbook FCFS, SJF,
// RR, greedy LPT, MET, HEFT, Herald-like, AI-MT-like) and M3E's as coded (`m3e-heft`, `m3e-sjf`).
// Every search method gets 10,000 samples.
//
// **Job groups.** M3E's own four insts0 groups (Vision, Language, Recommendation, Mix; copied
// into `data/m3e-jobs`), the result comparable with the paper, and groups of the same tasks drawn
// from our model zoo.
//
// **Where the numbers come from.** The searches (about 10,700 runs) are read from
// `data/results/magma.json`, written by `deno task reproduce magma`; the cheap parts (closed-form
// checks, job analysis, mapping visualisation, a seed check) are recomputed here.

// %%
import { mapping, parseStudyResult, table } from "lab";
import { show } from "lab/plot/mod.ts";
import {
  budgetChart,
  bwSweepChart,
  bwTimelineChart,
  comparisonChart,
  curveChart,
  ganttChart,
  jobAnalysisChart,
} from "lab/experiments/magma/figures.ts";
import { SWEEP_METHODS } from "lab/experiments/magma/mod.ts";
import { bwMedianRows, calibrationCheckRows } from "lab/experiments/magma/paper.ts";
import {
  bestBaselineCounts,
  geomean,
  jobAnalysisRows,
  jobGroups,
  mappingRows,
  parseMagmaTables,
  seedSpreadRows,
  winsBySetting,
} from "lab/experiments/magma/run.ts";
import { parseMagmaSetup } from "lab/experiments/magma/setup.ts";

const result = parseStudyResult(JSON.parse(Deno.readTextFileSync("../data/results/magma.json")));
const T = parseMagmaTables(result.tables);
const o = parseMagmaSetup({});
const groups = jobGroups(o);
const m3eGrid = T.grid.filter((r) => r.source === "m3e");
table(
  result.headline.map(({ metric, paper, ours }) => ({ metric, paper: paper ?? "-", ours })),
  3,
);

// %% [markdown]
// ## 1. The protocol, fixed before the run
// A first version compared one seed per case and counted a case as a MAGMA win only when MAGMA's
// makespan was at most the minimum of 16 baselines to 1e-9. MAGMA and the standard GA share
// selection and mutation, so near-ties were coin flips. The protocol now (`setup.ts`, fixed before
// any result of this version):
// - every (case, method) runs 5 seeds (heuristics are deterministic up to MET's tie-break); a
//   method's result on a case is the **median** over seeds, with a 95 % percentile-bootstrap
//   interval (1000 resamples);
// - MAGMA is **at least as good** as a baseline when its median is at most the baseline's median
//   x 1.001 (0.1 % tolerance); the headline `magma_win_fraction` asks this against every baseline
//   at once; `magma_win_fraction_strict` keeps the 1e-9 rule on the same medians;
// - **pairwise**: against each baseline, MAGMA wins / ties / loses a case when its median is
//   below / within / above the baseline's by 0.1 %;
// - the **gap to the lower bound** (max of longest job, work / cores and data / bandwidth);
// - a **budget sweep** of MAGMA and the standard GA at 1 K, 10 K and 100 K samples.
// M3E's groups run the whole grid (6 settings x 4 tasks x each setting's bandwidth sweep = 88
// cases); the zoo groups run the 24 cases at 16 bytes/cycle.

// %%
table([
  { parameter: "seeds per (case, method)", value: o.seeds },
  { parameter: "samples per search method", value: o.budget },
  { parameter: "tolerance of 'at least as good'", value: o.tolerance },
  { parameter: "strict tolerance", value: o.strictTolerance },
  { parameter: "bootstrap resamples / confidence", value: `${o.bootstrap.resamples} / 0.95` },
  { parameter: "budget sweep", value: o.budgetSweep.budgets.join(", ") },
  {
    parameter: "cases (M3E groups / zoo groups)",
    value: ["m3e", "zoo"].map((src) => T.cases.filter((c) => c.source === src).length).join(" / "),
  },
]);

// %% [markdown]
// ## 2. The cost tables: closed forms against MAESTRO
// The closed forms of `lib/arch/maestro.ts` reproduce the MAESTRO calibration rows behind them
// (latency exactly; bandwidth at the printed precision; `tests/mapping/closed_form_test.ts`):

// %%
table(
  calibrationCheckRows().map((r) => ({
    job: r.job,
    core: r.core,
    "MAESTRO cycles": r.maestroLatencyCycles,
    "ours cycles": r.oursLatencyCycles,
    "MAESTRO B/cycle": r.maestroBwBytesPerCycle,
    "ours B/cycle": r.oursBwBytesPerCycle,
  })),
  3,
);

// %% [markdown]
// Median HB required bandwidth of each group on 2048- and 8192-PE cores, next to the medians
// MAESTRO gives for M3E's groups. On M3E's groups ours agree; our zoo groups (Vision: torchvision
// CNNs' conv layers, Language: BERT/GPT-2 at 20 tokens, Recommendation: DLRM, NCF, Wide & Deep)
// are within a factor of 2-3.5 of them.

// %%
table(
  bwMedianRows(
    Object.entries(groups).map(([key, jobs]) => {
      const [source, task] = key.split(":");
      return { task, source, jobs };
    }),
  ).map(({ task, source, hb2048Median, summaryHb2048, hb8192Median, summaryHb8192 }) => ({
    source,
    task,
    "HB-2048": hb2048Median,
    "MAESTRO 2048": summaryHb2048 ?? "-",
    "HB-8192": hb8192Median,
    "MAESTRO 8192": summaryHb8192 ?? "-",
  })),
  3,
);

// %% [markdown]
// ## 3. Job analysis (figure C-1)
// Latency against required bandwidth of every job on a 2048-PE core of each style. LB cores are
// 10-1000x slower on FC/GEMM but need orders of magnitude less bandwidth; our systolic core (SYS,
// weight-stationary 32 x 64, SCALE-Sim compute, its own DRAM traffic) needs far more bandwidth than
// MAESTRO's tile-level estimate, because it counts every byte the layer moves from DRAM rather than
// half a double-buffered tile per job.

// %%
show(jobAnalysisChart(jobAnalysisRows(groups)));

// %% [markdown]
// ## 4. Main comparison (figure C-2)
// Median makespan of every method divided by MAGMA's, at 16 bytes/cycle, for each setting and
// task. Blue: MAGMA better; red: the baseline better; grey: ties within 1e-4. S1/S2: 4 x 2048 PEs
// (4 HB; 3 HB + 1 LB); S3/S4: 8 x 8192 (8 HB; 7 HB + 1 LB); S5: 4 x 8192 + 4 x 4096 big.LITTLE;
// S6: 16 cores. First M3E's groups, then ours.

// %%
show(comparisonChart(T.grid, o.comparisonBwBytesPerCycle, "m3e"));

// %%
show(comparisonChart(T.grid, o.comparisonBwBytesPerCycle, "zoo"));

// %% [markdown]
// Per setting: cases where MAGMA is at least as good as every baseline (0.1 % and strict), the
// best baseline's median over MAGMA's (geometric mean; > 1: MAGMA better) and MAGMA's median over
// the lower bound:

// %%
table(
  winsBySetting(T.cases).map((w) => ({
    source: w.source,
    setting: w.setting,
    cases: w.cases,
    "wins 0.1 %": w.magmaWins,
    "wins strict": w.magmaWinsStrict,
    "best/MAGMA": w.bestBaselineOverMagma,
    "MAGMA/LB": w.magmaOverLowerBound,
  })),
  3,
);

// %% [markdown]
// ## 5. Pairwise: MAGMA against each baseline (M3E groups, 88 cases)
// Win / tie / loss at 0.1 %, losses by more than 1 %, the worst loss and the geometric mean of
// the baseline's median over MAGMA's.

// %%
const pairRows = (source: string) =>
  T.pairwise.filter((p) => p.source === source).map((p) => ({
    baseline: p.baseline,
    wins: p.wins,
    ties: p.ties,
    losses: p.losses,
    ">1%": p.lossesOver1pct,
    "worst loss": p.worstLoss,
    "baseline/MAGMA": p.baselineOverMagma,
  }));
table(pairRows("m3e"), 3);

// %% [markdown]
// The same on the 24 zoo cases:

// %%
table(pairRows("zoo"), 3);

// %% [markdown]
// Which method is the best baseline of a case, and how often it then beats MAGMA by more than
// 0.1 %:

// %%
table(bestBaselineCounts(T.cases));

// %% [markdown]
// ## 6. Two heuristic sets: textbook and M3E's as coded
// M3E's HEFT assigns each job, in file order, to the core where it would finish first, and only
// then orders each core's queue by ascending mean latency; textbook HEFT takes the jobs in
// descending mean latency. M3E's SJF sorts the group by latency on the *last* core (the slow LB
// core in S2/S4/S5/S6), textbook SJF by the fastest core's latency. Ratio of textbook over M3E's
// median makespan per setting (geometric mean over the setting's cases; < 1: textbook better).
// Over the 88 cases textbook HEFT is 0.75-1.26x M3E's (geometric mean 0.93) and textbook SJF
// 0.03-9.3x M3E's (0.71): M3E's SJF ranks jobs by their latency on the last core, the slow LB core
// in S2 and S4-S6, which is a different order from the fastest core's; neither looks at bandwidth.
// MAGMA beats M3E's HEFT by 8-20 % per setting, textbook HEFT on every setting but S2.

// %%
const heurRatio = (ours: string, theirs: string, setting: string) => {
  const pick = (m: string) =>
    m3eGrid.filter((r) => r.method === m && r.setting === setting).map((r) => r.medianCycles);
  const a = pick(ours), b = pick(theirs);
  return geomean(a.map((x, i) => x / b[i]));
};
table(
  o.settings.map((s) => ({
    setting: s,
    "heft / m3e-heft": heurRatio("heft", "m3e-heft", s),
    "sjf / m3e-sjf": heurRatio("sjf", "m3e-sjf", s),
    "m3e-heft / MAGMA": heurRatio("m3e-heft", "magma", s),
    "heft / MAGMA": heurRatio("heft", "magma", s),
  })),
  3,
);

// %% [markdown]
// ## 7. Convergence (figure C-3) and budget sweep
// Best makespan against samples on S2, Mix (M3E's group), 4 bytes/cycle, 5 seeds (line: median;
// band: min-max), normalised to the best final median. This case (fixed before any result) is
// MAGMA's worst: its seeds split between two basins (best 1.92 M cycles, median 2.42 M), while
// sep-CMA-ES and textbook HEFT reach about 1.94 M. The wide bands show that the GA family's result
// here depends on the seed more than on the method.

// %%
show(curveChart(T.convergence, "Convergence: S2 mix (M3E group) at 4 bytes/cycle, 5 seeds"));

// %%
table(
  T.convergenceFinal.map(({ series, medianCycles, minCycles, maxCycles }) => ({
    series,
    medianCycles,
    minCycles,
    maxCycles,
  })),
);

// %% [markdown]
// MAGMA and the standard GA at 1 K, 10 K and 100 K samples (one 100 K run per seed, read at each
// budget; the first samples of both GAs do not depend on the budget), median over 5 seeds,
// relative to the lower bound and to the same method at 100 K. On the homogeneous S1 and the
// bandwidth-bound S2 Language case 10 K samples are converged (within 0.03 % of 100 K); on the
// heterogeneous S2 Mix and Vision cases 100 K samples are 1.9 % and 2.6 % better than 10 K, and
// S2 Mix stays 27 % above the lower bound even then.

// %%
show(budgetChart(T.budgetSweep));

// %%
table(
  T.budgetSweep.map((r) => ({
    case: `${r.setting} ${r.task} ${r.bwBytesPerCycle}`,
    method: r.method,
    budget: r.budget,
    "median/LB": r.vsLowerBound,
    "median/100K": r.vsLargestBudget,
  })),
  4,
);

// %% [markdown]
// ## 8. Bandwidth sweep (figure C-4)
// Throughput (jobs per million cycles, at the median makespan) against system bandwidth for MAGMA
// and a few baselines, M3E's groups.

// %%
show(bwSweepChart(m3eGrid, SWEEP_METHODS));

// %% [markdown]
// ## 9. Mapping visualisation (figure C-5)
// The Herald-like mapper and MAGMA on S2, Recommendation (M3E's group), 1 byte/cycle, recomputed
// here.

// %%
const mp = mappingRows(o, groups);
table(mp.summary);

// %% [markdown]
// Both are bandwidth-bound on the three HB cores. The Herald-like mapper gives the LB core, which
// needs almost no bandwidth, a long queue of FC jobs that are slow there and finishes long after
// the bandwidth went idle (utilisation 0.63); MAGMA sizes the LB core's queue to end inside the
// bandwidth-bound HB time (utilisation 0.72) and finishes 11 % earlier.

// %%
show(ganttChart(mp.gantt));

// %%
show(bwTimelineChart(mp.bw, o.mappingCase.bwBytesPerCycle));

// %% [markdown]
// ## 10. Operator ablation (figure C-6)
// MAGMA with operators switched on one by one, and with symmetric instead of one-way swaps, on the
// convergence case (5 seeds).

// %%
show(curveChart(T.ablation, "MAGMA operator ablation: S2 mix (M3E) at 4 bytes/cycle", 1.05));

// %%
table(
  T.ablationFinal.map(({ series, medianCycles, minCycles, maxCycles }) => ({
    series,
    medianCycles,
    minCycles,
    maxCycles,
  })),
);

// %% [markdown]
// ## 11. A closer look at S2 Vision
// Five more seeds of MAGMA, MAGMA with symmetric swaps, the standard GA and both HEFTs on S2,
// Vision (M3E's group), 16 bytes/cycle, recomputed here:

// %%
const s2v = mapping.makeProblem(groups["m3e:vision"], mapping.getSetting("S2").cores, 16);
table(
  seedSpreadRows(
    s2v,
    ["magma", "magma-sym", "stdga", "heft", "m3e-heft"],
    [11, 12, 13, 14, 15],
    o.budget,
  ),
);

// %% [markdown]
// Not a bad seed: every one of the five MAGMA runs (as-coded or symmetric swaps) and every
// standard-GA run ends 1-8 % above textbook HEFT's single sample, and all of them below M3E's HEFT
// (which assigns cores before it sorts, and ends 21 % above textbook HEFT here).

// %% [markdown]
// ## Paper vs ours
// **Why ours differs.**
// - **Win fraction (paper 1.0; ours 0.77 on M3E's groups, 0.75 on the zoo groups).** With 5 seeds
//   and a 0.1 % tolerance MAGMA is at least as good as all 18 baselines in 68 of 88 cases; with
//   the strict rule on the same medians in 47 (0.53). The first version's 0.42 (one seed, strict,
//   zoo groups) was mostly seed noise against the standard GA, which shares MAGMA's selection
//   (pairwise against it: 19 wins, 57 ties, 12 losses, 4 of them above 1 %).
// - **Where MAGMA really loses.** 10 of the 20 non-wins are S2 (three HB cores and one slow LB
//   core): on Mix sep-CMA-ES or HEFT are 21-25 % better at every bandwidth, on Vision REINFORCE is
//   6-8 % better. Mapping the LB core's share is a coordinated move that MAGMA's operators rarely
//   make; more samples help only a little (budget sweep). The other 10 losses are 0.1-2.7 %, 8 of
//   them against the standard GA.
// - **Baselines.** Ours include stronger ones than the paper's: textbook HEFT and greedy LPT,
//   sep-CMA-ES, a standard GA with MAGMA's own selection. Against M3E's heuristics as coded MAGMA
//   is never worse (m3e-heft: 84 wins, 4 ties; m3e-sjf: 87 wins, 1 tie), which agrees with the
//   paper's claim against its own manual mappers.
// - **What we could not reproduce.** The paper's figures and numbers (only its abstract was
//   available), its A2C/PPO2 agents (we have a linear REINFORCE) and nevergrad's exact optimizers.
//   Our closed forms replace MAESTRO (exact on its calibration rows).

// %%
const why: Record<string, [string, string]> = {
  "MAGMA at least as good as every baseline (share of cases)": [
    "win fraction (0.1 %)",
    "S2 Mix and Vision; near-ties with stdGA elsewhere",
  ],
  "the same, strict (float ties only)": [
    "win fraction (strict)",
    "stdGA ties MAGMA within 0.1 % in 57 of 88 cases",
  ],
  "best baseline / MAGMA makespan": ["best baseline / MAGMA", "no paper number"],
  "best manual mapper / MAGMA": ["best heuristic / MAGMA", "no paper number"],
  "best black-box optimizer / MAGMA": ["best black-box / MAGMA", "no paper number"],
  "standard GA / MAGMA": ["stdGA / MAGMA", "no paper number; same selection as MAGMA"],
  "RL / MAGMA": ["RL / MAGMA", "no paper number; linear REINFORCE, not A2C/PPO2"],
  "mutation-only GA / full MAGMA (operator ablation)": ["mutation only / MAGMA", "no paper number"],
};
table(
  T.paperComparison.map((r) => ({
    claim: why[r.claim]?.[0] ?? r.claim,
    paper: r.paper ?? "-",
    ours: r.ours,
    difference: r.paper === null ? "-" : r.ours - r.paper,
    why: why[r.claim]?.[1] ?? "",
  })),
  3,
);
