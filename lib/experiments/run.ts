/** Run studies: results JSON to data/results/, figures to figures/, progress and a summary on stderr/stdout. */
import { save } from "../plot/save.ts";
import { type Headline, resultToJson, type StudyResult } from "./results.ts";
import type { Study } from "./study.ts";

/** Project version written into every result's `generatedBy`. */
export const VERSION = "0.1.0";

/** Options of `runStudies`. */
export interface RunOptions {
  /** Folder for <study>.json (default "data/results"). */
  resultsDir?: string;
  /** Folder for <study>-<figure>.svg|png (default "figures"). */
  figuresDir?: string;
  /** Smaller problem sizes (default false). */
  quick?: boolean;
  /** Where progress lines go (default: stderr). */
  log?: (line: string) => void;
}

/** Run each study, write its JSON and figures, and return the results in order. */
export async function runStudies(list: Study[], opts: RunOptions = {}): Promise<StudyResult[]> {
  const resultsDir = opts.resultsDir ?? "data/results";
  const figuresDir = opts.figuresDir ?? "figures";
  const log = opts.log ?? ((s: string) => console.error(s));
  await Deno.mkdir(resultsDir, { recursive: true });
  const out: StudyResult[] = [];
  for (const study of list) {
    const t0 = performance.now();
    const progress = (step: string) =>
      log(`[${study.id}] ${((performance.now() - t0) / 1000).toFixed(1)}s ${step}`);
    progress("start");
    const r = await study.run({ progress, quick: opts.quick ?? false });
    const result: StudyResult = {
      study: study.id,
      title: study.title,
      generatedBy: {
        command: `deno task reproduce ${study.id}${opts.quick ? " --quick" : ""}`,
        version: VERSION,
      },
      parameters: r.parameters,
      headline: r.headline,
      tables: r.tables,
    };
    await Deno.writeTextFile(`${resultsDir}/${study.id}.json`, resultToJson(result));
    for (const f of r.figures) {
      progress(`figure ${f.name}`);
      await save(f.chart, `${figuresDir}/${study.id}-${f.name}`);
    }
    progress(`done (${r.figures.length} figures)`);
    out.push(result);
  }
  return out;
}

function fmt(v: number | null): string {
  if (v === null) return "-";
  return Math.abs(v) >= 1000 || Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

/** The headline comparisons of several results as a fixed-width text table. */
export function summaryTable(results: StudyResult[]): string {
  const rows: string[][] = [["study", "metric", "paper", "ours", "ours-paper", "unit"]];
  for (const r of results) {
    for (const h of r.headline as Headline[]) {
      const diff = h.paper === null ? null : h.ours - h.paper;
      rows.push([r.study, h.metric, fmt(h.paper), fmt(h.ours), fmt(diff), h.unit]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}
