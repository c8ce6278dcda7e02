/**
 * Energy model (ours): E = macs x e_MAC + RF accesses x e_RF + inter-PE hops x e_hop
 *   + sum over buffers of accesses x e_SRAM(size) + DRAM bytes x e_DRAM
 *   + idle PE-cycles x e_idle + leakage power x elapsed time.
 * e_SRAM(size) = sramRefAccessPJ x (size / sramRefKiB) ^ sramSizeExponent, so a bigger buffer
 * costs more per access; leakage power = PEs x peLeakageUW + SRAM KiB x sramLeakageUWPerKiB, so a
 * bigger array or buffer costs energy while it exists, busy or not. Constants: data/energy-45nm.json.
 */
import type { Accelerator } from "./accelerator.ts";
import { checkNonNegative } from "./check.ts";
import {
  ENERGY_COUNT_KEYS,
  type EnergyBreakdown,
  type EnergyCounts,
  type LayerCost,
} from "./cost-types.ts";
import { sramAccessPJ } from "./energy-table.ts";

/** Static power of the whole accelerator (all PEs and all three SRAMs), microwatts. */
export function leakagePowerUW(acc: Accelerator): number {
  const sramKiB = acc.ifmapSramKiB + acc.filterSramKiB + acc.ofmapSramKiB;
  return acc.rows * acc.cols * acc.energy.peLeakageUW + sramKiB * acc.energy.sramLeakageUWPerKiB;
}

/** Leakage energy of the whole accelerator over `cycles` (finite, >= 0), pJ (uW x us = pJ). */
export function leakageEnergyPJ(acc: Accelerator, cycles: number): number {
  checkNonNegative("leakageEnergyPJ", "cycles", cycles);
  return (leakagePowerUW(acc) * cycles) / acc.clockMHz;
}

/** Energy of `idlePeCycles` (finite, >= 0) PE-cycles spent clocked without a MAC, pJ. */
export function idleEnergyPJ(acc: Accelerator, idlePeCycles: number): number {
  checkNonNegative("idleEnergyPJ", "idlePeCycles", idlePeCycles);
  return idlePeCycles * acc.energy.idlePePJPerCycle;
}

/** SRAM energy of the given accesses (words) at each buffer's size-dependent cost, pJ. */
export function sramEnergyPJ(
  acc: Accelerator,
  ifmapAccesses: number,
  filterAccesses: number,
  ofmapAccesses: number,
): number {
  const t = acc.energy;
  return ifmapAccesses * sramAccessPJ(t, acc.ifmapSramKiB) +
    filterAccesses * sramAccessPJ(t, acc.filterSramKiB) +
    ofmapAccesses * sramAccessPJ(t, acc.ofmapSramKiB);
}

/** Write the energy of `c` into `out`, with idle and leakage charged as given; returns `out`. */
export function fillEnergy(
  out: EnergyBreakdown,
  c: EnergyCounts,
  acc: Accelerator,
  elapsedCycles: number,
  idlePeCycles: number,
): EnergyBreakdown {
  const t = acc.energy;
  out.mac = c.macs * t.macPJ;
  out.rf = c.rfAccesses * t.rfAccessPJ;
  out.array = c.arrayHops * t.arrayHopPJ;
  out.sram = sramEnergyPJ(
    acc,
    c.ifmapSramReads + c.ifmapSramWrites,
    c.filterSramReads + c.filterSramWrites,
    c.ofmapSramReads + c.ofmapSramWrites,
  );
  out.dram = c.dramBytes * t.dramPJPerByte;
  out.idle = idleEnergyPJ(acc, idlePeCycles);
  out.leakage = leakageEnergyPJ(acc, elapsedCycles);
  out.total = out.mac + out.rf + out.array + out.sram + out.dram + out.idle + out.leakage;
  return out;
}

/** Options of `energyOf`. */
export interface EnergyOfOptions {
  /** Time over which idle PEs and leakage are charged, cycles (e.g. a shared array's makespan). */
  elapsedCycles: number;
  /**
   * PEs clocked during that time (default all R x C); idle PE-cycles = this x elapsed - macs.
   * Leakage is always charged for the whole accelerator (all PEs and SRAMs).
   */
  activePEs?: number;
}

/**
 * Energy of summed access counts on `acc`, charging idle PEs and leakage over a given time, pJ.
 * Counts, `elapsedCycles` and `activePEs` must be finite and >= 0, else ValidationError.
 */
export function energyOf(
  c: EnergyCounts,
  acc: Accelerator,
  opts: EnergyOfOptions,
): EnergyBreakdown {
  for (const key of ENERGY_COUNT_KEYS) checkNonNegative("energyOf counts", key, c[key]);
  checkNonNegative("energyOf", "elapsedCycles", opts.elapsedCycles);
  if (opts.activePEs !== undefined) checkNonNegative("energyOf", "activePEs", opts.activePEs);
  const pes = opts.activePEs ?? acc.rows * acc.cols;
  const idle = Math.max(0, opts.elapsedCycles * pes - c.macs);
  const out = { mac: 0, rf: 0, array: 0, sram: 0, dram: 0, idle: 0, leakage: 0, total: 0 };
  return fillEnergy(out, c, acc, opts.elapsedCycles, idle);
}

/** Fill idle PE-cycles, energy, latency and EDP of `out`; needs the compute and traffic parts. */
export function fillLayerEnergy(out: LayerCost, acc: Accelerator): void {
  out.idlePeCycles = out.cycles * acc.rows * acc.cols - out.macs;
  fillEnergy(out.energyPJ, out, acc, out.cycles, out.idlePeCycles);
  out.latencySeconds = out.cycles / (acc.clockMHz * 1e6);
  out.edpPJs = out.energyPJ.total * out.latencySeconds;
}
