/**
 * Read and write M3E job-group CSVs (maestro-project/magma `traffic_insts/`): no header, columns
 * threadId, layerId, K, C, Y, X, R, S, T with T 0 FC, 1 CONV, 2 DSCONV, 3 GEMM. A GEMM row stores
 * its M, N, K in the K, C, Y slots; `parseM3eCsv` turns it into MAESTRO dims (see job.ts).
 */
import { ValidationError } from "../validate.ts";
import { type Job, JOB_TYPES, jobIssues } from "./job.ts";

/** The CSV's columns in order. */
export const M3E_COLUMNS = ["threadId", "layerId", "K", "C", "Y", "X", "R", "S", "T"] as const;

function cellIssues(cells: string[], row: number): { values: number[]; issues: string[] } {
  const values: number[] = [];
  const issues: string[] = [];
  M3E_COLUMNS.forEach((col, i) => {
    const raw = cells[i].trim();
    const v = raw === "" ? NaN : Number(raw);
    const min = col === "threadId" || col === "layerId" || col === "T" ? 0 : 1;
    if (!Number.isInteger(v) || v < min) {
      issues.push(`row ${row}, column ${col}: expected an integer >= ${min} (got "${raw}")`);
    } else if (col === "T" && v > 3) {
      issues.push(`row ${row}, column T: expected 0 FC, 1 CONV, 2 DSCONV or 3 GEMM (got ${v})`);
    }
    values.push(v);
  });
  return { values, issues };
}

function rowToJob(v: number[]): Job {
  const [threadId, layerId, k, c, y, x, r, s, t] = v;
  const type = JOB_TYPES[t];
  if (type === "GEMM") {
    // Slots K, C, Y hold M, N, Kd; MAESTRO dims are K = N, C = Kd, Y = M.
    return { type, K: c, C: y, Y: k, X: x, R: r, S: s, threadId, layerId };
  }
  return { type, K: k, C: c, Y: y, X: x, R: r, S: s, threadId, layerId };
}

/**
 * Parse an M3E job CSV. A first row starting with "threadId" is taken as a header. Every bad cell
 * is reported with its 1-based row and column name; `source` names the file in the message.
 */
export function parseM3eCsv(text: string, source = "M3E job CSV"): Job[] {
  const jobs: Job[] = [];
  const issues: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const row = i + 1;
    if (line.trim() === "") return;
    if (i === 0 && line.trim().startsWith("threadId")) return;
    const cells = line.split(",");
    if (cells.length !== M3E_COLUMNS.length) {
      issues.push(`row ${row}: expected ${M3E_COLUMNS.length} columns, got ${cells.length}`);
      return;
    }
    const parsed = cellIssues(cells, row);
    if (parsed.issues.length) return void issues.push(...parsed.issues);
    const job = rowToJob(parsed.values);
    issues.push(...jobIssues(job, `row ${row}`));
    jobs.push(job);
  });
  if (issues.length === 0 && jobs.length === 0) issues.push("no job rows");
  if (issues.length) throw new ValidationError(source, issues);
  return jobs;
}

/** One job as an M3E CSV row (GEMM back to M, N, K in the K, C, Y slots). */
export function jobToM3eRow(j: Job): string {
  const t = JOB_TYPES.indexOf(j.type);
  const dims = j.type === "GEMM" ? [j.Y, j.K, j.C, j.X, j.R, j.S] : [j.K, j.C, j.Y, j.X, j.R, j.S];
  return [j.threadId, j.layerId, ...dims, t].join(",");
}

/** Jobs as M3E CSV text (no header, newline-terminated), readable by M3E and `parseM3eCsv`. */
export function toM3eCsv(jobs: readonly Job[]): string {
  return jobs.map(jobToM3eRow).join("\n") + "\n";
}
