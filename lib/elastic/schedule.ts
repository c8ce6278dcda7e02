/**
 * Schedules of a job list (each job: a model and a number of images) as a sequence of phases. In a
 * phase every running job owns a sub-machine (PEs + bandwidth) and streams images through it at
 * its steady-state rate (pipeline fill and drain are neglected: jobs are long). A phase that
 * re-partitions the pool first loses the reconfiguration time, with no engine running.
 *
 * A re-partition is charged only when the configuration changes: the machine starts as the
 * baseline's one monolithic engine, and a phase pays the reconfiguration time only if one of its
 * engines (sub-machine and conv/FC split, see `configurationKey`) was not configured before.
 *
 * `sequentialSchedule` runs the jobs one after another on the whole machine under one policy.
 */
import { ValidationError } from "../validate.ts";
import type { NetworkDemand } from "./demand.ts";
import { type ElasticHardware, reconfigurationSeconds } from "./hardware.ts";
import { checkSplitArgs, type Machine, type Split, wholeMachine } from "./split.ts";

/** A model and how many images of it to process. */
export interface Job {
  demand: NetworkDemand;
  images: number;
}

/** One job's resources during a phase and what it does with them. */
export interface Allocation {
  job: string;
  machine: Machine;
  split: Split;
  imagesPerSecond: number;
}

/** An interval in which the allocation of the pool does not change. */
export interface Phase {
  /** When the phase starts (its re-partition, if any, comes first), seconds. */
  startSeconds: number;
  /** Seconds lost re-partitioning at the start of the phase. */
  reconfigureSeconds: number;
  /** When the phase ends, seconds. */
  endSeconds: number;
  /** Jobs that hold resources in this phase. */
  allocations: Allocation[];
}

/** A whole schedule. */
export interface Schedule {
  phases: Phase[];
  makespanSeconds: number;
  images: number;
  /** Images of all jobs / makespan. */
  imagesPerSecond: number;
}

/** How a policy uses a machine for one model, given the batch size. */
export type Policy = (d: NetworkDemand, machine: Machine) => Split;

/** Options of `sequentialSchedule`. */
export interface SequentialOptions {
  /**
   * Pay the reconfiguration time before a job whose split differs from the previous one (the
   * first job: from the monolithic engine); true for an elastic design; default false.
   */
  reconfigure?: boolean;
}

/** The configuration of the whole machine as one monolithic engine (where every schedule starts). */
export const MONOLITHIC_CONFIGURATION = "monolithic";

/**
 * A key that is equal for two allocations exactly when the hardware is configured the same: the
 * sub-machine (PEs, bandwidth) and its split (mode, conv PEs, conv bandwidth share). A monolithic
 * engine on the whole machine is MONOLITHIC_CONFIGURATION.
 */
export function configurationKey(machine: Machine, split: Split, whole: Machine): string {
  const isWhole = machine.pes === whole.pes &&
    machine.bandwidthBytesPerSecond === whole.bandwidthBytesPerSecond;
  if (isWhole && split.mode === "monolithic") return MONOLITHIC_CONFIGURATION;
  return `${machine.pes}:${machine.bandwidthBytesPerSecond}:${split.mode}:${split.convPes}:` +
    `${split.convBandwidthShare}`;
}

/** Check a job list: at least one job, positive finite image counts, some MACs per job. */
export function checkJobs(jobs: readonly Job[]): void {
  if (jobs.length === 0) throw new ValidationError("schedule jobs", ["no jobs given"]);
  const issues: string[] = [];
  jobs.forEach((j, i) => {
    if (!(j.images > 0) || !Number.isFinite(j.images)) {
      const what = `jobs[${i}].images (${j.demand.name})`;
      issues.push(`${what}: must be positive and finite (got ${j.images})`);
    }
    const macs = [...j.demand.conv, ...j.demand.fc].reduce((s, l) => s + l.macsPerImage, 0);
    if (!(macs > 0)) issues.push(`jobs[${i}] (${j.demand.name}): no MACs to run`);
  });
  if (issues.length) throw new ValidationError("schedule jobs", issues);
}

/** Assemble a schedule from its phases. */
export function makeSchedule(phases: Phase[], jobs: readonly Job[]): Schedule {
  const images = jobs.reduce((s, j) => s + j.images, 0);
  const makespanSeconds = phases.length ? phases[phases.length - 1].endSeconds : 0;
  return { phases, makespanSeconds, images, imagesPerSecond: images / makespanSeconds };
}

/** Run the jobs one after another, each alone on the whole machine under `policy`. */
export function sequentialSchedule(
  jobs: readonly Job[],
  hw: ElasticHardware,
  batch: number,
  policy: Policy,
  opts: SequentialOptions = {},
): Schedule {
  checkJobs(jobs);
  const machine = wholeMachine(hw);
  checkSplitArgs("sequentialSchedule arguments", batch, machine);
  const reconfigure = opts.reconfigure ? reconfigurationSeconds(hw) : 0;
  const phases: Phase[] = [];
  let t = 0;
  let config = MONOLITHIC_CONFIGURATION;
  for (const j of jobs) {
    const split = policy(j.demand, machine);
    const key = configurationKey(machine, split, machine);
    const r = key === config ? 0 : reconfigure;
    config = key;
    const rate = Number.isFinite(split.batchSeconds) ? batch / split.batchSeconds : 0;
    const end = t + r + j.images / rate;
    phases.push({
      startSeconds: t,
      reconfigureSeconds: r,
      endSeconds: end,
      allocations: [{ job: j.demand.name, machine, split, imagesPerSecond: rate }],
    });
    t = end;
  }
  return makeSchedule(phases, jobs);
}
