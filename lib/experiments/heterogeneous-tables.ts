/**
 * Result tables of study B (plain rows for data/results/heterogeneous.json and the figures).
 * The parameter plots vary one axis at a time around the reference core (32x32 WS, 512 KiB,
 * 16 B/cycle), every value normalised to the network's cost on the reference core.
 */
import {
  argmin,
  type CoreConfig,
  coreLabel,
  metricMatrix,
  sameCore,
  sweepPoint,
} from "../multicore/mod.ts";
import type { HeterogeneousAnalysis } from "./heterogeneous-analysis.ts";
import type { Row } from "./results.ts";

/** Grid indices of the configurations equal to the reference core on every axis of `keep`. */
function around(a: HeterogeneousAnalysis, keep: (keyof CoreConfig)[]): number[] {
  const ref = a.setup.referenceCore;
  return a.sweep.configs.flatMap((c, i) => (keep.every((k) => c[k] === ref[k]) ? [i] : []));
}

/** B-T1: the core search space. */
export function searchSpaceRows(a: HeterogeneousAnalysis): Row[] {
  return a.space.map((i, j) => ({
    core: j,
    label: coreLabel(a.sweep.configs[i]),
    ...a.sweep.configs[i],
  }));
}

function metricRows(a: HeterogeneousAnalysis, configs: number[], extra: (c: CoreConfig) => Row) {
  const rows: Row[] = [];
  a.sweep.networks.forEach((network, n) => {
    const ref = sweepPoint(a.sweep, n, a.reference);
    for (const i of configs) {
      const p = sweepPoint(a.sweep, n, i);
      const c = a.sweep.configs[i];
      rows.push({
        network,
        ...extra(c),
        energyPJ: p.energyPJ.total,
        latencySeconds: p.latencySeconds,
        energyNorm: p.energyPJ.total / ref.energyPJ.total,
        latencyNorm: p.latencySeconds / ref.latencySeconds,
        edpNorm: p.edpPJs / ref.edpPJs,
        dramNorm: p.energyPJ.dram / ref.energyPJ.total,
        sramNorm: p.energyPJ.sram / ref.energyPJ.total,
      });
    }
  });
  return rows;
}

/** B-F1: every array shape of the grid at the reference buffer, dataflow and bandwidth. */
export function arraySizeRows(a: HeterogeneousAnalysis): Row[] {
  const idx = around(a, ["dataflow", "bufferKiB", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({
    array: `${c.rows}x${c.cols}`,
    pes: c.rows * c.cols,
    shape: c.rows === c.cols ? "square" : c.rows > c.cols ? "tall" : "wide",
  }));
}

/** B-F2: every buffer size at the reference array, dataflow and bandwidth. */
export function bufferSizeRows(a: HeterogeneousAnalysis): Row[] {
  const idx = around(a, ["rows", "cols", "dataflow", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({ bufferKiB: c.bufferKiB }));
}

/** B-F3: each dataflow at the reference array, buffer and bandwidth. */
export function dataflowRows(a: HeterogeneousAnalysis): Row[] {
  const idx = around(a, ["rows", "cols", "bufferKiB", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({ dataflow: c.dataflow }));
}

/** Each DRAM bandwidth at the reference array, buffer and dataflow. */
export function bandwidthRows(a: HeterogeneousAnalysis): Row[] {
  const idx = around(a, ["rows", "cols", "bufferKiB", "dataflow"]);
  return metricRows(a, idx, (c) => ({ bandwidthBytesPerCycle: c.bandwidthBytesPerCycle }));
}

/** B-F4: energy by component on the reference core, as fractions of the total. */
export function breakdownRows(a: HeterogeneousAnalysis): Row[] {
  return a.sweep.networks.flatMap((network, n) => {
    const e = sweepPoint(a.sweep, n, a.reference).energyPJ;
    const parts = {
      mac: e.mac,
      rf: e.rf,
      array: e.array,
      sram: e.sram,
      dram: e.dram,
      idle: e.idle,
      leakage: e.leakage,
    };
    return Object.entries(parts).map(([component, pj]) => ({
      network,
      component,
      energyPJ: pj,
      fraction: pj / e.total,
    }));
  });
}

/** B-T2 and B-F5: each network's best core (space and grid) and its savings. */
export function bestCoreRows(a: HeterogeneousAnalysis): Row[] {
  const { energy, latency, edp } = a.savings;
  const label = (i: number) => coreLabel(a.sweep.configs[i]);
  const gridEnergy = metricMatrix(a.sweep, "energy");
  const gridEdp = metricMatrix(a.sweep, "edp");
  return a.sweep.networks.map((network, n) => {
    return {
      network,
      bestEnergyCore: label(energy.networks[n].bestConfig),
      bestEdpCore: label(edp.networks[n].bestConfig),
      bestLatencyCore: label(latency.networks[n].bestConfig),
      gridBestEnergyCore: label(argmin(gridEnergy[n])),
      gridBestEdpCore: label(argmin(gridEdp[n])),
      energySavingVsHomogeneous: energy.networks[n].savingVsHomogeneous,
      edpSavingVsHomogeneous: edp.networks[n].savingVsHomogeneous,
      latencySavingVsHomogeneous: latency.networks[n].savingVsHomogeneous,
      energySavingVsReference: energy.networks[n].savingVsReference,
      edpSavingVsReference: edp.networks[n].savingVsReference,
      energyRatioVsHomogeneous: 1 - energy.networks[n].savingVsHomogeneous,
      edpRatioVsHomogeneous: 1 - edp.networks[n].savingVsHomogeneous,
    };
  });
}

/** The homogeneous baselines per metric. */
export function baselineRows(a: HeterogeneousAnalysis): Row[] {
  return (["energy", "latency", "edp"] as const).map((m) => {
    const r = a.savings[m];
    return {
      metric: m,
      homogeneousCore: coreLabel(a.sweep.configs[r.homogeneousConfig]),
      referenceCore: coreLabel(a.sweep.configs[r.referenceConfig]),
      maxSavingVsHomogeneous: r.maxSavingVsHomogeneous,
      maxSavingNetwork: r.maxSavingNetwork,
      meanSavingVsHomogeneous: r.meanSavingVsHomogeneous,
      referenceInSpace: a.space.some((i) => sameCore(a.sweep.configs[i], a.setup.referenceCore)),
    };
  });
}
