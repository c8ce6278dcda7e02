import assert from "node:assert/strict";
import { dpuSize } from "../../lib/arch/dpu/sizes.ts";
import { bottleneckFps } from "../../lib/throughput/bounds.ts";
import {
  baseArchitecture,
  crossValidate,
  errorStats,
  foldOf,
  naiveBaseline,
  percentileOf,
} from "../../lib/throughput/estimator-cv.ts";
import { type Estimator, type EstimatorSample, predict } from "../../lib/throughput/estimator.ts";
import { observedCpuSeconds } from "../../lib/throughput/estimator-fit.ts";
import { inferTask } from "../../lib/throughput/task.ts";
import { type SimInput, simulate } from "../../lib/throughput/sim.ts";
import { measuredCpuWork } from "../../lib/throughput/model-cpu.ts";
import type { PerfRow } from "../../lib/throughput/perf-csv.ts";
import { loadVitisRows } from "../../lib/experiments/cnn-throughput/data.ts";
import { DEFAULT_THREADS, rowToSample } from "../../lib/throughput/perf-csv.ts";

/** An estimator whose share model is one intercept: CPU share = exp(ln 0.6) = 0.6 of T1. */
const est = (serialShare: number, smoothing: number | null = null): Estimator => ({
  shareModels: [{ terms: [], useTask: false, coefficients: [Math.log(0.6)] }],
  contentionPerCore: 0,
  smoothing,
  serialShare,
  cpuCores: 4,
  dpuEfficiency: 0.5,
  cpuSecondsPerPixel: { classification: 0, detection: 0, segmentation: 0, pose: 0, other: 0 },
});

const sample = (threads: number, dpuCores: number): EstimatorSample => ({
  name: "x",
  board: "b",
  task: "classification",
  dpu: dpuSize("B4096"),
  dpuCores,
  dpuMhz: 300,
  threads,
  fps1Thread: 10,
});

Deno.test("three-part model: serial part 0 is the old bottleneck form (hand calculation)", () => {
  // T1 = 0.1 s, Tcpu = 0.06 s, Tdpu = 0.04 s: min(N / 0.1, K / 0.04, 4 / 0.06).
  for (const [n, k, want] of [[1, 1, 10], [2, 1, 20], [8, 1, 25], [8, 2, 50], [8, 4, 4 / 0.06]]) {
    const p = predict(est(0), sample(n, k));
    assert.ok(Math.abs(p.fps - want) < 1e-9, `N=${n} K=${k}: ${p.fps} vs ${want}`);
    const old = bottleneckFps({ cpuSeconds: 0.06, dpuSeconds: 0.04 }, n, k, 4);
    assert.ok(Math.abs(p.fps - old) < 1e-9);
  }
  assert.equal(
    bottleneckFps({ cpuSeconds: 0.06, dpuSeconds: 0.04, serialSeconds: 0 }, 8, 2, 4),
    bottleneckFps({ cpuSeconds: 0.06, dpuSeconds: 0.04 }, 8, 2, 4),
  );
});

Deno.test("three-part model: a serial part caps throughput at 1 / serial seconds", () => {
  // s = 0.5: serial 0.03 s caps at 33.3 fps; one core stays DPU-bound (25), two cores (50) hit the cap.
  assert.ok(Math.abs(predict(est(0.5), sample(8, 1)).fps - 25) < 1e-9);
  const two = predict(est(0.5), sample(8, 2));
  assert.ok(Math.abs(two.fps - 1 / 0.03) < 1e-9, `${two.fps}`);
  assert.equal(two.bound, "serial");
  assert.ok(
    Math.abs(
      bottleneckFps({ cpuSeconds: 0.06, dpuSeconds: 0.04, serialSeconds: 0.05 }, 8, 2, 4) - 20,
    ) < 1e-9,
  );
});

Deno.test("three-part model: gain never exceeds min(threads, CPU bound, DPU bound)", () => {
  for (const s of [0, 0.2, 0.7, 1]) {
    for (const p of [null, 1.5, 4]) {
      for (let n = 1; n <= 16; n++) {
        for (let k = 1; k <= 4; k++) {
          const fps = predict(est(s, p), sample(n, k)).fps;
          const cap = Math.min(n / 0.1, k / 0.04, 4 / 0.06);
          assert.ok(fps <= cap * (1 + 1e-12), `s=${s} p=${p} N=${n} K=${k}: ${fps} > ${cap}`);
          assert.ok(fps / 10 <= n + 1e-12);
        }
      }
    }
  }
});

