/** Study A charts, drawn from the study's tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../../plot/mod.ts";
import {
  type ClassMeanRow,
  type CompositionRow,
  ENERGY_PARTS,
  type ScheduleRow,
  SCHEDULERS,
} from "./run.ts";
import type { BandAreaRow, GridRow } from "./sweeps.ts";

type Row = Record<string, string | number | boolean>;
const SHORT: Record<string, string> = { single: "1T", static: "st", expand: "exp", dynamic: "dyn" };

/** Class-mean energy per scheduler, normalised to single tenancy, stacked by component (A-F1). */
export function energyChart(rows: readonly ScheduleRow[]): Chart {
  const data = rows.flatMap((r) =>
    ENERGY_PARTS.map((part) => ({ class: r.class, scheduler: r.scheduler, part, value: r[part] }))
  );
  const n = new Set(rows.map((r) => r.workload)).size / 2;
  return plot({
    title: "Energy / single tenancy, mean over each class's workloads, by component",
    width: 760,
    height: 380,
    fx: { label: null, domain: ["heavy", "light"] },
    x: { domain: SCHEDULERS, tickFormat: (s: string) => SHORT[s], label: null },
    y: { label: "energy / single tenancy", grid: true },
    color: { legend: true, domain: [...ENERGY_PARTS], scheme: "tableau10" },
    marks: [
      Plot.barY(
        data,
        Plot.groupX({ y: (v: number[]) => v.reduce((a, b) => a + b, 0) / n }, {
          fx: "class",
          x: "scheduler",
          y: "value",
          fill: "part",
          order: [...ENERGY_PARTS],
        }),
      ),
      Plot.ruleY([1], { stroke: "black", strokeDasharray: "3,3" }),
    ],
  });
}

/**
 * Makespan / single tenancy per workload against its imbalance (longest / shortest tenant alone),
 * one dot per scheduler; black: the bound no layer-boundary partitioner can beat (A-F2).
 */
export function timeChart(
  rows: readonly ScheduleRow[],
  composition: readonly CompositionRow[],
): Chart {
  const imb = new Map(composition.map((r) => [r.workload, r.imbalance]));
  const data = rows.filter((r) => r.scheduler !== "single").map((r) => ({
    ...r,
    imbalance: imb.get(r.workload)!,
  }));
  const bounds = composition.map((r) => ({ ...r, bound: 1 - r.boundTimeSaving }));
  return plot({
    title: "Makespan / single tenancy per workload (black: lower bound of any partitioner)",
    width: 760,
    height: 420,
    fx: { label: null, domain: ["heavy", "light"] },
    x: { label: "imbalance: longest / shortest tenant alone", type: "log", grid: true },
    y: { label: "makespan / single tenancy", grid: true },
    color: { legend: true, domain: SCHEDULERS.filter((s) => s !== "single") },
    marks: [
      Plot.ruleY([1], { stroke: "black", strokeDasharray: "3,3" }),
      Plot.dot(bounds, { fx: "class", x: "imbalance", y: "bound", fill: "black", r: 2 }),
      Plot.dot(data, { fx: "class", x: "imbalance", y: "timeNormalized", stroke: "scheduler" }),
    ],
  });
}

/** Mean time utilisation (MACs / (makespan x PEs)) per class and scheduler (A-F4). */
export function utilizationChart(means: readonly ClassMeanRow[]): Chart {
  return plot({
    title: "Time utilisation: MACs / (makespan x PEs), class means",
    width: 760,
    height: 320,
    fx: { label: null, domain: ["heavy", "light"] },
    x: { domain: SCHEDULERS, tickFormat: (s: string) => SHORT[s], label: null },
    y: { label: "time utilisation", grid: true },
    color: { domain: SCHEDULERS },
    marks: [
      Plot.barY(means, { fx: "class", x: "scheduler", y: "peUtilization", fill: "scheduler" }),
    ],
  });
}

/**
 * The grid of assumptions: dynamic savings per DRAM model (columns) and metric x split axis
 * (rows), with SRAM banking x network variant along x; the paper's values dashed, the headline
 * ringed.
 */
export function gridChart(rows: readonly GridRow[]): Chart {
  const data = rows.flatMap((r) => [
    {
      ...r,
      combo: `${r.sramBanking}/${r.variant}`,
      panel: `time, ${r.axis}`,
      saving: r.timeSaving,
    },
    {
      ...r,
      combo: `${r.sramBanking}/${r.variant}`,
      panel: `energy, ${r.axis}`,
      saving: r.energySaving,
    },
  ]);
  const axes = [...new Set(rows.map((r) => r.axis))];
  const panels = ["time", "energy"].flatMap((m) => axes.map((a) => `${m}, ${a}`));
  const paperValue = { heavy: { time: 0.56, energy: 0.35 }, light: { time: 0.44, energy: 0.62 } };
  const paper = panels.flatMap((panel) =>
    (["heavy", "light"] as const).map((cls) => ({
      class: cls,
      panel,
      saving: paperValue[cls][panel.startsWith("time") ? "time" : "energy"],
    }))
  );
  return plot({
    title: "Dynamic savings for every combination (ring: headline; dashes: paper)",
    width: 760,
    height: 640,
    marginBottom: 70,
    marginRight: 90,
    fx: { label: "DRAM model", domain: [...new Set(rows.map((r) => r.dramModel))] },
    fy: { label: null, domain: panels },
    x: { label: null, tickRotate: -30, domain: [...new Set(data.map((d) => d.combo))] },
    y: { label: "saving (1 - dynamic/single)", grid: true },
    color: { legend: true, domain: ["heavy", "light"] },
    marks: [
      Plot.ruleY([0], { stroke: "black" }),
      Plot.ruleY(paper, { fy: "panel", y: "saving", stroke: "class", strokeDasharray: "4,3" }),
      Plot.dot(data, { fx: "dramModel", fy: "panel", x: "combo", y: "saving", fill: "class" }),
      Plot.dot(data.filter((d) => d.headline), {
        fx: "dramModel",
        fy: "panel",
        x: "combo",
        y: "saving",
        r: 6,
        stroke: "black",
      }),
    ],
  });
}

