/**
 * Narrow views of study D's tables for the notebook (at most ~6 short columns, so a table fits the
 * 760 px output area): the same numbers as the full tables, fewer columns, shorter names.
 */
import type { CalibrationRow, EfficiencyRow, MixRow, SweepRow, ThroughputRow } from "./tables.ts";

const short = (group: string) => group.replace("-headed", "");

/** Per model: head type, SynergyFlow's gain beside its ceiling, the static split's gain, FC PEs. */
export function throughputView(rows: ThroughputRow[]) {
  return rows.map((r) => ({
    model: r.model,
    head: short(r.group),
    gain: r.synergyflowGain,
    ceiling: r.ceiling,
    static: r.staticGain,
    "FC PEs": r.mode === "pipelined" ? r.fcPes : r.mode === "monolithic" ? 0 : "",
  }));
}

/** One row per model (and mean), one column of `value` per distinct `key` (in first-seen order). */
function pivot<R extends { model: string }>(
  rows: R[],
  key: (r: R) => string,
  value: (r: R) => number,
): Record<string, string | number>[] {
  const out = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    let row = out.get(r.model);
    if (!row) out.set(r.model, row = { model: r.model });
    row[key(r)] = value(r);
  }
  return [...out.values()];
}

/** SynergyFlow's gain per model at each batch size (both designs at the same batch). */
export function batchView(rows: SweepRow[]) {
  return pivot(rows, (r) => `B=${r.batch}`, (r) => r.synergyflowGain);
}

/** Images per second of the baseline and SynergyFlow per batch size, for one model (or all). */
export function batchThroughputView(rows: SweepRow[], model: string) {
  return rows.filter((r) => r.model === model).map((r) => ({
    batch: r.batch,
    baseline: r.baselineImagesPerSecond,
    synergyflow: r.synergyflowImagesPerSecond,
    gain: r.synergyflowGain,
    ceiling: r.ceiling,
  }));
}

/** SynergyFlow's gain per model under the systolic efficiency and each fixed efficiency. */
export function efficiencyView(rows: EfficiencyRow[]) {
  // "eta=" keeps numeric labels from becoming integer-like keys, which objects list first.
  const key = (r: EfficiencyRow) =>
    r.efficiency.includes("x") ? r.efficiency : `eta=${r.efficiency}`;
  return pivot(rows, key, (r) => r.synergyflowGain);
}

/** Conv efficiency on the whole pool that the systolic model (array `label`) gives each model. */
export function systolicEfficiencyView(rows: EfficiencyRow[], label: string) {
  return rows.filter((r) => r.efficiency === label).map((r) => ({
    model: r.model,
    "conv eta": r.convEfficiency,
    gain: r.synergyflowGain,
    ceiling: r.ceiling,
  }));
}

/** Each mix's gain over the baseline run in sequence: isolated, co-scheduled, and their ratio. */
export function mixView(rows: MixRow[]) {
  return rows.map((r) => ({
    mix: r.mix,
    isolated: r.isolatedGain,
    "co-sched.": r.coscheduledGain,
    "co/iso": r.coscheduledOverIsolated,
  }));
}

/** The summary's hand calculation beside ours on its inputs and on the full zoo network. */
export function calibrationView(rows: CalibrationRow[]) {
  return rows.map((r) => ({
    case: `${r.model} @ ${r.bandwidthGBps} GB/s`,
    summary: r.summaryGain,
    ours: r.oursOnSummaryInputs,
    "FC PEs": r.fcPesOnSummaryInputs,
    "full net": r.oursOnZooNetwork,
  }));
}
