/**
 * Job groups of the four M3E tasks sampled from the project's zoo with a seed. M3E's groups hold
 * 100 jobs drawn with replacement from layer lists of ImageNet CNNs (Vision), transformer GEMMs at
 * sequence length 20 (Language), recommendation MLPs (Recommendation) and all three (Mix)
 * (C-magma.md section 5). Ours: each job picks a model uniformly from its task's list (for Mix:
 * a task uniformly, then a model), then one of that model's MAC layers uniformly. The model lists
 * are the zoo's counterparts of the models C-magma.md infers from M3E's layer shapes. Vision
 * jobs are the CNNs' conv layers only, since M3E's Vision groups hold only CONV and DSCONV jobs
 * (their classifier FC layers are not in them).
 */
import { getNetwork } from "../workload/zoo/mod.ts";
import type { Job } from "./job.ts";
import { networkJobs } from "./layer-jobs.ts";
import { Rng } from "../random.ts";

import { type TaskName, TASKS } from "./tasks.ts";
export { type TaskName, TASKS };

/** Zoo models per task (Mix draws from all three). */
export const TASK_MODELS: Record<Exclude<TaskName, "mix">, string[]> = {
  vision: [
    "resnet50",
    "resnext50_32x4d",
    "wide_resnet50_2",
    "mobilenet_v2",
    "mnasnet1_0",
    "shufflenet_v2_x1_0",
    "googlenet",
    "densenet161",
    "efficientnet_b0",
    "vgg16",
    "alexnet",
  ],
  language: ["bert_base", "bert_large", "gpt2", "gpt2_medium"],
  recommendation: ["dlrm", "ncf", "wide_and_deep"],
};

/** Sequence length of the language models: M3E's language GEMMs have M = 20. */
export const LANGUAGE_SEQ_LEN = 20;

/** Options of `sampleJobGroup`. */
export interface GroupOptions {
  /** Jobs in the group (default 100, as M3E's groups). */
  jobs?: number;
  /** Seed of the draw (default 0). */
  seed?: number;
}

const cache = new Map<string, Job[]>();

function modelJobs(name: string, threadId: number, convOnly: boolean): Job[] {
  const key = `${name}:${convOnly}`;
  let jobs = cache.get(key);
  if (!jobs) {
    jobs = networkJobs(getNetwork(name, { seqLen: LANGUAGE_SEQ_LEN }), 0);
    if (convOnly) jobs = jobs.filter((j) => j.type === "CONV" || j.type === "DSCONV");
    cache.set(key, jobs);
  }
  return jobs.map((j) => ({ ...j, threadId }));
}

/** A seeded job group for `task`; threadId = 1 + the model's index in its task list. */
export function sampleJobGroup(task: TaskName, opts: GroupOptions = {}): Job[] {
  const n = opts.jobs ?? 100;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`jobs must be a positive integer (got ${n})`);
  }
  if (!TASKS.includes(task)) {
    throw new RangeError(`unknown task "${task}" (known: ${TASKS.join(", ")})`);
  }
  const rng = new Rng(opts.seed ?? 0);
  const kinds = ["vision", "language", "recommendation"] as const;
  const out: Job[] = [];
  for (let i = 0; i < n; i++) {
    const t = task === "mix" ? kinds[rng.int(3)] : task;
    const models = TASK_MODELS[t];
    const m = rng.int(models.length);
    const jobs = modelJobs(models[m], m + 1, t === "vision");
    out.push(jobs[rng.int(jobs.length)]);
  }
  return out;
}
