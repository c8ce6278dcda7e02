/**
 * Zoo CNNs whose workload task is "other" (the restoration nets of lib/workload/zoo/restoration.ts)
 * go through study E's task handling: they map to the study's "other" task, take the "other"
 * CPU post-processing rate, and sweep like any CNN.
 */
import assert from "node:assert/strict";
import { DEFAULT_PLATFORM } from "../../lib/arch/dpu/platform.ts";
import { loadVitisRows } from "../../lib/experiments/cnn-throughput/data.ts";
import { fitCpuRule } from "../../lib/throughput/cpu-rule.ts";
import { sweepDesignSpace } from "../../lib/throughput/sweep.ts";
import { cnnTask } from "../../lib/throughput/task.ts";
import { cnnNames, getNetwork, listModels } from "../../lib/workload/zoo/mod.ts";

Deno.test("other task: every zoo CNN maps to a study task, and the restoration nets to other", () => {
  const cnns = new Set(cnnNames());
  const tasks = new Map<string, number>();
  for (const m of listModels().filter((m) => cnns.has(m.name))) {
    const t = cnnTask(m.task);
    tasks.set(t, (tasks.get(t) ?? 0) + 1);
    if (m.family === "rcan" || m.family === "srcnn") assert.equal(t, "other", m.name);
  }
  // Ten restoration nets (restoration_test.ts lists them); no other zoo CNN is "other".
  assert.equal(tasks.get("other"), 10);
});

Deno.test("other task: a restoration CNN sweeps with the rule's other-task CPU time", () => {
  const rule = fitCpuRule(loadVitisRows());
  // The Vitis AI data has one-core super-resolution rows (task=Super Resolution), so "other"
  // has its own rate rather than the all-rows fallback.
  assert.ok(rule.rowsPerTask.other > 0, JSON.stringify(rule.rowsPerTask));
  const net = getNetwork("fsrcnn_x2");
  const { rows, models } = sweepDesignSpace([net], {
    sizes: ["B1024"],
    maxCores: 1,
    maxThreads: 2,
    mhz: 300,
    platform: DEFAULT_PLATFORM,
    calibration: { efficiency: 0.5, layerOverheadCycles: 0 },
    cpuRule: rule,
    measuredInferences: 50,
  });
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r.task === "other" && r.fps > 0 && Number.isFinite(r.fps)));
  // CPU time is pixels x rate (hand calculation from the rule's own rates).
  const px = 360 * 640;
  assert.ok(Math.abs(models[0].preSeconds - px * rule.preSecondsPerPixel) < 1e-12);
  assert.ok(Math.abs(models[0].postSeconds - px * rule.postSecondsPerPixel.other) < 1e-12);
});
