/**
 * Energy table: the per-action energies the cost model charges, in picojoules (dynamic) and
 * microwatts (static). The default comes from data/energy-45nm.json, which names a source for
 * every value. One "word" is one operand of the accelerator's `wordBytes`; the default table is
 * for 8-bit words.
 */
import { z } from "zod";
import defaultTableFile from "../../data/energy-45nm.json" with { type: "json" };
import { parseWith } from "../validate.ts";
import { checkPositive } from "./check.ts";

const nonNeg = z.number().nonnegative();
const pos = z.number().positive();

/** Per-action energies; every field carries its unit. */
export const EnergyTableSchema = z.object({
  /** One multiply-accumulate, pJ. */
  macPJ: nonNeg,
  /** One PE register-file access, pJ. */
  rfAccessPJ: nonNeg,
  /** One operand or partial sum moved between neighbouring PEs, pJ. */
  arrayHopPJ: nonNeg,
  /** One word access to an SRAM buffer of `sramRefKiB`, pJ. */
  sramRefAccessPJ: nonNeg,
  /** Buffer size at which `sramRefAccessPJ` holds, KiB. */
  sramRefKiB: pos,
  /** SRAM access energy grows as (size / sramRefKiB) ^ sramSizeExponent. */
  sramSizeExponent: nonNeg,
  /** DRAM transfer energy, pJ per byte. */
  dramPJPerByte: nonNeg,
  /** A clocked PE that performs no MAC in a cycle, pJ per PE-cycle. */
  idlePePJPerCycle: nonNeg,
  /** Static (leakage) power of one PE, microwatts. */
  peLeakageUW: nonNeg,
  /** Static (leakage) power of SRAM, microwatts per KiB. */
  sramLeakageUWPerKiB: nonNeg,
});
export type EnergyTable = z.infer<typeof EnergyTableSchema>;

/** The default 45 nm-class table (data/energy-45nm.json: Horowitz ISSCC 2014 + Eyeriss ratios). */
export const defaultEnergyTable: EnergyTable = Object.freeze(
  parseWith(EnergyTableSchema, defaultTableFile.table, "data/energy-45nm.json table"),
);

/**
 * Energy of one word access to an SRAM buffer of `sizeKiB`, pJ (sqrt-like growth with size);
 * `sizeKiB` must be finite and > 0, else ValidationError.
 */
export function sramAccessPJ(table: EnergyTable, sizeKiB: number): number {
  checkPositive("sramAccessPJ", "sizeKiB", sizeKiB);
  return table.sramRefAccessPJ * Math.pow(sizeKiB / table.sramRefKiB, table.sramSizeExponent);
}
