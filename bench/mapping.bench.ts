/**
 * Study C hot paths: one fitness evaluation (decode + bandwidth allocator) of a 100-job group on
 * 4 and 16 cores, the job-analysis table, and a full 10,000-sample MAGMA search (the issue asks
 * for well under a second on a 100-job, 4-core problem).
 */
import {
  buildJobTable,
  getSetting,
  magma,
  makeProblem,
  MakespanEvaluator,
  randomGenome,
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
