/**
 * The task of a Vitis AI model-zoo entry, which decides its CPU post-processing (softmax for
 * classification, box decoding + NMS for detection, per-pixel arg-max for segmentation...).
 * The 3.0 rows name it in `note` ("task=Object Detection"); older rows only have the zoo name,
 * whose dataset and family words identify the task (e.g. "imagenet", "yolo", "cityscapes").
 */
import type { Task } from "../workload/layer.ts";

/** The tasks the throughput study distinguishes (a subset of the workload `Task`). */
export const CNN_TASKS = ["classification", "detection", "segmentation", "pose", "other"] as const;
export type CnnTask = (typeof CNN_TASKS)[number];

/** Checked in this order: the first list with a word contained in the lower-cased name wins. */
const NAME_WORDS: readonly [CnnTask, readonly string[]][] = [
  // Image restoration (the 3.0 sheet says "Super Resolution"): checked first, as "ofa-" and
  // "drunet" would otherwise read as a classifier and a segmenter.
  ["other", ["rcan", "drunet"]],
  ["classification", ["imagenet", "classification", "reid", "facerec", "face-quality", "pmg_"]],
  ["classification", ["person-orientation", "plate-recognition", "torchvision_"]],
  ["detection", ["ssd", "yolo", "refinedet", "densebox", "retinaface", "detection", "fairmot"]],
  ["detection", ["efficientdet", "centerpoint", "pointpillars", "pointpainting", "clocs"]],
  ["detection", ["textmountain", "ocr_", "multitask", "mt-resnet18", "vpgnet", "ultrafast"]],
  ["detection", ["mlperf_resnet34"]],
  ["segmentation", ["cityscapes", "seg", "unet", "_enet_", "erfnet", "salsanext", "hardnet"]],
  ["segmentation", ["c2d2", "ssr_", "semantic", "sa-gate", "solo_", "fpn"]],
  ["segmentation", ["deeplab", "fcn_", "lraspp", "bisenet", "pspnet"]],
  ["pose", ["openpose", "hourglass", "movenet", "spnet", "landmark", "pose"]],
  // Bare backbone names (zoo or torchvision style) are classifiers; checked last because
  // detectors and segmenters embed them ("ssd_mobilenet", "deeplabv3_resnet50").
  ["classification", ["resnet", "resnext", "mobilenet", "inception", "googlenet", "vgg"]],
  ["classification", ["squeezenet", "efficientnet", "densenet", "shufflenet", "regnet"]],
  ["classification", ["mnasnet", "alexnet", "convnext", "ofa-"]],
];

/** Task words of the 3.0 spreadsheet's task column. */
const NOTE_WORDS: readonly [CnnTask, string][] = [
  ["classification", "classification"],
  ["pose", "pose"],
  ["detection", "detection"],
  ["segmentation", "segmentation"],
];

/** Task of a zoo entry from its `note` ("task=...") or, failing that, its name; "other" if unknown. */
export function inferTask(name: string, note = ""): CnnTask {
  const m = /task=([^;]*)/i.exec(note);
  if (m && m[1].trim()) {
    const t = m[1].toLowerCase();
    return NOTE_WORDS.find(([, w]) => t.includes(w))?.[0] ?? "other";
  }
  const n = name.toLowerCase();
  if (/(^|[_-])enet([_-]|$)/.test(n)) return "segmentation";
  for (const [task, words] of NAME_WORDS) {
    if (words.some((w) => n.includes(w))) return task;
  }
  return "other";
}

/** The study's task of a workload network's `Task`. */
export function cnnTask(t: Task): CnnTask {
  return (CNN_TASKS as readonly string[]).includes(t) ? t as CnnTask : "other";
}
