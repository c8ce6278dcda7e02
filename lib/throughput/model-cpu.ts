/**
 * Per-model CPU work from a measurement: the third source of time beside the DPU job and the generic
 * CPU rule. For a CNN measured on a one-DPU-core board (T1 = 1/fps_1thread, B = 1/fps_multithread),
 * B is the one-at-a-time bottleneck and T1 - B the rest. If the same model on a two-core board
 * gains less than sqrt(2) x its one-core gain, the second DPU core did not help, so B is CPU work
 * that runs one job at a time (a serial stage) and the rest, T1 - B, is DPU time plus overlappable
 * CPU work; otherwise B is the DPU job and T1 - B is overlappable CPU work. The overlappable CPU
 * part is split into pre-processing (the generic rule's, at most) and post-processing.
 */
import { MULTI_CORE_HELPS } from "./estimator-fit.ts";
import type { PerfRow } from "./perf-csv.ts";

/** CPU seconds of one inference in the three-part time model. */
export interface CpuWork {
  preSeconds: number;
  postSeconds: number;
  /** CPU seconds that one thread at a time may run. */
  serialSeconds: number;
}

/**
 * CPU work of the model measured by `oneCore` (a one-DPU-core row with both fps figures), using
 * `multiCore` (the same model on more cores, same release) when given. `rulePreSeconds` caps the
 * pre-processing share. With a serial stage, the DPU time is left to the DPU model: the
 * overlappable CPU part is then what the generic rule gives (`ruleSeconds`), at most T1 - B.
 */
export function measuredCpuWork(
  oneCore: PerfRow,
  multiCore: PerfRow | undefined,
  rulePreSeconds: number,
  ruleSeconds: number,
): CpuWork {
  if (oneCore.dpuCores !== 1 || !oneCore.fps1Thread || !oneCore.fpsMultithread) {
    throw new RangeError(
      `measuredCpuWork: row ${oneCore.row} (${oneCore.name}) needs one DPU core and both fps figures`,
    );
  }
  const t1 = 1 / oneCore.fps1Thread, b = 1 / oneCore.fpsMultithread;
  const g1 = t1 / b;
  const g2 = multiCore?.fps1Thread && multiCore.fpsMultithread
    ? multiCore.fpsMultithread / multiCore.fps1Thread
    : undefined;
  const serial = g2 !== undefined && g2 < MULTI_CORE_HELPS * g1;
  const overlappable = serial ? Math.min(ruleSeconds, t1 - b) : Math.max(0, t1 - b);
  const pre = Math.min(rulePreSeconds, overlappable);
  return { preSeconds: pre, postSeconds: overlappable - pre, serialSeconds: serial ? b : 0 };
}
