/**
 * Study C hot paths: one fitness evaluation (decode + bandwidth allocator) of a 100-job group on
 * 4 and 16 cores, of M3E's mix group through the budgeted Fitness and on 16 throttled cores, the
 * job-analysis table, a full 10,000-sample MAGMA search (the issue asks for well under a second
 * on a 100-job, 4-core problem) and 1,000 REINFORCE episodes (the study's slowest search method).
 */
import {
  buildJobTable,
  Fitness,
  getSetting,
  m3eGroup,
  magma,
  makeProblem,
  MakespanEvaluator,
  randomGenome,
  reinforce,
  Rng,
  sampleJobGroup,
} from "../lib/mapping/mod.ts";

const jobs = sampleJobGroup("mix", { seed: 1 });
const s2 = makeProblem(jobs, getSetting("S2").cores, 4);
const s6 = makeProblem(jobs, getSetting("S6").cores, 16);
const rng = new Rng(1);
const genomes4 = Array.from({ length: 64 }, () => randomGenome(100, 4, rng));
const genomes16 = Array.from({ length: 64 }, () => randomGenome(100, 16, rng));
const ev4 = new MakespanEvaluator(s2);
const ev16 = new MakespanEvaluator(s6);
let k = 0;

Deno.bench(
  "fitness: 100 jobs, 4 cores (S2), one genome",
  { group: "fitness", baseline: true },
  () => {
    ev4.evaluate(genomes4[k++ & 63]);
  },
);

Deno.bench("fitness: 100 jobs, 16 cores (S6), one genome", { group: "fitness" }, () => {
  ev16.evaluate(genomes16[k++ & 63]);
});

Deno.bench("job-analysis table: 100 jobs x 16 cores (closed forms)", () => {
  buildJobTable(jobs, getSetting("S6").cores);
});

Deno.bench("MAGMA: 10,000 samples, 100 jobs, 4 cores", { n: 10, warmup: 2 }, () => {
  magma(s2, 10_000, 1);
});

// Study C's own data: M3E's 100-job mix group in the convergence case (S2, 4 bytes/cycle),
// through the budgeted Fitness the optimizers use (decode + allocator + best/history upkeep).
// 256 random genomes in turn, so the branch predictor cannot learn the event sequence.
const m3eMix = makeProblem(m3eGroup("mix"), getSetting("S2").cores, 4);
const m3eGenomes = Array.from(
  { length: 256 },
  () => randomGenome(100, m3eMix.table.cores, rng),
);
// A fresh budget of 100,000 samples whenever one runs out (one 800 kB history per 100,000).
let m3eFit = new Fitness(m3eMix, 100_000);
let m = 0;

Deno.bench("fitness: M3E mix group (100 jobs), S2 at 4 B/cycle, one sample", {
  group: "fitness",
}, () => {
  if (m3eFit.remaining === 0) m3eFit = new Fitness(m3eMix, 100_000);
  m3eFit.evaluateGenome(m3eGenomes[m++ & 255]);
});

// The throttled many-core end of the grid: M3E's mix group on S6 (16 cores) at 1 byte/cycle,
// where most events take the bandwidth-limited pass and cores go idle one by one.
const m3eMixS6 = makeProblem(m3eGroup("mix"), getSetting("S6").cores, 1);
const m3eGenomesS6 = Array.from({ length: 256 }, () => randomGenome(100, 16, rng));
const evS6 = new MakespanEvaluator(m3eMixS6);

Deno.bench("fitness: M3E mix group (100 jobs), S6 at 1 B/cycle, one genome", {
  group: "fitness",
}, () => {
  evS6.evaluate(m3eGenomesS6[m++ & 255]);
});

Deno.bench(
  "REINFORCE: 1,000 episodes, M3E mix group, S2 at 4 B/cycle",
  { n: 10, warmup: 2 },
  () => {
    reinforce(m3eMix, 1_000, 1);
  },
);
