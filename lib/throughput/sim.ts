/**
 * Closed-loop, event-driven simulation of multithreaded DPU inference (VART semantics): each of N
 * threads loops CPU pre-processing -> one DPU job -> CPU post-processing -> a serial CPU stage (work
 * that only one thread at a time may run, e.g. a single-instance CPU subgraph; absent by default).
 * Three parts of the time, then: DPU work, CPU work that threads overlap, and serial CPU work.
 * The DPU job blocks its thread without using a CPU (execute_async + wait). The K DPU cores serve jobs first come first
 * served and never preempt them; a job's duration depends on how many cores are busy when it
 * starts (DRAM contention). The C CPU cores are shared by the runnable threads as the OS scheduler
 * time-slices them (processor sharing: each runnable thread gets min(1, C / runnable) of a core).
 * Service times are deterministic, so there is no randomness and no seed. Each event scans the N
 * threads (N is small), which keeps the loop allocation-free.
 */
import { SimClock } from "./sim-state.ts";

/** Inputs of one simulation (seconds, watts). */
export interface SimInput {
  /** CPU seconds before each DPU job (resize, normalize, quantize). */
  preSeconds: number;
  /** CPU seconds after each DPU job (softmax, decoding, NMS, arg-max, CPU subgraphs). */
  postSeconds: number;
  /** CPU seconds per inference that one thread at a time may run (FIFO lock; default 0). */
  serialSeconds?: number;
  /** DPU job seconds when k cores are busy (including this job), index k - 1; length >= dpuCores. */
  dpuSecondsByBusyCores: readonly number[];
  /** Application threads N (>= 1). */
  threads: number;
  /** DPU cores K (>= 1). */
  dpuCores: number;
  /** CPU cores C (>= 1). */
  cpuCores: number;
  /** Power: static board watts, watts of one busy DPU core, watts of one busy CPU core. */
  power: { staticW: number; dpuCoreW: number; cpuCoreW: number };
  /** Completions discarded before measuring (default 10 per thread + 10). */
  warmupInferences?: number;
  /** Completions measured (default 2000). */
  measuredInferences?: number;
}

/** Steady-state results over the measured window. */
export interface SimResult {
  /** Inferences per second. */
  fps: number;
  /** Mean busy fraction of one DPU core, 0..1. */
  dpuUtilization: number;
  /** Mean busy fraction of one CPU core, 0..1. */
  cpuUtilization: number;
  /** Time-averaged board power, watts. */
  averagePowerW: number;
  /** Static energy of the window plus the dynamic energy of the jobs that ended in it, per inference, joules. */
  energyPerInferenceJ: number;
  /** Inferences in the window. */
  inferences: number;
  /** Length of the window, seconds. */
  seconds: number;
}

function check(input: SimInput): void {
  const bad = (field: string, v: unknown, want: string) => {
    throw new RangeError(`simulation: ${field} must be ${want}, got ${v}`);
  };
  const isInt = (v: number, min: number) => Number.isInteger(v) && v >= min;
  if (!isInt(input.threads, 1) || input.threads > 4096) bad("threads", input.threads, "1..4096");
  if (!isInt(input.dpuCores, 1)) bad("dpuCores", input.dpuCores, "an integer >= 1");
  if (!isInt(input.cpuCores, 1)) bad("cpuCores", input.cpuCores, "an integer >= 1");
  for (const f of ["preSeconds", "postSeconds", "serialSeconds"] as const) {
    const v = input[f] ?? 0;
    if (!(v >= 0 && Number.isFinite(v))) bad(f, v, "finite and >= 0");
  }
  const d = input.dpuSecondsByBusyCores;
  if (d.length < input.dpuCores) bad("dpuSecondsByBusyCores.length", d.length, ">= dpuCores");
  d.forEach((s, i) => {
    if (!(s > 0 && Number.isFinite(s))) bad(`dpuSecondsByBusyCores[${i}]`, s, "finite and > 0");
  });
  const w = input.warmupInferences, m = input.measuredInferences;
  if (w !== undefined && !isInt(w, 0)) bad("warmupInferences", w, "an integer >= 0");
  if (m !== undefined && !isInt(m, 1)) bad("measuredInferences", m, "an integer >= 1");
}

/** Run the closed-loop simulation to steady state and measure throughput, utilization, power. */
export function simulate(input: SimInput): SimResult {
  check(input);
  const warmup = input.warmupInferences ?? 10 * input.threads + 10;
  const target = warmup + (input.measuredInferences ?? 2000);
  const s = new SimClock(input, warmup);
  while (s.completed < target) s.step();
  const seconds = s.now - s.windowStart;
  const inferences = s.completed - warmup;
  const p = input.power;
  return {
    fps: inferences / seconds,
    dpuUtilization: s.dpuArea / (seconds * input.dpuCores),
    cpuUtilization: s.cpuArea / (seconds * input.cpuCores),
    averagePowerW: p.staticW + (p.dpuCoreW * s.dpuArea + p.cpuCoreW * s.cpuArea) / seconds,
    energyPerInferenceJ: (p.staticW * seconds + s.jobEnergyJ) / inferences,
    inferences,
    seconds,
  };
}
