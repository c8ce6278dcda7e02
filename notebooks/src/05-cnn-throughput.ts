// %% [markdown]
// # Study E: CNN throughput and energy under multithreaded and multi-accelerator execution
// M. A. Muneeb and R. Kedia, "Characterizing CNN Throughput and Energy Under Multithreaded and
// Multiaccelerator Execution", *IEEE Embedded Systems Letters* 16(4):369-372, 2024,
// DOI 10.1109/LES.2024.3446896. The abstract reports that with **one accelerator**, multithreading
// raises throughput by **up to 3.98x** and cuts energy per inference by **up to 3.20x**, over
// **104 CNNs** on **three accelerator sizes** of a commercial off-the-shelf DPU, plus a design
// space and a "low-error" throughput estimator whose form and error the abstract does not give.
// Only the abstract was available; everything below is our reconstruction.
//
// **Platform.** An AMD DPUCZDX8G-class core (PG338 sizes B512..B4096, PP x ICP x OCP MACs per cycle;
// depthwise conv and pooling on the ALU) next to 4 Cortex-A53 cores and DDR4 shared by all DPU
// cores. The DPU cost model lives with the other cost models (`lib/arch/dpu`): a job is the
// per-layer roofline of tile-rounded compute at a calibrated efficiency against DRAM traffic at the
// bandwidth the other busy cores leave, plus a calibrated per-layer overhead.
//
// **Time model, three parts.** Each of N threads loops *CPU pre-processing -> one DPU job -> CPU
// post-processing -> serial CPU stage* (VART semantics: the DPU job blocks its thread without using
// a CPU; K DPU cores serve jobs first come first served; the OS time-slices runnable threads over
// the 4 A53 cores; the serial stage admits one thread at a time). So an inference has DPU time,
// CPU time that threads overlap, and CPU time that no thread count overlaps. CPU time comes from
// a generic rule (seconds per input pixel by task, fitted on the published measurements) or, for
// zoo CNNs that match a Vitis AI model, from that model's own measurement. An event-driven
// closed-loop simulation gives throughput, utilisations, power and energy per inference.
//
// **Data.** The published Vitis AI model-zoo measurements (data/vitis-ai-modelzoo-perf.csv): KV260
// (1 x B4096) and ZCU104 (2 x B4096), single- and multi-thread fps of about 230 models, releases
// 1.0-3.0. Nothing below was tuned to the paper's numbers.

// %%
import { table } from "lab";
import { show } from "lab/plot/mod.ts";
import { analyzeCnnThroughput } from "lab/experiments/cnn-throughput/run.ts";
import {
  energyGainChart,
  gainDistributionChart,
  gainVsDpuFractionChart,
  measuredVsSimulatedChart,
  paretoChart,
  predictedChart,
  threadsChart,
} from "lab/experiments/cnn-throughput/figures.ts";
import { comparisonRows, realGainRows } from "lab/experiments/cnn-throughput/paper.ts";
import {
  estimatorErrorRows,
  gainSummaryRows,
  modelRows,
  paretoRows,
  taskMixRows,
  worstPredictions,
} from "lab/experiments/cnn-throughput/tables.ts";
import { featureAblation } from "lab/throughput/estimator-cv.ts";
import { rowToSample } from "lab/throughput/perf-csv.ts";

const a = await analyzeCnnThroughput();
const models = modelRows(a);
const { maxThreads, maxCores } = a.options;
table([
  { item: "CNNs (zoo)", value: a.options.models.length },
  { item: "DPU sizes", value: a.options.sizes.join(", ") },
  { item: "threads / DPU cores", value: `1..${maxThreads} / 1..${maxCores}` },
  { item: "DPU efficiency (fitted)", value: a.calibration.calibration.efficiency },
  {
    item: "per-layer overhead, cycles (fitted)",
    value: a.calibration.calibration.layerOverheadCycles,
  },
  { item: "static / DPU (B4096) / A53 power, W", value: "9.6 / 2.0 / 0.4" },
]);

