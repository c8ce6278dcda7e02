/**
 * M3E's own job groups: the insts0 group of each task from the public MAGMA/M3E repository
 * (maestro-project/magma `traffic_insts/batch_{conv,lang,recom,mix}/insts0.csv`, MIT licence,
 * copyright 2022 Sheng-Chun Kao), copied unmodified into data/m3e-jobs/ (data/README.md).
 */
import type { TaskName } from "./groups.ts";
import type { Job } from "./job.ts";
import { parseM3eCsv } from "./m3e-csv.ts";

/** Folder of the copied files, `<task>-insts0.csv`. */
export const M3E_JOBS_DIR: URL = new URL("../../data/m3e-jobs/", import.meta.url);

/** Path of M3E's insts0 group of `task`. */
export function m3eGroupFile(task: TaskName): string {
  return new URL(`${task}-insts0.csv`, M3E_JOBS_DIR).pathname;
}

/** Raw text of M3E's insts0 group of `task`. */
export function m3eGroupText(task: TaskName): string {
  return Deno.readTextFileSync(m3eGroupFile(task));
}

/** M3E's insts0 group of `task` (100 jobs). */
export function m3eGroup(task: TaskName): Job[] {
  return parseM3eCsv(m3eGroupText(task), `data/m3e-jobs/${task}-insts0.csv`);
}
