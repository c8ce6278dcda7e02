/**
 * Rows of a DPU performance CSV shaped like the Vitis AI model-zoo table
 * (data/vitis-ai-modelzoo-perf.csv): board, DPU size / cores / clock, model characteristics and the
 * measured single- and multi-thread throughput. Every cell is checked with zod; an error names the
 * row, the line, the column and the value.
 */
import { z } from "zod";
import { ValidationError } from "../validate.ts";
import { type CsvRecord, parseCsv } from "./csv.ts";
import { DPU_SIZES, type DpuSize, dpuSize } from "../arch/dpu/sizes.ts";
import type { EstimatorSample } from "./estimator.ts";
import { CNN_TASKS, type CnnTask, inferTask } from "./task.ts";

/** One validated performance row. */
export interface PerfRow {
  /** 1-based data row and file line (for messages). */
  row: number;
  line: number;
  name: string;
  board: string;
  dpu: DpuSize;
  dpuCores: number;
  dpuMhz: number;
  task: CnnTask;
  /** Operations per image (2 per MAC), in units of 1e9; undefined when not given. */
  gopsPerImage?: number;
  /** Input height x width in pixels; undefined when not given. */
  inputPixels?: number;
  fps1Thread?: number;
  fpsMultithread?: number;
  /** Threads of this row's multi-thread measurement, when the CSV says. */
  threads?: number;
  vaiVersion?: string;
}

/** At most this many problems are listed in one error. */
const MAX_ISSUES = 25;

/** Columns a performance CSV must have. */
export const REQUIRED_COLUMNS = ["name", "board", "dpu_arch", "dpu_cores", "dpu_mhz"] as const;

/**
 * The first HEIGHTxWIDTH in a cell ("224x224", "224x224x3", or a note that contains one). A sign is
 * captured so that "-224x224" is rejected as a negative height, not read as 224.
 */
const HW = /(-?\d+)x(-?\d+)/;
/** No zero or negative dimension (a cell without HEIGHTxWIDTH is left to the regex check). */
const positiveDims = (s: string) => {
  const m = HW.exec(s);
  return m === null || (Number(m[1]) > 0 && Number(m[2]) > 0);
};
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const num = (inner: z.ZodNumber) => z.preprocess(blank, z.coerce.number().pipe(inner).optional());
const positive = num(z.number().positive().finite());

const RowSchema = z.object({
  name: z.string().trim().min(1),
  board: z.string().trim().min(1),
  dpu_arch: z.string().refine(
    (a) => DPU_SIZES.some((s) => new RegExp(`${s.arch}(?!\\d)`).test(a)),
    {
      message: `not a DPUCZDX8G size (${DPU_SIZES.map((s) => s.arch).join(", ")})`,
    },
  ),
  dpu_cores: z.coerce.number().pipe(z.number().int().min(1).max(4)),
  dpu_mhz: z.coerce.number().pipe(z.number().positive().max(1000)),
  gops_per_image: positive,
  fps_1thread: positive,
  fps_multithread: positive,
  threads: num(z.number().int().min(1).max(4096)),
  input_hw: z.preprocess(
    blank,
    z.string()
      .regex(HW, "expected HEIGHTxWIDTH[xCHANNELS], e.g. 224x224x3")
      .refine(positiveDims, "height and width must be positive")
      .optional(),
  ),
  task: z.preprocess(blank, z.enum(CNN_TASKS).optional()),
  note: z.string().optional(),
  vai_version: z.string().optional(),
});

function toRow(r: CsvRecord, v: z.infer<typeof RowSchema>): PerfRow {
  const m = v.input_hw ? HW.exec(v.input_hw) : null;
  const hw = m ? [Number(m[1]), Number(m[2])] : undefined;
  return {
    row: r.row,
    line: r.line,
    name: v.name,
    board: v.board,
    dpu: dpuSize(v.dpu_arch),
    dpuCores: v.dpu_cores,
    dpuMhz: v.dpu_mhz,
    task: v.task ?? inferTask(v.name, v.note ?? ""),
    gopsPerImage: v.gops_per_image,
    inputPixels: hw ? hw[0] * hw[1] : undefined,
    fps1Thread: v.fps_1thread,
    fpsMultithread: v.fps_multithread,
    threads: v.threads,
    vaiVersion: v.vai_version,
  };
}

/**
 * Parse a performance CSV. Throws one ValidationError listing every problem: missing columns,
 * bad cells ("row 3 (line 4), column dpu_cores: ... (got "x")"), and rows with neither
 * fps_1thread nor gops_per_image (nothing to predict from).
 */
export function parsePerfCsv(text: string, source = "performance CSV"): PerfRow[] {
  const table = parseCsv(text, source);
  const missing = REQUIRED_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new ValidationError(source, missing.map((c) => `header: missing column "${c}"`));
  }
  const issues: string[] = [];
  const rows: PerfRow[] = [];
  for (const r of table.records) {
    const rec: Record<string, string> = {};
    table.header.forEach((h, i) => (rec[h] = r.cells[i]));
    const at = `row ${r.row} (line ${r.line})`;
    const res = RowSchema.safeParse(rec);
    if (!res.success) {
      for (const i of res.error.issues) {
        const col = String(i.path[0] ?? "(row)");
        issues.push(`${at}, column ${col}: ${i.message} (got ${JSON.stringify(rec[col] ?? "")})`);
      }
      continue;
    }
    const row = toRow(r, res.data);
    if (row.fps1Thread === undefined && row.gopsPerImage === undefined) {
      issues.push(`${at}, columns fps_1thread and gops_per_image: both empty, need one`);
      continue;
    }
    rows.push(row);
  }
  if (issues.length > MAX_ISSUES) {
    issues.splice(MAX_ISSUES, issues.length, `... and ${issues.length - MAX_ISSUES} more problems`);
  }
  if (issues.length) throw new ValidationError(source, issues);
  return rows;
}

/** Threads assumed for a row's multi-thread figure when the CSV does not say (Vitis AI examples use -t 8). */
export const DEFAULT_THREADS = 8;

/** The estimator's view of a row; `threads` overrides the row's own thread count. */
export function rowToSample(r: PerfRow, threads?: number): EstimatorSample {
  return {
    name: r.name,
    board: r.board,
    task: r.task,
    dpu: r.dpu,
    dpuCores: r.dpuCores,
    dpuMhz: r.dpuMhz,
    threads: threads ?? r.threads ?? DEFAULT_THREADS,
    fps1Thread: r.fps1Thread,
    gopsPerImage: r.gopsPerImage,
    inputPixels: r.inputPixels,
    fpsMeasured: r.fpsMultithread,
  };
}