// %% [markdown]
// ## The study set next to the measured one
// A study of about a hundred CNNs on an off-the-shelf DPU is, most likely, a study of the vendor's
// model zoo, about half of which is not classifiers. The study set is fixed by a rule before any
// result (`studySet` in the study's setup): every zoo CNN that is not a classifier (detectors,
// segmenters, pose and restoration networks, each checked against a published parameter or
// operation count), plus classifiers, drawn one family at a time, until their share equals the
// Vitis AI zoo's. The non-classifier mix still differs: several measured detectors work on point
// clouds or have custom heads whose layers are not public.

// %%
table(taskMixRows(a));

// %% [markdown]
// ## Calibration: DPU job time of zoo CNNs against the KV260 measurement
// Two constants for the matched networks. EfficientNet-B0 is the outlier: its Vitis AI build runs
// twice as slow as its operations suggest (swish and squeeze-excite). ENet and YOLOv2-VOC, new in
// the zoo, land within 1 % of their measured job time.

// %%
table(a.calibration.points.map((p) => ({
  model: p.name,
  measuredMs: p.measuredSeconds * 1e3,
  predictedMs: p.predictedSeconds * 1e3,
  ratio: p.predictedSeconds / p.measuredSeconds,
})));

// %% [markdown]
// CPU rule (ns per input pixel: pre-processing common to all tasks, post-processing by task) and
// the CPU work the matched CNNs get from their own measurement instead. A serial stage appears
// where a second DPU core (ZCU104) does not lift the multi-thread throughput; none of the matched
// zoo CNNs shows one, and their measured CPU time is close to the rule's.

// %%
table(
  Object.entries(a.cpuRule.postSecondsPerPixel).map(([task, post]) => ({
    task,
    preNsPerPixel: a.cpuRule.preSecondsPerPixel * 1e9,
    postNsPerPixel: post * 1e9,
    calibrationRows: a.cpuRule.rowsPerTask[task as keyof typeof a.cpuRule.rowsPerTask],
  })),
);

// %%
table(a.cpuWork.map(({ model, release, ruleMs, preMs, postMs, serialMs }) => ({
  model,
  release,
  ruleMs,
  measuredMs: preMs + postMs + serialMs,
  serialMs,
})));

// %% [markdown]
// ## Measured and simulated gains on the same axis
// Left: every published Vitis AI row (multi-thread over single-thread fps) per board. Right: the
// simulated gain of the zoo CNNs, 8 threads over 1, on one core of each size and on 2 and 3 cores
// of the B4096 (2 x B4096 is the ZCU104's configuration). The medians agree; the measured
// single-core box reaches 4x on a handful of models with heavy CPU stages, the simulated one stops
// lower, because no zoo CNN has that much CPU work.

// %%
show(measuredVsSimulatedChart(a));

// %%
table(
  realGainRows(a.vitisRows).map(({ release, board, models, medianMtOverSt, maxMtOverSt }) => ({
    release,
    board,
    models,
    medianMtOverSt,
    maxMtOverSt,
  })),
);

// %% [markdown]
// ## Multithreading gain per accelerator size (simulated)
// Most CNNs are DPU-bound, so one core gains little; smaller DPUs make the DPU share larger and the
// single-core gain smaller, while extra cores help them most.

// %%
show(gainDistributionChart(models, maxThreads, maxCores));

// %%
table(
  gainSummaryRows(models).map((r) => ({
    arch: r.arch,
    models: r.models,
    "median 1 core": r.medianGainSingleAccel,
    "max 1 core": r.maxGainSingleAccel,
    "median energy": r.medianEnergyGainSingleAccel,
    [`median ${maxCores} cores`]: r.medianGainMultiAccel,
    [`max ${maxCores} cores`]: r.maxGainMultiAccel,
  })),
);

