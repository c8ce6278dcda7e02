/**
 * The host side of a Zynq UltraScale+ board around the DPU: CPU cores, shared DRAM, power.
 * Every constant names its source; [R] marks our assumption where no public number exists.
 */
import { z } from "zod";
import { parseWith } from "../../validate.ts";

/** Host platform parameters (units in the names). */
export interface Platform {
  /** Cortex-A53 cores running pre/post-processing (all ZynqMP parts: 4). */
  cpuCores: number;
  /** Achievable DRAM bandwidth shared by all DPU cores, bytes per second. */
  dramBytesPerSecond: number;
  /** Most one DPU core can move through its two AXI data ports, bytes per second. */
  corePortBytesPerSecond: number;
  /** Board power with the DPU idle and the CPUs idle, watts. */
  staticW: number;
  /** Dynamic power of one B4096 core at 300 MHz and 100 % busy, watts (scales with ops/s). */
  dpuB4096At300W: number;
  /** Dynamic power of one busy A53 core, watts. */
  cpuCoreW: number;
}

/**
 * Defaults. Sources:
 * - cpuCores: ZCU102/ZCU104/KV260 all carry 4 Cortex-A53 (Zynq UltraScale+ product tables).
 * - dramBytesPerSecond: PS DDR4-2400 on a 64-bit bus = 19.2 GB/s peak; 65 % achievable [R]
 *   (study summary: "about 60-70 % achievable") = 12.48 GB/s.
 * - corePortBytesPerSecond: two 128-bit AXI data ports per core (PG338 port table) at 300 MHz =
 *   9.6 GB/s; PG338's measured B4096 peak demand (5.3-6.5 GB/s) stays below it.
 * - staticW: ZCU102 with 3 DPU cores, 9.6 W after boot (DPU TRD v2.0 low-power table).
 * - dpuB4096At300W, cpuCoreW: the same table gives 16.4 W running, i.e. 6.8 W dynamic; the summary's
 *   ranges (1.5-2.5 W per B4096, 0.3-0.5 W per busy A53) at their midpoints give
 *   3 x 2.0 W + 2 x 0.4 W = 6.8 W, consistent with that measurement if two A53 are busy [R].
 */
export const DEFAULT_PLATFORM: Readonly<Platform> = {
  cpuCores: 4,
  dramBytesPerSecond: 19.2e9 * 0.65,
  corePortBytesPerSecond: 2 * 16 * 300e6,
  staticW: 9.6,
  dpuB4096At300W: 2.0,
  cpuCoreW: 0.4,
};

const pos = z.number().positive();

/** Partial platform overrides a user may pass; unknown keys are rejected. */
export const PlatformOverridesSchema = z.object({
  cpuCores: z.number().int().min(1).max(64).optional(),
  dramBytesPerSecond: pos.optional(),
  corePortBytesPerSecond: pos.optional(),
  staticW: z.number().nonnegative().optional(),
  dpuB4096At300W: z.number().nonnegative().optional(),
  cpuCoreW: z.number().nonnegative().optional(),
}).strict();

/** The default platform with `overrides` applied (validated; a bad field throws naming it). */
export function makePlatform(overrides: unknown = {}): Platform {
  const o = parseWith(PlatformOverridesSchema, overrides, "platform");
  return { ...DEFAULT_PLATFORM, ...o };
}
