import assert from "node:assert/strict";
import { cpuSeconds, fitCpuRule } from "../../lib/throughput/cpu-rule.ts";
import { dpuSize } from "../../lib/arch/dpu/sizes.ts";
import type { PerfRow } from "../../lib/throughput/perf-csv.ts";
import { inferTask } from "../../lib/throughput/task.ts";

Deno.test("task: from the 3.0 note, else from dataset and family words in the name", () => {
  assert.equal(inferTask("x", "from xlsx; task=Object Detection"), "detection");
  assert.equal(inferTask("x", "task=Pose Detection"), "pose");
  assert.equal(inferTask("x", "task=Super Resolution"), "other");
  assert.equal(inferTask("cf_resnet50_imagenet_224_224_7.7G"), "classification");
  assert.equal(inferTask("dk_yolov3_cityscapes_256_512_0.9_5.46G"), "detection");
  assert.equal(inferTask("tf_mobilenetv2_cityscapes_1024_2048_132.74G"), "segmentation");
  assert.equal(inferTask("ssd_mobilenet_v1"), "detection");
  assert.equal(inferTask("deeplabv3_resnet50"), "segmentation");
  assert.equal(inferTask("mobilenet_v2"), "classification");
  assert.equal(inferTask("enet"), "segmentation");
  assert.equal(inferTask("mystery_net"), "other");
});

function row(task: PerfRow["task"], px: number, fps1: number, fpsN: number, cores = 1): PerfRow {
  return {
    row: 1,
    line: 2,
    name: `${task}-${fps1}`,
    board: "b",
    dpu: dpuSize("B4096"),
    dpuCores: cores,
    dpuMhz: 300,
    task,
    inputPixels: px,
    fps1Thread: fps1,
    fpsMultithread: fpsN,
  };
}

Deno.test("cpu rule: medians of (1/fps_1 - 1/fps_N) / pixels per task (hand calculation)", () => {
  const px = 10000;
  // CPU seconds 1/50 - 1/100 = 10 ms, 1/40 - 1/50 = 5 ms, 1/20 - 1/25 = 10 ms: 0.5 / 1 / 1 us/px.
  const rows = [
    row("classification", px, 50, 100),
    row("classification", px, 40, 50),
    row("classification", px, 20, 25),
    // 1/10 - 1/20 = 50 ms = 5 us/px for detection: post = 5 - 1 = 4 us/px.
    row("detection", px, 10, 20),
    // Two-core rows say nothing about CPU time and are ignored.
    row("detection", px, 10, 40, 2),
  ];
  const rule = fitCpuRule(rows);
  assert.ok(Math.abs(rule.preSecondsPerPixel - 1e-6) < 1e-15);
  assert.ok(Math.abs(rule.postSecondsPerPixel.detection - 4e-6) < 1e-15);
  assert.ok(Math.abs(rule.postSecondsPerPixel.classification) < 1e-15);
  assert.equal(rule.rowsPerTask.detection, 1);
  // A task without rows takes the median of all rows (1 us/px): no post-processing beyond pre.
  assert.ok(Math.abs(rule.postSecondsPerPixel.pose) < 1e-15);
  const s = cpuSeconds(rule, "detection", 416 * 416);
  assert.ok(Math.abs(s.preSeconds - 416 * 416 * 1e-6) < 1e-12);
  assert.ok(Math.abs(s.postSeconds - 416 * 416 * 4e-6) < 1e-12);
});