// %% [markdown]
// ## Throughput versus threads for representative CNNs
// A small MobileNet, ResNet-50, YOLOv3 and a CPU-heavy segmentation network (LR-ASPP: per-pixel
// post-processing of a 520 x 520 map). The gain saturates once the DPU (or the 4 CPUs) is busy.

// %%
show(threadsChart(a.sweepRows, a.options.representative));

// %% [markdown]
// ## Energy per inference
// E = average power / throughput. Static board power (9.6 W) dominates, so the energy gain tracks
// the throughput gain, reduced by the extra dynamic power of the busier DPU and CPUs.

// %%
show(energyGainChart(models));

// %% [markdown]
// ## Gain versus the DPU share of single-thread time
// With f = Tdpu / (Tdpu + Tcpu), one core gains at most min(N, 1/f, 4/(1-f)) (dashed); the
// deterministic simulation sits on that bound. The paper's 3.98x needs f <= 0.25, a CPU share of
// 75 % or more.

// %%
show(gainVsDpuFractionChart(models, maxThreads, a.platform.cpuCores));

// %% [markdown]
// ## Design space: size x cores x threads
// Geometric-mean throughput over the CNNs against average power; each line is one size x cores
// configuration through 1..8 threads; the dashed black line is the Pareto front.

// %%
show(paretoChart(paretoRows(a.sweepRows)));

// %% [markdown]
// ## The throughput estimator
// Closed-form bottleneck model with the three-part time (`lib/throughput/estimator.ts`):
// `fps_N = min(N/T1, smoothmin_p(K/(Tdpu gamma_K), 4/Tcpu), 1/(s Tcpu))` with `T1 = 1/fps_1thread`,
// `Tcpu = T1 exp(b_task + b_px ln(pixels fps_1) + b_u ln(u1))`, `Tdpu = T1 - Tcpu`,
// `u1 = GOPs fps_1 / peak`, `gamma_K = 1 + g (K-1) (peak / B4096 peak)` and s the share of CPU
// time that runs one job at a time. The CPU-share regression is solved by QR least squares; g, p
// and p come from fixed grids by mean error; s from its grid by the worst training error (ties by
// mean error), because the mean hardly depends on s while the worst case depends on it strongly
// (a few CNNs run their CPU work one job at a time and gain about 1.1x from threads). The DRAM
// contention slope g is not identifiable from one-core boards: a fit on one-core rows only (the
// transfer check) takes the simulator's fitted g instead. Where two-core rows of a CNN show that a
// second DPU core does not
// help, the one-core bottleneck is read as CPU work. All inputs are relative to the row's own
// board, so the estimator applies to DPU sizes, clocks and core counts it never saw.
//
// Every evaluation holds out whole base architectures (cf_/tf_/pt_ variants of one network share
// a fold), and the no-fit baseline min(N, K) x fps_1thread is scored on the same rows. The transfer
// check fits on KV260 rows only and predicts the ZCU104 rows of CNNs it never saw. The simulated
// rows only check self-consistency: the simulator's time model has the estimator's own form.

// %%
table(
  estimatorErrorRows(a).map((r) => ({
    evaluation: r.evaluation,
    predictor: r.predictor === "ours" ? "ours" : "naive",
    group: r.group,
    n: r.n,
    mape: r.mapePercent,
    median: r.medianApePercent,
    p95: r.p95ApePercent,
    max: r.maxApePercent,
    over100: r.over100,
  })),
);

// %%
show(predictedChart(a.realCv, "board", "Estimator on Vitis AI data (held-out base architectures)"));

