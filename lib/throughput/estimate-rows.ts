/** Predictions for the rows of a performance CSV (what `deno task estimate` prints). */
import { type Estimator, predict } from "./estimator.ts";
import { type PerfRow, rowToSample } from "./perf-csv.ts";

/** One row's prediction, with the measurement when the CSV has one. */
export interface RowPrediction {
  name: string;
  board: string;
  arch: string;
  cores: number;
  mhz: number;
  threads: number;
  fps1Thread?: number;
  predictedFps: number;
  /** Which ceiling binds: threads, DPU cores or CPU cores. */
  bound: string;
  measuredFps?: number;
  /** Absolute percentage error against `measuredFps`. */
  apePercent?: number;
}

/** Predict every row with `est`; `threads` overrides each row's own thread count (default 8). */
export function predictRows(est: Estimator, rows: PerfRow[], threads?: number): RowPrediction[] {
  return rows.map((r) => {
    const s = rowToSample(r, threads);
    const p = predict(est, s);
    const m = r.fpsMultithread;
    return {
      name: r.name,
      board: r.board,
      arch: r.dpu.arch,
      cores: r.dpuCores,
      mhz: r.dpuMhz,
      threads: s.threads,
      fps1Thread: r.fps1Thread,
      predictedFps: p.fps,
      bound: p.bound,
      measuredFps: m,
      apePercent: m ? (100 * Math.abs(p.fps - m)) / m : undefined,
    };
  });
}
