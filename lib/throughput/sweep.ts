/**
 * The design-space sweep of the study: every network x DPU size x core count x thread count through
 * the closed-loop simulation, with gains relative to one thread on the same configuration.
 */
import type { Network } from "../workload/layer.ts";
import { type CpuRule, cpuSeconds } from "./cpu-rule.ts";
import { type DpuConfig, parseDpuConfig } from "../arch/dpu/sizes.ts";
import type { Platform } from "../arch/dpu/platform.ts";
import { powerModel } from "../arch/dpu/power.ts";
import { type DpuCalibration, type NetworkProfile, profileNetwork } from "../arch/dpu/job.ts";
import type { CpuWork } from "./model-cpu.ts";
import { simulate } from "./sim.ts";
import { cnnTask } from "./task.ts";

/** Options of `sweepDesignSpace`. */
export interface SweepOptions {
  /** DPU sizes (e.g. ["B1024", "B2304", "B4096"]). */
  sizes: string[];
  /** Core counts 1..maxCores. */
  maxCores: number;
  /** Thread counts 1..maxThreads. */
  maxThreads: number;
  /** DPU clock, MHz. */
  mhz: number;
  platform: Platform;
  calibration: DpuCalibration;
  cpuRule: CpuRule;
  /** Measured CPU work of some networks by name (model-cpu.ts); the others get `cpuRule`. */
  cpuWork?: ReadonlyMap<string, CpuWork>;
  /** Completions measured per simulation (default: the simulator's default). */
  measuredInferences?: number;
}

/** One simulated design point. */
export interface SweepRow {
  model: string;
  task: string;
  arch: string;
  cores: number;
  threads: number;
  fps: number;
  /** fps / fps with one thread on the same size and core count. */
  gain: number;
  averagePowerW: number;
  energyPerInferenceJ: number;
  /** Energy per inference with one thread / with these threads (same size and cores). */
  energyGain: number;
  dpuUtilization: number;
  cpuUtilization: number;
}

/** Per network and size: the profile and CPU times the sweep used. */
export interface SweepModel {
  model: string;
  task: string;
  arch: string;
  profile: NetworkProfile;
  preSeconds: number;
  postSeconds: number;
  /** CPU seconds run one thread at a time (0 unless measured). */
  serialSeconds: number;
}

function runConfig(
  p: NetworkProfile,
  cpu: CpuWork,
  dpu: DpuConfig,
  opts: SweepOptions,
): SweepRow[] {
  const rows: SweepRow[] = [];
  const power = powerModel(opts.platform, dpu);
  for (let n = 1; n <= opts.maxThreads; n++) {
    const r = simulate({
      ...cpu,
      dpuSecondsByBusyCores: p.dpuSecondsByBusyCores,
      threads: n,
      dpuCores: dpu.cores,
      cpuCores: opts.platform.cpuCores,
      power,
      measuredInferences: opts.measuredInferences,
    });
    const base = rows[0] ?? { fps: r.fps, energyPerInferenceJ: r.energyPerInferenceJ };
    rows.push({
      model: p.name,
      task: p.task,
      arch: dpu.size.arch,
      cores: dpu.cores,
      threads: n,
      fps: r.fps,
      gain: r.fps / base.fps,
      averagePowerW: r.averagePowerW,
      energyPerInferenceJ: r.energyPerInferenceJ,
      energyGain: base.energyPerInferenceJ / r.energyPerInferenceJ,
      dpuUtilization: r.dpuUtilization,
      cpuUtilization: r.cpuUtilization,
    });
  }
  return rows;
}

/** Simulate every network on every size, core count and thread count; rows in a fixed order. */
export function sweepDesignSpace(
  networks: Network[],
  opts: SweepOptions,
): { rows: SweepRow[]; models: SweepModel[] } {
  const rows: SweepRow[] = [], models: SweepModel[] = [];
  for (const net of networks) {
    const pixels = net.input.h * net.input.w;
    const cpu = opts.cpuWork?.get(net.name) ??
      { ...cpuSeconds(opts.cpuRule, cnnTask(net.task), pixels), serialSeconds: 0 };
    for (const arch of opts.sizes) {
      const full = parseDpuConfig({ arch, cores: opts.maxCores, mhz: opts.mhz });
      const p = profileNetwork(net, full, opts.platform, opts.calibration);
      models.push({ model: net.name, task: net.task, arch, profile: p, ...cpu });
      for (let k = 1; k <= opts.maxCores; k++) {
        rows.push(...runConfig(p, cpu, { ...full, cores: k }, opts));
      }
    }
  }
  return { rows, models };
}