// %% [markdown]
// Where it fails: the largest held-out errors. The CNNs that gain little from threads (C2D2lite
// 1.07-1.13x even with two DPU cores, landmark, SPnet) have low DPU utilisation, which in other
// CNNs means overlappable CPU work: at utilisation below 0.1, KV260 gains run from 1.07x
// (C2D2lite) to 4.0x (MobileNet-v3), and no feature separates the two. A mean-error fit of the
// serial share s (0.7) therefore predicted 2-2.5x for C2D2lite (worst error 123 %); the
// worst-case choice of s (0.7-1 across folds) keeps every held-out row under the naive
// baseline's worst case while the mean error moves by less than a point (s = 1 everywhere:
// 13.7 %; the mean-error s: 13.6 %). The margin is thin and rests on one CNN: a softer criterion
// (mean of the worst 1 % of training errors) picks s = 0.8 in C2D2lite's fold and its worst
// error is 91 %. Some worst rows are also not reproducible between releases of one model on one
// board: tf_resnetv2_152 on ZCU104 gains 1.11x in one release and 1.90-2.05x in the others (this
// row is the naive baseline's worst, 2 / 1.11 = 80.5 %), SPnet 1.53x against 2.15-2.47x (both low
// rows are release 1.3).
//
// Clipping our prediction at min(N, K) x fps_1thread would also cap the worst case, but that is
// not a physical ceiling: threads overlap CPU work with DPU work, and most measured rows exceed it
// (SemanticFPN-mobilenetv2 reaches 5.19x on two ZCU104 cores in release 1.4, MobileNet-v3 4.0x on
// one KV260 core in release 2.0).

// %%
table(worstPredictions(a, a.realCv, 8));

// %%
show(predictedChart(
  a.simCv.filter((r) => r.threads === 2 || r.threads === maxThreads),
  "arch",
  "Estimator on simulated data (self-consistency, 2 and 8 threads)",
));

// %% [markdown]
// Which parts matter (real data, grouped cross-validation; delta = MAPE without the part minus
// MAPE of the full model). The task intercepts and the DRAM-contention term carry most of the
// gain over the baseline; the serial part mostly cuts the worst case.

// %%
table(await featureAblation(a.vitisRows.map((r) => rowToSample(r)), a.options.folds));

// %% [markdown]
// ## Paper vs ours
// - **Max throughput gain with one accelerator.** Measured (Vitis AI, KV260): 4.0x, the paper's
//   range. Simulated: above it (4.6x on B4096, 4.9x on B2304), from Fast-SCNN, a real-time
//   segmenter at 1024 x 2048: the per-pixel CPU rule of segmentation gives it 233 ms of CPU work
//   against 36 ms on a B4096, and threads overlap that CPU work on the 4 A53 cores. The single-core
//   gain is at most 1 + Tcpu/Tdpu and 4 (Tcpu + Tdpu)/Tcpu, so at most 5x (where Tcpu = 4 Tdpu);
//   CPU-heavy CNNs get close to it. The study set's other segmenters (ESPNet 2.95x, ENet 2.67x,
//   LR-ASPP 2.55x) stay in the measured range; ENet's simulated gain matches its own KV260
//   measurement (2.66x in release 3.0). Fast-SCNN has no Vitis AI row to check its CPU time against.
// - **Max energy gain.** Follows the simulated throughput gain (Fast-SCNN again: 4.1x on B2304);
//   the paper's 3.98 / 3.20 = 1.24 implies a 24 % power rise at its best point; ours rises less
//   (9.6 W static, 2 W per busy B4096, 0.4 W per busy A53).
// - **Typical gains** agree with the boards: the simulated single-core median on B4096 sits within
//   the measured KV260 medians, and the two-core median near the ZCU104 medians.
// - **Models**: the study set (Vitis AI task mix, see above), not the paper's list (not published).
// - **Estimator**: the paper's error is not known. Ours beats the naive baseline on mean and on
//   worst-case error in every evaluation (real grouped CV, transfer to the two-core board with the
//   CNN held out, simulated self-consistency); on real data the worst-case margin is thin (see
//   "Where it fails").

// %%
table(comparisonRows(a, models));
