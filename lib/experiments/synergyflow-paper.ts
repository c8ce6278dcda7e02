/**
 * Study D against its references: the paper's two headline numbers (data/synergyflow-paper.json,
 * from the abstract) and the summary's illustrative hand calculation, recomputed with our model on
 * the summary's own inputs and on the zoo's full networks.
 */
import paperFile from "../../data/synergyflow-paper.json" with { type: "json" };
import type { NetworkDemand } from "../elastic/demand.ts";
import { bestSplit } from "../elastic/search.ts";
import { monolithicSplit } from "../elastic/split.ts";
import type { Headline } from "./results.ts";
import type { MixRow } from "./synergyflow-mixes.ts";
import type { SynergyflowSetup } from "./synergyflow-options.ts";
import { gain, type ThroughputRow } from "./synergyflow-tables.ts";

/** The paper's headline values: mean and AlexNet speed-up as fractions gained. */
export const synergyflowPaper = {
  meanSpeedup: paperFile.headline.mean_speedup.value,
  alexnetSpeedup: paperFile.headline.alexnet_speedup.value,
} as const;

/** A two-layer stand-in with only the quantities the summary's calculation uses. */
export function calibrationDemand(
  name: string,
  convGMacs: number,
  fcMWeights: number,
  wordBytes: number,
): NetworkDemand {
  const layer = (n: string, macs: number, weightBytes: number) => ({
    name: n,
    macsPerImage: macs,
    weightBytes,
    activationBytesPerImage: 0,
    efficiency: 1,
  });
  return {
    name,
    conv: [layer("conv", convGMacs * 1e9, 0)],
    fc: [layer("fc", fcMWeights * 1e6, fcMWeights * 1e6 * wordBytes)],
  };
}

/** One case of the summary's illustrative calibration, recomputed. */
export type CalibrationRow = {
  model: string;
  bandwidthGBps: number;
  summaryGain: number;
  oursOnSummaryInputs: number;
  /** PEs of the FC engine in our best split on the summary's inputs (0: monolithic). */
  fcPesOnSummaryInputs: number;
  oursOnZooNetwork: number;
  zooNetwork: string;
};

/** The summary's hand-calculated gains next to ours (same inputs; then the full zoo network). */
export function calibrationRows(s: SynergyflowSetup): CalibrationRow[] {
  const b = 1; // the summary's calculation is for B = 1
  return paperFile.illustrativeCalibration.rows.map((c) => {
    const hw = { ...s.hw, dramBandwidthBytesPerSecond: c.bandwidthGBps * 1e9 };
    const toy = calibrationDemand(c.model, c.convGMacs, c.fcMWeights, hw.wordBytes);
    const zooName = c.model.startsWith("alexnet") ? "alexnet" : c.model;
    const zoo = s.demandOf(zooName);
    const ours = (d: NetworkDemand) => gain(monolithicSplit(d, hw, b), bestSplit(d, hw, b));
    return {
      model: c.model,
      bandwidthGBps: c.bandwidthGBps,
      summaryGain: c.speedup,
      oursOnSummaryInputs: ours(toy),
      fcPesOnSummaryInputs: bestSplit(toy, hw, b).fcPes,
      oursOnZooNetwork: ours(zoo),
      zooNetwork: zooName,
    };
  });
}

function rowOf(rows: ThroughputRow[], model: string): ThroughputRow | undefined {
  return rows.find((r) => r.model === model);
}

/** AlexNet's gain: from the throughput table when it is benchmarked, else computed directly. */
export function alexnetGain(s: SynergyflowSetup, rows: ThroughputRow[]): number {
  const r = rowOf(rows, "alexnet");
  if (r) return r.synergyflowGain;
  const d = s.demandOf("alexnet");
  return gain(monolithicSplit(d, s.hw, s.options.batch), bestSplit(d, s.hw, s.options.batch));
}

