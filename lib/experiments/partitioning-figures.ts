/** Study A charts, drawn from the study's tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../plot/mod.ts";
import { ENERGY_PARTS, type ScheduleRow, SCHEDULERS } from "./partitioning-runs.ts";

type Row = Record<string, string | number>;
const SHORT: Record<string, string> = { single: "1T", static: "st", dynamic: "dyn" };

/** Workload label within its class ("H2a" -> "2a"), so both classes share one x domain. */
function slot(id: string): string {
  return id.slice(1);
}

/** Energy per workload and scheduler, normalised to single tenancy, stacked by component (A-F1). */
export function energyChart(rows: readonly ScheduleRow[]): Chart {
  const data = rows.flatMap((r) =>
    ENERGY_PARTS.map((part) => ({
      class: r.class,
      workload: slot(r.workload),
      scheduler: r.scheduler,
      part,
      value: r[part] as number,
    }))
  );
  return plot({
    title: "Energy normalised to single tenancy (per workload; bars: single, static, dynamic)",
    width: 980,
    height: 520,
    marginBottom: 40,
    marginRight: 50,
    fx: {
      label: "workload (tenants + variant)",
      domain: [...new Set(data.map((d) => d.workload))],
    },
    fy: { label: null, domain: ["heavy", "light"] },
    x: { axis: "bottom", domain: SCHEDULERS, tickFormat: (s: string) => SHORT[s], label: null },
    y: { label: "energy / single tenancy", grid: true },
    color: { legend: true, domain: [...ENERGY_PARTS], scheme: "tableau10" },
    marks: [
      Plot.barY(data, {
        fx: "workload",
        fy: "class",
        x: "scheduler",
        y: "value",
        fill: "part",
        order: [...ENERGY_PARTS],
      }),
      Plot.ruleY([1], { stroke: "black", strokeDasharray: "3,3" }),
    ],
  });
}

/**
 * Computation time (makespan) per workload and scheduler, normalised to single tenancy (A-F2); a
 * black tick marks the lower bound no layer-boundary partitioner can beat (composition rows).
 */
export function timeChart(rows: readonly ScheduleRow[], composition: readonly Row[]): Chart {
  const bounds = composition.map((r) => ({
    class: r.class,
    workload: slot(r.workload as string),
    bound: 1 - (r.boundTimeSaving as number),
  }));
  return schedulerBars(rows, {
    title: "Makespan normalised to single tenancy (black tick: lower bound of any partitioner)",
    height: 480,
    y: "timeNormalized",
    yLabel: "makespan / single tenancy",
    extra: [
      Plot.tickY(bounds, {
        fx: "workload",
        fy: "class",
        y: "bound",
        stroke: "black",
        strokeWidth: 2,
      }),
      Plot.ruleY([1], { stroke: "black", strokeDasharray: "3,3" }),
    ],
  });
}

/** Mean PE utilization (MACs / makespan x PEs) per workload and scheduler (A-F4). */
export function utilizationChart(rows: readonly ScheduleRow[]): Chart {
  return schedulerBars(rows, {
    title: "PE utilization: MACs / (makespan x PEs)",
    height: 440,
    y: "peUtilization",
    yLabel: "PE utilization",
    extra: [],
  });
}

/** One bar per scheduler, faceted by workload (columns) and class (rows); `y` names a row field. */
function schedulerBars(
  rows: readonly ScheduleRow[],
  o: { title: string; height: number; y: keyof ScheduleRow; yLabel: string; extra: Plot.Markish[] },
): Chart {
  return plot({
    title: o.title,
    width: 980,
    height: o.height,
    fx: {
      label: "workload (tenants + variant)",
      domain: [...new Set(rows.map((r) => slot(r.workload)))],
    },
    fy: { label: null, domain: ["heavy", "light"] },
    x: { axis: null, domain: SCHEDULERS },
    y: { label: o.yLabel, grid: true },
    color: { legend: true, domain: SCHEDULERS },
    marks: [
      Plot.barY(rows, {
        fx: (r: ScheduleRow) => slot(r.workload),
        fy: "class",
        x: "scheduler",
        y: o.y as string,
        fill: "scheduler",
      }),
      ...o.extra,
    ],
  });
}

/** Who holds which columns when, one panel per scheduler (A-F3); rows: workload, scheduler, tenant, cycles, units. */
export function timelineChart(rows: readonly Row[], workload: string, unitLabel: string): Chart {
  const data = rows.filter((r) => r.workload === workload);
  const tenants = [...new Set(data.map((r) => r.tenant as string))];
  return plot({
    title: `Timeline of ${workload}: ${unitLabel} held by each DNN`,
    width: 980,
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
    color: { legend: true, domain: ["static", "dynamic"] },
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
