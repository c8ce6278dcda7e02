/**
 * The DPU-class accelerator core (AMD DPUCZDX8G): its sizes, parallelism and peak rate.
 *
 * Source of the size table: PG338 (DPUCZDX8G product guide v3.4), "Architecture of the DPUCZDX8G":
 * pixel parallelism (PP) x input-channel parallelism (ICP) x output-channel parallelism (OCP),
 * ICP = OCP, peak operations per cycle = 2 * PP * ICP * OCP (one MAC = 2 operations).
 * Depthwise convolution and pooling run on the ALU engine whose pixel parallelism is 1..PP,
 * PP/2 recommended (PG338 v4.1, "DepthwiseConv (ALU)").
 */
import { z } from "zod";
import { parseWith } from "../../validate.ts";

/** Parallelism of one DPU size. */
export interface DpuSize {
  /** Size name, e.g. "B4096". */
  arch: string;
  /** Pixel parallelism (output pixels per cycle on the conv engine). */
  pp: number;
  /** Input-channel parallelism. */
  icp: number;
  /** Output-channel parallelism. */
  ocp: number;
}

/** The eight sizes PG338 lists, smallest first. */
export const DPU_SIZES: readonly DpuSize[] = [
  { arch: "B512", pp: 4, icp: 8, ocp: 8 },
  { arch: "B800", pp: 4, icp: 10, ocp: 10 },
  { arch: "B1024", pp: 8, icp: 8, ocp: 8 },
  { arch: "B1152", pp: 4, icp: 12, ocp: 12 },
  { arch: "B1600", pp: 8, icp: 10, ocp: 10 },
  { arch: "B2304", pp: 8, icp: 12, ocp: 12 },
  { arch: "B3136", pp: 8, icp: 14, ocp: 14 },
  { arch: "B4096", pp: 8, icp: 16, ocp: 16 },
];

/** Peak operations per cycle of one core (2 per MAC). */
export function peakOpsPerCycle(s: DpuSize): number {
  return 2 * s.pp * s.icp * s.ocp;
}

/**
 * The size named by `arch` ("B4096", "B4096F", "DPUCZDX8G B1024"...): the first `B<digits>` token.
 * Throws naming the value when it is not one of PG338's sizes.
 */
export function dpuSize(arch: string): DpuSize {
  const m = /B(\d+)/.exec(arch);
  const found = m ? DPU_SIZES.find((s) => s.arch === `B${m[1]}`) : undefined;
  if (!found) {
    throw new RangeError(
      `unknown DPU size "${arch}" (known: ${DPU_SIZES.map((s) => s.arch).join(", ")})`,
    );
  }
  return found;
}

/** A DPU IP instance as a user writes it: size, core count, clock, ALU parallelism. */
export const DpuConfigSchema = z.object({
  arch: z.string().refine((a) => DPU_SIZES.some((s) => a.includes(s.arch)), {
    message: `not a DPUCZDX8G size (${DPU_SIZES.map((s) => s.arch).join(", ")})`,
  }),
  /** Homogeneous cores in the IP (PG338: at most 4). */
  cores: z.number().int().min(1).max(4),
  /** Core clock in MHz (300 on ZCU104/KV260, 281 on ZCU102). */
  mhz: z.number().positive().max(1000).default(300),
  /** ALU pixel parallelism for depthwise conv and pooling; default PP/2 (PG338 recommendation). */
  aluParallel: z.number().int().positive().optional(),
});
export type DpuConfigInput = z.input<typeof DpuConfigSchema>;

/** A parsed DPU configuration with its size resolved. */
export interface DpuConfig {
  size: DpuSize;
  cores: number;
  mhz: number;
  /** ALU pixel parallelism (1..PP). */
  aluParallel: number;
}

/** Parse a DPU configuration; throws a ValidationError naming each bad field. */
export function parseDpuConfig(input: unknown): DpuConfig {
  const c = parseWith(DpuConfigSchema, input, "DPU configuration");
  const size = dpuSize(c.arch);
  const alu = c.aluParallel ?? size.pp / 2;
  if (alu > size.pp) {
    throw new RangeError(`aluParallel ${alu} > pixel parallelism ${size.pp} of ${size.arch}`);
  }
  return { size, cores: c.cores, mhz: c.mhz, aluParallel: alu };
}

/** Peak rate of one core in operations per second. */
export function corePeakOpsPerSecond(c: DpuConfig): number {
  return peakOpsPerCycle(c.size) * c.mhz * 1e6;
}