/** The study's headline rows (paper vs ours). */
export function synergyflowHeadline(s: SynergyflowSetup, rows: ThroughputRow[]): Headline[] {
  const mean = rowOf(rows, "mean")!;
  const models = s.options.models.join(", ");
  const setting = `B=${s.options.batch}, ${s.hw.peCount} PEs @ ${s.hw.clockHz / 1e6} MHz, ` +
    `${s.hw.dramBandwidthBytesPerSecond / 1e9} GB/s`;
  return [
    {
      metric: "mean_speedup",
      paper: synergyflowPaper.meanSpeedup,
      ours: mean.synergyflowGain,
      unit: "fraction gained",
      note: `arithmetic mean over ${models}; ${setting}; vs one monolithic engine`,
    },
    {
      metric: "alexnet_speedup",
      paper: synergyflowPaper.alexnetSpeedup,
      ours: alexnetGain(s, rows),
      unit: "fraction gained",
      note: `torchvision single-tower AlexNet; ${setting}`,
    },
    {
      metric: "static_mean_speedup",
      paper: null,
      ours: mean.staticGain,
      unit: "fraction gained",
      note: "one fixed conv/FC split for all models (best geomean), never reconfigured",
    },
  ];
}

/** One line of the final paper-vs-ours table. */
export type ComparisonRow = {
  metric: string;
  paper: number | null;
  ours: number;
  difference: number | null;
  why: string;
};

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Why our model on the summary's own inputs lands where it does. */
function calibrationWhy(c: CalibrationRow): string {
  const d = c.oursOnSummaryInputs - c.summaryGain;
  const split = `FC engine on ${c.fcPesOnSummaryInputs} PEs`;
  if (Math.abs(d) < 0.01) return `Matches the summary's hand calculation on its inputs (${split}).`;
  if (d > 0) {
    return `Our exact search balances the stages (${split}) where the summary gives the FC ` +
      `engine just enough PEs to absorb its weight stream.`;
  }
  return `The summary's figure is a rough estimate; the best split on its own inputs ` +
    `(${split}) gives ours.`;
}

function headlineComparison(s: SynergyflowSetup, rows: ThroughputRow[]): ComparisonRow[] {
  const models = rows.filter((r) => r.model !== "mean");
  const mono = models.filter((r) => r.mode === "monolithic").map((r) => r.model);
  const gaining = models.filter((r) => r.mode !== "monolithic")
    .map((r) => `${r.model} +${pct(r.synergyflowGain)}`);
  const mean = rowOf(rows, "mean")!;
  const alex = alexnetGain(s, rows);
  return [
    {
      metric: "mean_speedup",
      paper: synergyflowPaper.meanSpeedup,
      ours: mean.synergyflowGain,
      difference: mean.synergyflowGain - synergyflowPaper.meanSpeedup,
      why: `${mono.length} of ${models.length} models (${mono.join(", ") || "none"}) keep the ` +
        `monolithic engine and gain nothing: their FC stage is too short to pay for the PEs a ` +
        `split takes from conv. Only ${gaining.join(", ") || "none"} gain. The paper's ` +
        `benchmark list and baseline are not public (only its abstract was read): more FC-heavy ` +
        `models or a weaker baseline than our ideal roofline engine would raise the mean.`,
    },
    {
      metric: "alexnet_speedup",
      paper: synergyflowPaper.alexnetSpeedup,
      ours: alex,
      difference: alex - synergyflowPaper.alexnetSpeedup,
      why: `Same mechanism and size: FC weights stream at B=${s.options.batch} while conv ` +
        `runs beside them. Ours is torchvision's single-tower AlexNet, and its conv engine ` +
        `also fetches its own weights through the shared DRAM, which slows the bandwidth-bound ` +
        `FC stage (the summary's +71% ignores that traffic).`,
    },
  ];
}

/** Paper (or summary) against ours, with the reason for each difference. */
export function paperComparisonRows(
  s: SynergyflowSetup,
  rows: ThroughputRow[],
  calibration: CalibrationRow[],
  mixes: MixRow[],
): ComparisonRow[] {
  const out = headlineComparison(s, rows);
  for (const c of calibration) {
    out.push({
      metric: `summary calibration ${c.model} @ ${c.bandwidthGBps} GB/s`,
      paper: c.summaryGain,
      ours: c.oursOnSummaryInputs,
      difference: c.oursOnSummaryInputs - c.summaryGain,
      why: `${calibrationWhy(c)} On the full zoo ${c.zooNetwork}: +${pct(c.oursOnZooNetwork)}.`,
    });
  }
  const best = mixes.reduce((a, m) =>
    m.coscheduledOverIsolated > a.coscheduledOverIsolated ? m : a
  );
  out.push({
    metric: `co-scheduling gain over isolated, best mix (${best.mix})`,
    paper: null,
    ours: best.coscheduledOverIsolated,
    difference: null,
    why: "The abstract gives no number for model-level parallelism alone.",
  });
  return out;
}