/** Band-area efficiency per band width, split axis and loop order (above 1: sharing pays). */
export function bandAreaChart(rows: readonly BandAreaRow[]): Chart {
  const data = rows.map((r) => ({ ...r, series: `${r.axis} / ${r.loopOrder}` }));
  return plot({
    title: "Band-area efficiency: whole-array cycles / (band share x band cycles)",
    width: 760,
    height: 360,
    fx: { label: null, domain: ["heavy", "light"] },
    x: { label: "granules held (of 8)", ticks: 8 },
    y: { label: "band-area efficiency", grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([1], { stroke: "black" }),
      Plot.line(data, { fx: "class", x: "granules", y: "bandAreaEfficiency", stroke: "series" }),
      Plot.dot(data, { fx: "class", x: "granules", y: "bandAreaEfficiency", fill: "series" }),
    ],
  });
}

/** Who holds which columns when, one panel per scheduler (A-F3); rows: workload, scheduler, tenant, cycles, units. */
export function timelineChart(rows: readonly Row[], workload: string, unitLabel: string): Chart {
  const data = rows.filter((r) => r.workload === workload);
  const tenants = [...new Set(data.map((r) => r.tenant as string))];
  return plot({
    title: `${unitLabel[0].toUpperCase()}${unitLabel.slice(1)} held by each DNN (${
      workload.split(":")[0]
    })`,
    width: 760,
    height: 140 * SCHEDULERS.length + 60,
    marginLeft: 50,
    marginRight: 70,
    fy: { label: null, domain: SCHEDULERS },
    x: { label: "cycle", grid: true },
    y: { label: unitLabel, domain: [0, Math.max(...data.map((r) => r.endUnit as number))] },
    color: { legend: true, domain: tenants },
    marks: [
      Plot.rect(data, {
        fy: "scheduler",
        x1: "startCycle",
        x2: "endCycle",
        y1: "firstUnit",
        y2: "endUnit",
        fill: "tenant",
        inset: 0,
      }),
      Plot.frame({ stroke: "#ccc" }),
    ],
  });
}

/** A sensitivity sweep: class-mean time and energy savings of static and dynamic against `x`. */
export function sweepChart(rows: readonly Row[], x: string, label: string, logX = false): Chart {
  const data = rows.flatMap((r) => [
    { ...r, metric: "time", saving: r.timeSaving },
    { ...r, metric: "energy", saving: r.energySaving },
  ]).filter((d) => typeof d.saving === "number");
  return plot({
    title: `Savings vs ${label} (class means; 1 - multi/single)`,
    width: 760,
    height: 420,
    marginRight: 60,
    fx: { label: null, domain: ["heavy", "light"] },
    fy: { label: null, domain: ["time", "energy"] },
    x: { label, type: logX ? "log" : "linear", ticks: [...new Set(rows.map((r) => r[x]))] },
    y: { label: "saving", grid: true },
    color: { legend: true, domain: ["static", "expand", "dynamic"] },
    marks: [
      Plot.ruleY([0], { stroke: "black" }),
      Plot.line(data, { fx: "class", fy: "metric", x, y: "saving", stroke: "scheduler" }),
      Plot.dot(data, { fx: "class", fy: "metric", x, y: "saving", fill: "scheduler" }),
    ],
  });
}

/** Energy saving against the idle + leakage share of single-tenancy energy (scaled energy table). */
export function idleLeakageChart(rows: readonly Row[]): Chart {
  return plot({
    title: "Energy saving vs idle + leakage share of single-tenancy energy",
    width: 760,
    height: 360,
    fx: { label: null, domain: ["heavy", "light"] },
    x: { label: "idle + leakage share of single-tenancy energy", domain: [0, 1], grid: true },
    y: { label: "energy saving", grid: true },
    color: { legend: true, domain: ["static", "dynamic"] },
    marks: [
      Plot.ruleY([0], { stroke: "black" }),
      Plot.line(rows, {
        fx: "class",
        x: "singleIdleLeakageShare",
        y: "energySaving",
        stroke: "scheduler",
      }),
      Plot.dot(rows, {
        fx: "class",
        x: "singleIdleLeakageShare",
        y: "energySaving",
        fill: "scheduler",
      }),
    ],
  });
}
