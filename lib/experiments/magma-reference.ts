/**
 * Study C's published reference numbers (data/magma-m3e-reference.json, sources inside) and the
 * checks of our closed forms against them: MAESTRO calibration rows and HB bandwidth medians.
 */
import { z } from "zod";
import { hbCost, lbCost } from "../mapping/cost/closed-form.ts";
import type { Job } from "../mapping/job.ts";
import { parseM3eCsv } from "../mapping/m3e-csv.ts";
import { type Displayable, table } from "../plot/mod.ts";
import { parseWith } from "../validate.ts";

const pair = z.tuple([z.number().positive(), z.number().positive()]);
const ReferenceSchema = z.object({
  source: z.string(),
  calibrationRows: z.object({
    source: z.string(),
    rows: z.array(
      z.object({
        job: z.array(z.number().int()).length(7),
        hb2048: pair,
        lb2048: pair,
        hb8192: pair,
      }),
    ),
  }),
  hbBandwidthMedians: z.object({
    source: z.string(),
    bytesPerCycle: z.object({
      hb2048: z.record(z.string(), z.number()),
      hb8192: z.record(z.string(), z.number()),
    }),
  }),
  paperClaims: z.object({
    source: z.string(),
    magmaWinFraction: z.number(),
    magmaSpeedupVsBestBaseline: z.null(),
  }),
});
export type MagmaReference = z.infer<typeof ReferenceSchema>;

/** Read and check data/magma-m3e-reference.json. */
export function magmaReference(): MagmaReference {
  const url = new URL("../../data/magma-m3e-reference.json", import.meta.url);
  return parseWith(
    ReferenceSchema,
    JSON.parse(Deno.readTextFileSync(url)),
    "magma-m3e-reference.json",
  );
}

/** Our closed forms next to MAESTRO on each calibration row and core. */
export function calibrationCheckRows(ref: MagmaReference = magmaReference()) {
  return ref.calibrationRows.rows.flatMap((r) => {
    const job = parseM3eCsv(`0,0,${r.job.join(",")}\n`)[0];
    const cells: [string, [number, number], { latencyCycles: number; bwBytesPerCycle: number }][] =
      [
        ["HB 2048", r.hb2048, hbCost(job, 2048)],
        ["LB 2048", r.lb2048, lbCost(job, 2048)],
        ["HB 8192", r.hb8192, hbCost(job, 8192)],
      ];
    return cells.map(([core, [lat, bw], ours]) => ({
      job: `${r.job.slice(0, 6).join(",")} ${job.type}`,
      core,
      maestroLatencyCycles: lat,
      oursLatencyCycles: ours.latencyCycles,
      maestroBwBytesPerCycle: bw,
      oursBwBytesPerCycle: Number(ours.bwBytesPerCycle.toPrecision(3)),
    }));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median HB required bandwidth (bytes/cycle) of each group, next to the summary's medians. */
export function bwMedianRows(
  groups: { task: string; source: string; jobs: Job[] }[],
  ref = magmaReference(),
) {
  const m = ref.hbBandwidthMedians.bytesPerCycle;
  return groups.map(({ task, source, jobs }) => ({
    task,
    source,
    hb2048Median: median(jobs.map((j) => hbCost(j, 2048).bwBytesPerCycle)),
    summaryHb2048: m.hb2048[task] ?? null,
    hb8192Median: median(jobs.map((j) => hbCost(j, 8192).bwBytesPerCycle)),
    summaryHb8192: m.hb8192[task] ?? null,
  }));
}

/** M3E's own insts0 groups from a folder of `<task>-insts0.csv` files (e.g. ../shared/data/m3e-jobs). */
export function readM3eGroups(folder: string, tasks: string[]) {
  return tasks.map((task) => {
    const file = `${folder.replace(/\/$/, "")}/${task}-insts0.csv`;
    return { task, source: "M3E insts0", jobs: parseM3eCsv(Deno.readTextFileSync(file), file) };
  });
}

/** Shown in place of M3E's own groups when their folder is absent (a clone without ../shared). */
export const M3E_JOBS_MISSING_NOTE = "M3E job files not found beside the repo; skipped";

/**
 * `readM3eGroups`, or null when `folder` does not exist: the files stay in ../shared (never copied
 * into the project), so a clone without it still runs. Other read errors are thrown.
 */
export function readM3eGroupsIfPresent(folder: string, tasks: string[]) {
  try {
    if (!Deno.statSync(folder).isDirectory) return null;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  return readM3eGroups(folder, tasks);
}

type Group = { task: string; source: string; jobs: Job[] };

/**
 * The bandwidth-median table of M3E's groups (null: absent) and ours, for Jupyter; when M3E's
 * groups are absent the table of ours is preceded by `M3E_JOBS_MISSING_NOTE`.
 */
export function bwMedianTable(m3e: Group[] | null, ours: Group[]): Displayable {
  const shown = table(bwMedianRows([...(m3e ?? []), ...ours]), 3);
  if (m3e) return shown;
  const key = Symbol.for("Jupyter.display");
  const md = `*${M3E_JOBS_MISSING_NOTE}.*\n\n${shown[key]()["text/markdown"]}`;
  return { [key]: () => ({ "text/markdown": md, "text/plain": md }) };
}
