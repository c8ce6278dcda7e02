/** `map`: map a job group onto a multi-core accelerator with one of the study C optimizers. */
import type { Job } from "../mapping/job.ts";
import { parseM3eCsv } from "../mapping/m3e-csv.ts";
import { type TaskName, TASKS } from "../mapping/tasks.ts";
import { getOptimizer, OPTIMIZERS } from "../mapping/optimizers/registry.ts";
import { makeProblem } from "../mapping/problem.ts";
import { type MappingReport, mappingReport } from "../mapping/report.ts";
import { getSetting, SETTING_IDS } from "../mapping/settings.ts";
import { type Command, intFlag, parseFlags, UsageError } from "./args.ts";

const fmt = (
  x: number,
) => (Math.abs(x) >= 1e6 ? x.toExponential(4) : String(Number(x.toPrecision(6))));

function textReport(r: MappingReport, head: string): string {
  const lines = [
    head,
    `makespan ${fmt(r.makespanCycles)} cycles (lower bound ${fmt(r.lowerBoundCycles)})`,
    `throughput ${fmt(r.throughputJobsPerMCycle)} jobs/Mcycle, ${
      fmt(r.groupsPerSecondAt1GHz)
    } groups/s at 1 GHz`,
    `core balance ${r.coreBalance.toFixed(3)}, bandwidth utilization ${r.bwUtilization.toFixed(3)}`,
    "core  style      jobs  finish(cycles)  no-stall(cycles)  run order (job indices)",
  ];
  for (const c of r.cores) {
    lines.push(
      `${String(c.core).padEnd(4)}  ${c.label.padEnd(9)}  ${String(c.jobs.length).padStart(4)}  ` +
        `${fmt(c.finishCycles).padStart(14)}  ${fmt(c.noStallCycles).padStart(16)}  ${
          c.jobs.join(" ")
        }`,
    );
  }
  return lines.join("\n");
}

/** The jobs of --jobs FILE, or of a --task group (the zoo is loaded only for --task). */
async function loadJobs(
  file: string | undefined,
  task: string | undefined,
  groupSeed: number,
): Promise<Job[]> {
  if ((file === undefined) === (task === undefined)) {
    throw new UsageError("give exactly one of --jobs FILE or --task " + TASKS.join("|"));
  }
  if (file !== undefined) return parseM3eCsv(Deno.readTextFileSync(file), file);
  if (!TASKS.includes(task as TaskName)) {
    throw new UsageError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  }
  const { sampleJobGroup } = await import("../mapping/groups.ts");
  return sampleJobGroup(task as TaskName, { seed: groupSeed });
}

function positiveNumber(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new UsageError(`--${name} must be a positive number, got "${v}"`);
  }
  return n;
}

function lookup<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const map: Command = {
  summary: "map a job group (M3E CSV or a zoo task) onto cores with MAGMA or a baseline",
  usage: `usage: deno task map (--jobs FILE | --task TASK) [options]
  --jobs FILE        M3E job CSV: threadId,layerId,K,C,Y,X,R,S,T (T 0 FC, 1 CONV, 2 DSCONV, 3 GEMM)
  --task TASK        instead of a file: a 100-job group sampled from the zoo (${TASKS.join(", ")})
  --group-seed N     seed of the --task draw (default 0)
  --setting S        accelerator setting ${SETTING_IDS.join(", ")} (default S2)
  --bw N             system bandwidth, bytes/cycle = GB/s at 1 GHz (default 16)
  --optimizer NAME   ${OPTIMIZERS.map((o) => o.name).join(", ")} (default magma)
  --samples N        fitness evaluations (default 10000)
  --seed N           optimizer seed (default 0)
  --json             print { makespanCycles, throughputJobsPerMCycle, cores: [...], ... } as JSON`,
  async run(args) {
    const { values: v } = parseFlags(args, {
      jobs: { type: "string" },
      task: { type: "string" },
      "group-seed": { type: "string" },
      setting: { type: "string" },
      bw: { type: "string" },
      optimizer: { type: "string" },
      samples: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    });
    if (v.help) return console.log(this.usage), 0;
    const setting = lookup(() => getSetting(v.setting ?? "S2"));
    const optimizer = lookup(() => getOptimizer(v.optimizer ?? "magma"));
    const bw = positiveNumber("bw", v.bw, 16);
    const samples = intFlag("samples", v.samples, 10_000);
    if (samples < 1) throw new UsageError(`--samples must be at least 1 (got ${samples})`);
    const seed = intFlag("seed", v.seed, 0);
    const jobs = await loadJobs(v.jobs, v.task, intFlag("group-seed", v["group-seed"], 0));
    const problem = makeProblem(jobs, setting.cores, bw);
    const report = mappingReport(problem, optimizer.optimize(problem, samples, seed));
    if (v.json) {
      console.log(
        JSON.stringify({
          ...report,
          setting: setting.id,
          systemBwBytesPerCycle: bw,
          seed,
          jobs: jobs.length,
        }),
      );
    } else {
      const src = v.jobs ?? `zoo task ${v.task}`;
      console.log(
        textReport(
          report,
          `${jobs.length} jobs (${src}) on ${setting.id}: ${setting.description}, ` +
            `${bw} B/cycle, ${optimizer.name}, ${report.samples} samples, seed ${seed}`,
        ),
      );
    }
    return 0;
  },
};
