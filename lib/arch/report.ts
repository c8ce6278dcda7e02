/**
 * Text and CSV renderings of a network's cost, used by `deno task simulate`.
 * `scaleSimCsv` prints SCALE-Sim's own columns first, then our native metrics, prefixed "lab".
 */
import type { Network } from "../workload/layer.ts";
import { writeTopology } from "../workload/topology.ts";
import type { Accelerator } from "./accelerator.ts";
import type { NetworkCost } from "./cost.ts";
import type { EnergyBreakdown } from "./cost-types.ts";
import { scaleSimCells, scaleSimColumns, scaleSimRows } from "./scalesim-report.ts";

/** One-line description of an accelerator, with units. */
export function describeAccelerator(acc: Accelerator): string {
  return `${acc.name}: ${acc.rows}x${acc.cols} ${acc.dataflow}, SRAM ifmap/filter/ofmap ` +
    `${acc.ifmapSramKiB}/${acc.filterSramKiB}/${acc.ofmapSramKiB} KiB, ${acc.wordBytes} B words, ` +
    `DRAM ${acc.dramBandwidthBytesPerCycle} B/cycle, ${acc.clockMHz} MHz`;
}

/** Native columns appended to the SCALE-Sim ones (whole layer; on a layer's first row only). */
export const labColumns = [
  "lab Layer Name",
  "lab Cycles",
  "lab Stall Cycles",
  "lab DRAM Bytes",
  "lab Energy pJ",
] as const;

/**
 * SCALE-Sim-style CSV (its ", " separator and trailing comma): the rows SCALE-Sim would print for
 * `topologyText` (default: `writeTopology(net)`), then our native metrics for the whole layer on
 * the first row of each layer (topology data row i is the network's i-th MAC layer).
 */
export function scaleSimCsv(
  net: Network,
  acc: Accelerator,
  cost: NetworkCost,
  topologyText: string = writeTopology(net),
): string {
  const lines = [[...scaleSimColumns, ...labColumns].join(", ") + ","];
  const macCosts = cost.layers.filter((c) => c.macs > 0);
  let last = -1;
  for (const row of scaleSimRows(topologyText, acc)) {
    const c = macCosts[row.sourceRow];
    const lab = row.sourceRow !== last && c
      ? [c.name, c.cycles, c.stallCycles, c.dramBytes, c.energyPJ.total.toFixed(1)]
      : ["", "", "", "", ""];
    last = row.sourceRow;
    lines.push([...scaleSimCells(row), ...lab.map(String)].join(", ") + ",");
  }
  return lines.join("\n") + "\n";
}

const pct = (x: number) => (100 * x).toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const uj = (pj: number) => (pj / 1e6).toFixed(3);

/** Plain-text per-layer table and total. */
export function costTable(cost: NetworkCost, acc: Accelerator): string {
  const head = [
    "layer",
    "kind",
    "macs",
    "folds",
    "cycles",
    "stall",
    "map%",
    "PE util%",
    "DRAM KiB",
    "energy uJ",
  ];
  const row = (name: string, kind: string, c: NetworkCost["total"]) => [
    name,
    kind,
    String(c.macs),
    String(c.folds),
    String(c.cycles),
    String(c.stallCycles),
    pct(c.mappingEfficiency),
    pct(c.peUtilization),
    kib(c.dramBytes),
    uj(c.energyPJ.total),
  ];
  const body = cost.layers.filter((c) => c.macs > 0).map((c) => row(c.name, c.kind, c));
  const rows = [head, ...body, row("TOTAL", "", cost.total)];
  const widths = head.map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const fmt = (r: string[]) =>
    r.map((s, j) => (j < 2 ? s.padEnd(widths[j]) : s.padStart(widths[j]))).join("  ");
  const e = cost.total.energyPJ;
  const parts = (["mac", "rf", "array", "sram", "dram", "idle", "leakage"] as const)
    .map((k) => `${k} ${uj(e[k])}`).join(", ");
  return [
    `${cost.network} on ${describeAccelerator(acc)}`,
    ...rows.map(fmt),
    `latency ${(cost.total.latencySeconds * 1e3).toFixed(3)} ms; energy ${
      uj(e.total)
    } uJ (${parts}); ` +
    `EDP ${
      cost.total.edpPJs.toExponential(3)
    } pJ*s; SCALE-Sim total cycles ${cost.total.scaleSimTotalCycles}`,
  ].join("\n") + "\n";
}

/** One plain row per MAC layer (for tables and plots): index, name, cycles, utilization, energy. */
export function layerRows(cost: NetworkCost) {
  return cost.layers.filter((c) => c.macs > 0).map((c, index) => ({
    index,
    layer: c.name,
    kind: c.kind,
    macs: c.macs,
    cycles: c.cycles,
    stallCycles: c.stallCycles,
    mappingEfficiency: c.mappingEfficiency,
    peUtilization: c.peUtilization,
    dramBytes: c.dramBytes,
    energyPJ: c.energyPJ.total,
  }));
}

/** The components of an energy breakdown as rows `{ component, energyPJ }` (total excluded). */
export function energyRows(e: EnergyBreakdown): { component: string; energyPJ: number }[] {
  return (["mac", "rf", "array", "sram", "dram", "idle", "leakage"] as const).map((k) => ({
    component: k,
    energyPJ: e[k],
  }));
}