Deno.test("observedCpuSeconds: when more cores do not help, the bottleneck is CPU work", () => {
  // T1 = 0.31 s, 1/fps_N = 0.29 s: DPU-bound reading Tcpu = 0.02 s; a two-core gain of 1.1x
  // (< sqrt 2 x the one-core gain 1.07) says the 0.29 s is CPU work instead.
  const s = { ...sample(8, 1), fps1Thread: 1 / 0.31, fpsMeasured: 1 / 0.29 };
  assert.ok(Math.abs(observedCpuSeconds(s)! - 0.02) < 1e-12);
  assert.ok(Math.abs(observedCpuSeconds(s, 2.0)! - 0.02) < 1e-12);
  assert.ok(Math.abs(observedCpuSeconds(s, 1.1)! - 0.29) < 1e-12);
});

Deno.test("baseArchitecture: framework variants of one network share a group", () => {
  const resnet = [
    "cf_resnet50_imagenet_224_224_7.7G",
    "pt_resnet50_imagenet_224_224_4.1G",
    "tf2_resnet50_imagenet_224_224_7.76G",
    "tf_resnetv1_50_imagenet_224_224_6.97G",
  ];
  assert.deepEqual(new Set(resnet.map(baseArchitecture)), new Set(["resnet50"]));
  assert.notEqual(
    baseArchitecture("tf_resnetv2_101_imagenet_299_299_26.78G"),
    baseArchitecture("cf_resnet50_imagenet_224_224_7.7G"),
  );
});

Deno.test("grouped CV never splits a base architecture across folds (Vitis AI rows)", async () => {
  const real = loadVitisRows().map((r) => rowToSample(r)).filter((_, i) => i % 3 === 0);
  const rows = await crossValidate(real, { contentionGrid: [0.1], smoothingGrid: [null] }, {
    folds: 5,
  });
  const foldOfBase = new Map<string, Set<number>>();
  for (const r of rows) {
    const b = baseArchitecture(r.name);
    if (!foldOfBase.has(b)) foldOfBase.set(b, new Set());
    foldOfBase.get(b)!.add(r.fold);
  }
  for (const [b, f] of foldOfBase) {
    assert.equal(f.size, 1, `${b} in folds ${[...f]}`);
    assert.equal([...f][0], foldOf(b, 5));
  }
  assert.ok(foldOfBase.size > 20);
});

Deno.test("naive baseline and error statistics (hand calculation)", () => {
  const rows = naiveBaseline([
    { ...sample(8, 2), fpsMeasured: 25 }, // predicts 2 x 10 = 20: 20 % off
    { ...sample(8, 1), fpsMeasured: 5 }, // predicts 10: 100 % off
    { ...sample(1, 3), fpsMeasured: 10 }, // predicts 10: exact
  ]);
  assert.deepEqual(rows.map((r) => r.predictedFps), [20, 10, 10]);
  const s = errorStats(rows.map((r) => r.apePercent));
  assert.ok(Math.abs(s.mapePercent - 40) < 1e-9);
  assert.equal(s.medianApePercent, 20);
  assert.equal(s.maxApePercent, 100);
  assert.equal(s.over100, 0, "exactly 100 % is not over 100 %");
  // Nearest rank: p95 of 20 values 1..20 is the 19th value.
  assert.equal(percentileOf(Array.from({ length: 20 }, (_, i) => i + 1), 95), 19);
});

Deno.test("task labels: restoration networks are not classifiers or segmenters", () => {
  assert.equal(inferTask("pt_DRUNet_Kvasir_528_608_0.4G"), "other");
  assert.equal(inferTask("pt_OFA-rcan_DIV2K_360_640_45.7G"), "other");
  assert.equal(inferTask("pt_OFA-resnet50_imagenet_160_160_900M"), "classification");
  assert.equal(inferTask("pt_C2D2lite_CC20_512_512_6.86G"), "segmentation");
});

const simBase: SimInput = {
  preSeconds: 0.001,
  postSeconds: 0.001,
  dpuSecondsByBusyCores: [0.002, 0.002],
  threads: 8,
  dpuCores: 2,
  cpuCores: 4,
  power: { staticW: 1, dpuCoreW: 1, cpuCoreW: 1 },
  measuredInferences: 500,
};

Deno.test("simulation: a zero serial part changes nothing (same result, bit for bit)", () => {
  assert.deepEqual(simulate({ ...simBase, serialSeconds: 0 }), simulate(simBase));
});

