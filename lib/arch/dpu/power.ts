/**
 * Board power (assumes, no per-component data is public): static board power, plus each busy DPU core's dynamic power
 * (proportional to its peak ops per second, scaled from a B4096 at 300 MHz [R]), plus each busy A53.
 */
import { type DpuConfig, peakOpsPerCycle } from "./sizes.ts";
import type { Platform } from "./platform.ts";

/** Watts the simulation charges: always, per busy DPU core, per busy CPU core. */
export interface PowerModel {
  staticW: number;
  dpuCoreW: number;
  cpuCoreW: number;
}

/** Dynamic watts of one busy DPU core of configuration `dpu`. */
export function dpuCoreWatts(platform: Platform, dpu: DpuConfig): number {
  return platform.dpuB4096At300W * (peakOpsPerCycle(dpu.size) / 4096) * (dpu.mhz / 300);
}

/** The power model of `platform` with DPU configuration `dpu`. */
export function powerModel(platform: Platform, dpu: DpuConfig): PowerModel {
  return {
    staticW: platform.staticW,
    dpuCoreW: dpuCoreWatts(platform, dpu),
    cpuCoreW: platform.cpuCoreW,
  };
}
