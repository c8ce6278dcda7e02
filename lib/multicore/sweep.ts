/**
 * The design-space sweep, in-process: for every configuration and every network, the network's
 * total cost (arch `gemmCost` per distinct layer shape, then `sumCosts`): energy by component,
 * cycles, latency and EDP. `sweep` (parallel.ts) runs the same function on Web Workers.
 */
import { type EnergyBreakdown, gemmCost, type LayerCost, sumCosts } from "../arch/mod.ts";
import { coreAccelerator, type CoreBase, type CoreConfig } from "./config.ts";
import type { SweepWorkload } from "./workload.ts";

/** The cost of one network on one configuration. */
export interface SweepPoint {
  /** Index into the sweep's `networks`. */
  network: number;
  /** Index into the sweep's `configs`. */
  config: number;
  /** Energy per inference by component, pJ. */
  energyPJ: EnergyBreakdown;
  /** Latency per inference, cycles (stalls included). */
  cycles: number;
  latencySeconds: number;
  /** Energy-delay product per inference, pJ x s. */
  edpPJs: number;
  dramBytes: number;
  macs: number;
  /** macs / (cycles x PEs). */
  peUtilization: number;
}

/** A whole sweep: `points[network * configs.length + config]`. */
export interface SweepResult {
  networks: string[];
  configs: CoreConfig[];
  points: SweepPoint[];
}

function toPoint(network: number, config: number, c: LayerCost): SweepPoint {
  return {
    network,
    config,
    energyPJ: { ...c.energyPJ },
    cycles: c.cycles,
    latencySeconds: c.latencySeconds,
    edpPJs: c.edpPJs,
    dramBytes: c.dramBytes,
    macs: c.macs,
    peUtilization: c.peUtilization,
  };
}

/**
 * Points of every network on configurations `configs[first ... first + count - 1]`, in
 * configuration-major order (the unit of work a worker runs).
 */
export function sweepChunk(
  workload: SweepWorkload,
  configs: readonly CoreConfig[],
  first: number,
  count: number,
  base: CoreBase = {},
): SweepPoint[] {
  const out: SweepPoint[] = [];
  const costs: LayerCost[] = new Array(workload.shapes.length);
  for (let c = first; c < first + count; c++) {
    const acc = coreAccelerator(configs[c], base);
    for (let s = 0; s < workload.shapes.length; s++) costs[s] = gemmCost(workload.shapes[s], acc);
    workload.networks.forEach((net, n) => {
      const layers = net.shapeIndex.map((s) => costs[s]);
      out.push(toPoint(n, c, sumCosts(layers, acc)));
    });
  }
  return out;
}

/** Put configuration-major points into a network-major result. */
export function assembleSweep(
  workload: SweepWorkload,
  configs: readonly CoreConfig[],
  points: readonly SweepPoint[],
): SweepResult {
  const nc = configs.length;
  const ordered: SweepPoint[] = new Array(workload.networks.length * nc);
  for (const p of points) ordered[p.network * nc + p.config] = p;
  for (let i = 0; i < ordered.length; i++) {
    if (!ordered[i]) throw new Error(`sweep: missing point ${i} (network ${Math.floor(i / nc)})`);
  }
  return { networks: workload.networks.map((n) => n.name), configs: [...configs], points: ordered };
}

/** The whole sweep on the calling thread. */
export function sweepSync(
  workload: SweepWorkload,
  configs: readonly CoreConfig[],
  base: CoreBase = {},
): SweepResult {
  return assembleSweep(workload, configs, sweepChunk(workload, configs, 0, configs.length, base));
}

/** The point of network `n` on configuration `c`. */
export function sweepPoint(r: SweepResult, n: number, c: number): SweepPoint {
  return r.points[n * r.configs.length + c];
}
