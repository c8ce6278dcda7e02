/** Study D charts, drawn from the tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../plot/mod.ts";
import type { MixRow, ReconfigurationRow, TimelineTableRow } from "./synergyflow-mixes.ts";
import type { SweepRow, ThroughputRow, UtilizationRow } from "./synergyflow-tables.ts";

const DESIGNS = ["baseline", "static", "synergyflow"];

/** Normalised throughput per model and the mean: baseline, static split, SynergyFlow. */
export function throughputChart(rows: ThroughputRow[]): Chart {
  const data = rows.flatMap((r) => [
    { model: r.model, design: "baseline", normalized: 1 },
    { model: r.model, design: "static", normalized: r.staticNormalized },
    { model: r.model, design: "synergyflow", normalized: r.synergyflowNormalized },
  ]);
  return plot({
    title: "Throughput normalised to the monolithic baseline",
    width: 760,
    fx: { label: null, domain: rows.map((r) => r.model) },
    x: { axis: null, domain: DESIGNS },
    y: { label: "normalised throughput", grid: true },
    color: { legend: true, domain: DESIGNS },
    marks: [
      Plot.barY(data, { fx: "model", x: "design", y: "normalized", fill: "design" }),
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
    height: 460,
    marginRight: 70,
    fx: { label: null },
    fy: { label: null, domain: ["conv", "fc", "overall"] },
    x: { axis: null, domain: DESIGNS },
    y: { label: "utilization", domain: [0, 1], grid: true },
    color: { legend: true, domain: DESIGNS },
    marks: [Plot.barY(data, { fx: "model", fy: "phase", x: "design", y: "value", fill: "design" })],
  });
}

function sweepChart(rows: SweepRow[], x: "batch" | "bandwidthGBps", label: string): Chart {
  return plot({
    title: `SynergyFlow speed-up versus ${label}`,
    width: 700,
    // The sweep points double, so a point scale spaces them as a log scale would (and labels all).
    x: { type: "point", label, domain: [...new Set(rows.map((r) => r[x]))].sort((a, b) => a - b) },
    y: { label: "fraction gained over baseline", grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(rows.filter((r) => r.model !== "mean"), {
        x,
        y: "synergyflowGain",
        stroke: "model",
        marker: "circle",
      }),
      Plot.line(rows.filter((r) => r.model === "mean"), {
        x,
        y: "synergyflowGain",
        stroke: "black",
        strokeWidth: 2.5,
        strokeDasharray: "6,3",
      }),
      Plot.text(rows.filter((r) => r.model === "mean").slice(-1), {
        x,
        y: "synergyflowGain",
        text: () => "mean",
        dy: -8,
      }),
    ],
  });
}

/** Speed-up versus batch size, one line per model and the mean. */
export function batchChart(rows: SweepRow[]): Chart {
  return sweepChart(rows, "batch", "batch size (images)");
}

/** Speed-up versus DRAM bandwidth, one line per model and the mean. */
export function bandwidthChart(rows: SweepRow[]): Chart {
  return sweepChart(rows, "bandwidthGBps", "DRAM bandwidth (GB/s)");
}

/** Combined throughput of model mixes: baseline, isolated SynergyFlow, co-scheduled. */
export function mixChart(rows: MixRow[]): Chart {
  const series = ["baseline", "isolated", "co-scheduled"];
  const data = rows.flatMap((r) => [
    { mix: r.mix, schedule: "baseline", normalized: 1 },
    { mix: r.mix, schedule: "isolated", normalized: 1 + r.isolatedGain },
    { mix: r.mix, schedule: "co-scheduled", normalized: 1 + r.coscheduledGain },
  ]);
  return plot({
    title: "Model mixes: throughput normalised to the baseline run one model after another",
    width: 760,
    fx: { label: null, domain: rows.map((r) => r.mix), tickRotate: -12 },
    x: { axis: null, domain: series },
    y: { label: "normalised throughput", grid: true },
    color: { legend: true, domain: series },
    marginBottom: 50,
    marks: [
      Plot.barY(data, { fx: "mix", x: "schedule", y: "normalized", fill: "schedule" }),
      Plot.ruleY([1]),
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

/** SynergyFlow's gain on one job as the reconfiguration cost grows. */
export function reconfigurationChart(rows: ReconfigurationRow[]): Chart {
  const cycles = [...new Set(rows.map((r) => r.reconfigurationCycles))].sort((a, b) => a - b);
  return plot({
    title: "Gain on one job versus the cost of its re-partition",
    width: 700,
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
