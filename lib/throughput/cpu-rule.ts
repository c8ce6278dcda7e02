/**
 * CPU pre/post-processing time of a CNN from its input resolution and task: a physical rule
 * (resize, normalise and quantise touch every input pixel; decoding, NMS and per-pixel arg-max
 * scale with the output maps, which scale with the input) calibrated on the real Vitis AI data.
 *
 * Calibration: on one-DPU-core boards (KV260), each measured model gives its CPU seconds as
 * 1/fps_1thread - 1/fps_multithread (the multithreaded loop is DPU-bound, so 1/fps_N is the DPU job
 * time). The rule's rate for a task is the median of CPU seconds / input pixels over that task's
 * rows (median: a few models run whole subgraphs on the CPU and must not set the rate).
 * Pre-processing is the classification rate (every task resizes and normalises its input, and a
 * classifier's own post-processing, a softmax, is negligible); post-processing is the rest.
 */
import { medianOf } from "./stats.ts";
import type { PerfRow } from "./perf-csv.ts";
import { CNN_TASKS, type CnnTask } from "./task.ts";

/** CPU seconds per input pixel, for pre-processing and per task for post-processing. */
export interface CpuRule {
  preSecondsPerPixel: number;
  postSecondsPerPixel: Record<CnnTask, number>;
  /** Rows behind each task's rate (for the record). */
  rowsPerTask: Record<CnnTask, number>;
}

/** CPU seconds of one inference, split into pre and post. */
export function cpuSeconds(rule: CpuRule, task: CnnTask, inputPixels: number): {
  preSeconds: number;
  postSeconds: number;
} {
  return {
    preSeconds: rule.preSecondsPerPixel * inputPixels,
    postSeconds: rule.postSecondsPerPixel[task] * inputPixels,
  };
}

/** CPU seconds a one-core row reveals (1/fps_1 - 1/fps_N, kept within 1-99 % of 1/fps_1), or null. */
export function rowCpuSeconds(r: PerfRow): number | null {
  if (r.dpuCores !== 1 || !r.fps1Thread || !r.fpsMultithread) return null;
  const t1 = 1 / r.fps1Thread;
  return Math.min(0.99 * t1, Math.max(0.01 * t1, t1 - 1 / r.fpsMultithread));
}

/** Fit the rule on measured rows (only one-core rows with both fps figures and an input size count). */
export function fitCpuRule(rows: PerfRow[]): CpuRule {
  const perTask = new Map<CnnTask, number[]>();
  for (const r of rows) {
    const cpu = rowCpuSeconds(r);
    if (cpu === null || !r.inputPixels) continue;
    if (!perTask.has(r.task)) perTask.set(r.task, []);
    perTask.get(r.task)!.push(cpu / r.inputPixels);
  }
  const cls = perTask.get("classification");
  if (!cls?.length) {
    throw new RangeError("fitCpuRule: no one-core classification rows to calibrate on");
  }
  const pre = medianOf(cls);
  const all = [...perTask.values()].flat();
  const rate = (t: CnnTask) => medianOf(perTask.get(t)?.length ? perTask.get(t)! : all);
  const post = Object.fromEntries(CNN_TASKS.map((t) => [t, Math.max(0, rate(t) - pre)]));
  const counts = Object.fromEntries(CNN_TASKS.map((t) => [t, perTask.get(t)?.length ?? 0]));
  return {
    preSecondsPerPixel: pre,
    postSecondsPerPixel: post as Record<CnnTask, number>,
    rowsPerTask: counts as Record<CnnTask, number>,
  };
}
