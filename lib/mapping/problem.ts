/** A mapping problem: a job-analysis table plus the system bandwidth all cores share. */
import { z } from "zod";
import { parseWith } from "../validate.ts";
import type { CoreSpec } from "./cores.ts";
import type { Job } from "./job.ts";
import { buildJobTable, type JobTable } from "./table.ts";

/** What every optimizer receives. */
export interface Problem {
  table: JobTable;
  /** Off-chip bandwidth shared by all cores, bytes per cycle (GB/s at 1 GHz). */
  systemBwBytesPerCycle: number;
}

const BwSchema = z.number().positive().finite();

/** A problem from a table and a system bandwidth in bytes/cycle (must be positive and finite). */
export function problemFromTable(table: JobTable, systemBwBytesPerCycle: number): Problem {
  parseWith(BwSchema, systemBwBytesPerCycle, "system bandwidth (bytes/cycle)");
  return { table, systemBwBytesPerCycle };
}

/** Build the table for `jobs` on `cores` and pair it with the system bandwidth (bytes/cycle). */
export function makeProblem(
  jobs: readonly Job[],
  cores: readonly CoreSpec[],
  systemBwBytesPerCycle: number,
): Problem {
  return problemFromTable(buildJobTable(jobs, cores), systemBwBytesPerCycle);
}