Deno.test("simulation: the serial stage runs one thread at a time (hand calculation)", () => {
  // Serial 10 ms per inference: at most 100 fps, below the DPU (1000), CPU (4 / 12 ms = 333)
  // and thread (8 / 14 ms = 571) ceilings; one thread runs the 14 ms cycle back to back.
  const many = simulate({ ...simBase, serialSeconds: 0.01 });
  assert.ok(Math.abs(many.fps - 100) < 1e-6, `${many.fps}`);
  const one = simulate({ ...simBase, threads: 1, serialSeconds: 0.01 });
  assert.ok(Math.abs(one.fps - 1 / 0.014) < 1e-6, `${one.fps}`);
  assert.equal(
    bottleneckFps({ cpuSeconds: 0.012, dpuSeconds: 0.002, serialSeconds: 0.01 }, 8, 2, 4),
    100,
  );
  assert.throws(() => simulate({ ...simBase, serialSeconds: -1 }), /serialSeconds/);
});

Deno.test("measuredCpuWork: DPU-bound rows give overlappable CPU; no multi-core gain gives a serial stage", () => {
  const row = (board: string, cores: number, fps1: number, fpsN: number): PerfRow => ({
    row: 1,
    line: 2,
    name: "m",
    board,
    dpu: dpuSize("B4096"),
    dpuCores: cores,
    dpuMhz: 300,
    task: "segmentation",
    fps1Thread: fps1,
    fpsMultithread: fpsN,
  });
  // T1 = 100 ms, B = 40 ms: DPU-bound reading gives 60 ms of overlappable CPU work, 2 ms of it
  // pre-processing (the rule's pre).
  const one = row("KV260", 1, 10, 25);
  const dpuBound = measuredCpuWork(one, row("ZCU104", 2, 10, 50), 0.002, 0.05);
  assert.ok(Math.abs(dpuBound.preSeconds - 0.002) < 1e-12);
  assert.ok(Math.abs(dpuBound.postSeconds - 0.058) < 1e-12);
  assert.equal(dpuBound.serialSeconds, 0);
  // Two cores gain 2.6x vs 2.5x on one (< sqrt 2 x 2.5): the 40 ms bottleneck is a serial stage;
  // the overlappable part is the rule's 50 ms (at most T1 - B = 60 ms).
  const serial = measuredCpuWork(one, row("ZCU104", 2, 10, 26), 0.002, 0.05);
  assert.ok(Math.abs(serial.serialSeconds - 0.04) < 1e-12);
  assert.ok(Math.abs(serial.preSeconds + serial.postSeconds - 0.05) < 1e-12);
  assert.throws(() => measuredCpuWork(row("ZCU104", 2, 10, 26), undefined, 0, 0), /one DPU core/);
});

Deno.test("min(N, K) x fps_1 is not a ceiling: published rows exceed it, and so may the estimator", () => {
  // Why the estimator is not clipped to the naive baseline: threads overlap CPU work with DPU
  // work, so one DPU core can finish more than fps_1. data/vitis-ai-modelzoo-perf.csv line 356
  // (release 1.4): SemanticFPN-mobilenetv2 on ZCU104 (2 cores), fps_1 = 10.3, fps_mt = 53.5
  // (5.19x); line 675 (release 2.0): tf2 MobileNet-v3 on KV260 (1 core), 1.6 -> 6.4 fps (4x).
  const rows = loadVitisRows();
  const at = (board: string, name: string, v: string) =>
    rows.find((r) => r.board === board && r.name === name && r.vaiVersion === v)!;
  for (
    const [r, gain] of [
      [at("ZCU104", "pt_SemanticFPN-mobilenetv2_cityscapes_512_1024_5.4G", "1.4"), 53.5 / 10.3],
      [at("KV260", "tf2_mobilenetv3_imagenet_224_224_132M", "2.0"), 6.4 / 1.6],
    ] as const
  ) {
    assert.ok(Math.abs(r.fpsMultithread! / r.fps1Thread! - gain) < 1e-12);
    assert.ok(r.fpsMultithread! > Math.min(DEFAULT_THREADS, r.dpuCores) * r.fps1Thread!);
  }
  // Hand calculation: CPU share 0.6 (Tcpu 0.06 s, Tdpu 0.04 s), s = 0, one core, 8 threads:
  // min(8 / 0.1, 1 / 0.04, 4 / 0.06) = 25 fps, 2.5 x the naive 10 fps.
  const p = predict(est(0), sample(8, 1));
  assert.ok(Math.abs(p.fps - 25) < 1e-9);
  assert.ok(p.fps > Math.min(8, 1) * 10);
});
