/**
 * Pinned study headlines: each study's headline metrics from a `--quick` run, kept in
 * tests/golden/<study>.json and compared by tests/golden/golden_test.ts (tolerance 1e-9).
 * `deno task golden:update [study ...]` rewrites them; a commit that changes one says why.
 */
import { selectStudies, studies } from "../lib/experiments/registry.ts";
import type { Study } from "../lib/experiments/study.ts";

/** One pinned value: the metric's name and our number (the paper's is in the results JSON). */
export interface GoldenMetric {
  metric: string;
  ours: number;
}

/** The file of one study. */
export interface Golden {
  study: string;
  command: string;
  headline: GoldenMetric[];
}

/** Folder of the pinned files. */
export const GOLDEN_DIR = new URL("../tests/golden/", import.meta.url);

/** A study's headline from a quick run, as pinned. */
export async function quickHeadline(study: Study): Promise<Golden> {
  const out = await study.run({ progress: () => {}, quick: true });
  return {
    study: study.id,
    command: `deno task reproduce ${study.id} --quick`,
    headline: out.headline.map((h) => ({ metric: h.metric, ours: h.ours })),
  };
}

/** Relative-or-absolute 1e-9 comparison; returns one line per difference (empty: equal). */
export function goldenDiff(old: Golden, now: Golden, tol = 1e-9): string[] {
  const lines: string[] = [];
  const names = new Set([...old.headline, ...now.headline].map((h) => h.metric));
  for (const m of names) {
    const a = old.headline.find((h) => h.metric === m)?.ours;
    const b = now.headline.find((h) => h.metric === m)?.ours;
    if (a === undefined || b === undefined) {
      lines.push(`${m}: pinned ${a ?? "(absent)"}, now ${b ?? "(absent)"}`);
    } else if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(a)))) {
      lines.push(`${m}: pinned ${a}, now ${b} (difference ${b - a})`);
    }
  }
  return lines;
}

if (import.meta.main) {
  const list = Deno.args.length > 0 ? selectStudies(Deno.args) : studies;
  await Deno.mkdir(GOLDEN_DIR, { recursive: true });
  for (const s of list) {
    const t0 = performance.now();
    const g = await quickHeadline(s);
    await Deno.writeTextFile(
      new URL(`${s.id}.json`, GOLDEN_DIR),
      JSON.stringify(g, null, 2) + "\n",
    );
    console.error(
      `${s.id}: ${g.headline.length} metrics (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
}
