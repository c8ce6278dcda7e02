/**
 * Options of study E (CNN throughput under multithreaded and multi-accelerator execution), parsed
 * with zod. The defaults were fixed before any result was looked at: the three DPU sizes, thread
 * range (Vitis AI examples use -t 1..8) and core range (up to 3 cores, as on ZCU102) come from the
 * study summary. The models are the study set (`studySet`): a COTS-DPU study of about a hundred
 * CNNs is, most likely, a study of the vendor's model zoo, so the set follows the task mix of the
 * Vitis AI model zoo rather than our zoo's, which is mostly classifiers.
 */
import { z } from "zod";
import { DPU_SIZES } from "../../arch/dpu/sizes.ts";
import { parseWith, ValidationError } from "../../validate.ts";
import { cnnNames, listModels } from "../../workload/zoo/mod.ts";
import { cnnTask } from "../../throughput/task.ts";
import { loadVitisRows } from "./data.ts";

const sizeName = z.string().refine((s) => DPU_SIZES.some((d) => d.arch === s), {
  message: `not a DPU size (${DPU_SIZES.map((d) => d.arch).join(", ")})`,
});

export const CnnThroughputOptionsSchema = z.object({
  /** Zoo CNNs to characterise (default: the study set, `studySet()`). */
  models: z.array(z.string().min(1)).min(1).optional(),
  /** DPU sizes (default B1024, B2304, B4096: small, middle, largest). */
  sizes: z.array(sizeName).min(1).default(["B1024", "B2304", "B4096"]),
  /** Threads 1..maxThreads (default 8). */
  maxThreads: z.number().int().min(1).max(64).default(8),
  /** DPU cores 1..maxCores (default 3; PG338 allows 4). */
  maxCores: z.number().int().min(1).max(4).default(3),
  /** DPU clock in MHz (default 300, the ZCU104 and KV260 clock). */
  mhz: z.number().positive().max(1000).default(300),
  /** Models of the throughput-vs-threads figure. */
  representative: z.array(z.string().min(1)).min(1).default([
    "mobilenet_v2",
    "resnet50",
    "yolov3",
    "lraspp_mobilenet_v3_large",
  ]),
  /** Cross-validation folds of the estimator (by CNN name). */
  folds: z.number().int().min(2).max(20).default(5),
  /**
   * Give zoo CNNs matched to a Vitis AI model their measured CPU work (with a serial stage where
   * the two-core board shows one) instead of the generic rule (default true).
   */
  measuredCpuWork: z.boolean().default(true),
  /** Completions measured per simulation. */
  measuredInferences: z.number().int().min(50).default(2000),
});
export type CnnThroughputOptionsInput = z.input<typeof CnnThroughputOptionsSchema>;

/** Parsed options with the model list resolved. */
export type CnnThroughputOptions = z.infer<typeof CnnThroughputOptionsSchema> & {
  models: string[];
};

/** A smaller run for smoke tests (`--quick`): a dozen CNNs of different kinds, shorter windows. */
export const quickCnnThroughputOptions: CnnThroughputOptionsInput = {
  models: [
    "mobilenet_v2",
    "mobilenet_v1_0.5_160",
    "resnet18",
    "resnet50",
    "googlenet",
    "squeezenet1_1",
    "vgg16",
    "efficientnet_b0",
    "yolov3",
    "yolov3_tiny",
    "ssd_mobilenet_v1",
    "lraspp_mobilenet_v3_large",
  ],
  measuredInferences: 400,
};

/**
 * Parse options; a bad field, including a model name that is not a zoo CNN (in `models` or
 * `representative`), throws a ValidationError naming the field and its value.
 */
export function parseCnnThroughputOptions(input: unknown = {}): CnnThroughputOptions {
  const what = "cnn-throughput options";
  const o = parseWith(CnnThroughputOptionsSchema, input, what);
  const known = cnnNames();
  const models = o.models ?? studySet();
  const issues: string[] = [];
  const check = (field: string, names: string[]) =>
    names.forEach((m, i) => {
      if (!known.includes(m)) {
        issues.push(`${field}[${i}]: not a zoo CNN (got ${JSON.stringify(m)})`);
      }
    });
  check("models", models);
  check("representative", o.representative);
  if (issues.length) throw new ValidationError(what, issues);
  return { ...o, models };
}

/** Share of classifiers among the distinct model names of the Vitis AI rows (0..1). */
export function vitisClassifierShare(): number {
  const names = new Map(loadVitisRows().map((r) => [r.name, r.task]));
  return [...names.values()].filter((t) => t === "classification").length / names.size;
}

/**
 * The study set, fixed by rule before any result: every zoo CNN that is not a classifier
 * (detection, segmentation, pose, restoration: the kinds a vendor zoo carries and our zoo has
 * few of), plus classifiers until their share equals the Vitis AI zoo's share of classifiers.
 * Classifiers are drawn one family at a time in catalogue order (the first member of every
 * family, then the second, ...), so no family (16 MobileNet v1 width/resolution variants) fills
 * the quota. Names in catalogue order.
 */
export function studySet(): string[] {
  const cnns = listModels().filter((m) => m.domain === "cnn");
  const isClassifier = (m: (typeof cnns)[number]) => cnnTask(m.task) === "classification";
  const others = cnns.filter((m) => !isClassifier(m));
  const p = vitisClassifierShare();
  const quota = Math.round((others.length * p) / (1 - p));
  const families = new Map<string, string[]>();
  for (const m of cnns.filter(isClassifier)) {
    if (!families.has(m.family)) families.set(m.family, []);
    families.get(m.family)!.push(m.name);
  }
  const picked = new Set<string>();
  for (let round = 0; picked.size < quota; round++) {
    let any = false;
    for (const members of families.values()) {
      if (round < members.length && picked.size < quota) {
        picked.add(members[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return cnns.filter((m) => picked.has(m.name) || !isClassifier(m)).map((m) => m.name);
}
