/** Study D charts, drawn from the tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../../plot/mod.ts";
import type {
  EfficiencyRow,
  MixRow,
  ReconfigurationRow,
  SweepRow,
  ThroughputRow,
  TimelineTableRow,
  UtilizationRow,
} from "./tables.ts";

const DESIGNS = ["baseline", "static", "synergyflow"];
const isMean = (model: string) => model.startsWith("mean");

/** Normalised throughput per model and the means, with each model's overlap ceiling. */
export function throughputChart(rows: ThroughputRow[]): Chart {
  const data = rows.flatMap((r) => [
    { model: r.model, design: "baseline", normalized: 1 },
    { model: r.model, design: "static", normalized: 1 + r.staticGain },
    { model: r.model, design: "synergyflow", normalized: 1 + r.synergyflowGain },
  ]);
  return plot({
    title: "Throughput normalised to the monolithic baseline (tick: overlap ceiling)",
    width: 760,
    height: 420,
    marginBottom: 90,
    fx: { label: null, domain: rows.map((r) => r.model), tickRotate: -35 },
    x: { axis: null, domain: DESIGNS },
    y: { label: "normalised throughput", grid: true },
    color: { legend: true, domain: DESIGNS },
    marks: [
      Plot.barY(data, { fx: "model", x: "design", y: "normalized", fill: "design" }),
      Plot.tickY(rows, {
        fx: "model",
        x: () => "synergyflow",
        y: (r: ThroughputRow) => 1 + r.ceiling,
        stroke: "black",
        strokeWidth: 2,
      }),
      Plot.ruleY([1], { stroke: "black" }),
    ],
  });
}

/** PE utilization of the conv work, the FC work and overall, per model and design. */
export function utilizationChart(rows: UtilizationRow[]): Chart {
  const data = rows.flatMap((r) => [
    { model: r.model, design: r.design, phase: "conv", value: r.convPeUtilization },
    { model: r.model, design: r.design, phase: "fc", value: r.fcPeUtilization },
    { model: r.model, design: r.design, phase: "overall", value: r.peUtilization },
  ]);
  return plot({
    title: "PE utilization: conv work, FC work, whole pool",
    width: 760,
    height: 500,
    marginRight: 70,
    marginBottom: 80,
    fx: { label: null, tickRotate: -35 },
    fy: { label: null, domain: ["conv", "fc", "overall"] },
    x: { axis: null, domain: DESIGNS },
    y: { label: "utilization", domain: [0, 1], grid: true },
    color: { legend: true, domain: DESIGNS },
    marks: [Plot.barY(data, { fx: "model", fy: "phase", x: "design", y: "value", fill: "design" })],
  });
}

type Gains = { model: string; synergyflowGain: number };

/** Gain per model (thin lines) and the overall mean (thick dashed) along a point-scale x. */
function gainLines<R extends Gains>(
  rows: R[],
  x: keyof R & string,
  domain: unknown[],
  title: string,
  label: string,
): Chart {
  const perModel = rows.filter((r) => !isMean(r.model));
  const means = rows.filter((r) => r.model === "mean");
  return plot({
    title,
    width: 740,
    height: 420,
    x: { type: "point", label, domain },
    y: { label: "fraction gained over baseline", grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(perModel, { x, y: "synergyflowGain", stroke: "model", marker: "circle" }),
      Plot.line(means, {
        x,
        y: "synergyflowGain",
        stroke: "black",
        strokeWidth: 2.5,
        strokeDasharray: "6,3",
      }),
      Plot.text(means.slice(-1), { x, y: "synergyflowGain", text: () => "mean", dy: -8 }),
    ],
  });
}

const sortedOf = <R>(rows: R[], f: (r: R) => number) =>
  [...new Set(rows.map(f))].sort((a, b) => a - b);

/** Gain versus batch size (baseline and SynergyFlow at the same batch). */
export function batchChart(rows: SweepRow[]): Chart {
  return gainLines(
    rows,
    "batch",
    sortedOf(rows, (r) => r.batch),
    "SynergyFlow speed-up versus batch size (both designs at the same batch)",
    "batch size (images)",
  );
}

/** Gain versus DRAM bandwidth. */
export function bandwidthChart(rows: SweepRow[]): Chart {
  return gainLines(
    rows,
    "bandwidthGBps",
    sortedOf(rows, (r) => r.bandwidthGBps),
    "SynergyFlow speed-up versus DRAM bandwidth",
    "DRAM bandwidth (GB/s)",
  );
}

/** Gain under the systolic conv efficiency and each fixed efficiency. */
export function efficiencyChart(rows: EfficiencyRow[]): Chart {
  return gainLines(
    rows,
    "efficiency",
    [...new Set(rows.map((r) => r.efficiency))],
    "Sensitivity: SynergyFlow speed-up versus conv efficiency",
    "conv efficiency (systolic arrays, then fixed values)",
  );
}

/** Co-scheduled and isolated gains of every mix over the baseline run one model after another. */
export function mixChart(rows: MixRow[]): Chart {
  const data = rows.flatMap((r) => [
    { mix: r.mix, schedule: "isolated", gain: r.isolatedGain },
    { mix: r.mix, schedule: "co-scheduled", gain: r.coscheduledGain },
  ]);
  return plot({
    title: "Model mixes: gain over the baseline run one model after another",
    width: 740,
    height: 60 + 18 * rows.length,
    marginLeft: 230,
    y: { label: null, domain: rows.map((r) => r.mix) },
    x: { label: "fraction gained over baseline", grid: true },
    color: { legend: true, domain: ["isolated", "co-scheduled"] },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(rows, { y: "mix", x1: "isolatedGain", x2: "coscheduledGain", stroke: "#bbb" }),
      Plot.dot(data, { y: "mix", x: "gain", fill: "schedule", r: 4 }),
    ],
  });
}

/** The split of the PE pool over time for one mix, isolated and co-scheduled. */
export function timelineChart(rows: TimelineTableRow[]): Chart {
  return plot({
    title: "PE pool over time (each band: one engine; dashed line: re-partition)",
    width: 760,
    height: 420,
    marginLeft: 60,
    marginRight: 100,
    fy: { label: null, domain: ["isolated", "co-scheduled"] },
    x: { label: "time (s)" },
    y: { label: "PEs" },
    color: { legend: true },
    marks: [
      Plot.rect(rows.filter((r) => r.engine !== "reconfigure"), {
        x1: "startSeconds",
        x2: "endSeconds",
        y1: "peLow",
        y2: "peHigh",
        fill: "engine",
        fy: "schedule",
        inset: 0.5,
      }),
      Plot.ruleX(rows.filter((r) => r.engine === "reconfigure"), {
        x: "startSeconds",
        fy: "schedule",
        stroke: "gray",
        strokeDasharray: "3,2",
      }),
    ],
  });
}

/** SynergyFlow's gain on one job versus the cost of its re-partition. */
export function reconfigurationChart(rows: ReconfigurationRow[]): Chart {
  const cycles = sortedOf(rows, (r) => r.reconfigurationCycles);
  return plot({
    title: "Gain on one job versus the cost of its re-partition",
    width: 740,
    x: { type: "point", label: "reconfiguration cost (cycles)", domain: cycles },
    y: { label: "fraction gained over baseline", grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(rows, {
        x: "reconfigurationCycles",
        y: "synergyflowGain",
        stroke: "model",
        marker: "circle",
      }),
    ],
  });
}
