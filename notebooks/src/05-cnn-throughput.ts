// %% [markdown]
// # Study E: CNN throughput and energy under multithreaded and multi-accelerator execution
// Muneeb & Kedia, "Characterizing CNN Throughput and Energy Under Multithreaded and
// Multiaccelerator Execution", IEEE Embedded Systems Letters 16(4), 2024. The abstract reports that
// with **one accelerator**, multithreading raises throughput by **up to 3.98x** and cuts energy per
// inference by **up to 3.20x**, over **104 CNNs** on **three accelerator sizes**, plus a design space
// and a "low-error" throughput estimator (form and error not published in the abstract). Only the
// abstract was available; the setup below follows `../shared/papers/D-E-synergyflow-cnn-throughput.md`.
//
// **Platform** (`lib/throughput`): an AMD DPUCZDX8G-class core (PG338 sizes B512..B4096, PP x ICP x
// OCP MACs per cycle; depthwise conv and pooling on the ALU at PP/2 pixels), next to 4 Cortex-A53
// cores and DDR4 shared by all DPU cores. A DPU job's time is the per-layer roofline (tile-rounded
// compute at a calibrated efficiency vs DRAM traffic at the bandwidth the other busy cores leave) plus
// a calibrated per-layer overhead.
//
// **Runtime** (VART semantics): each of N threads loops *CPU pre-processing -> one DPU job -> CPU
// post-processing*; the DPU job blocks its thread without using a CPU; K DPU cores serve jobs first
// come first served, without preemption; the OS time-slices runnable threads over the 4 A53 cores.
// An event-driven closed-loop simulation measures throughput, utilizations, average power and energy
// per inference.
//
// **Calibration on real data** (data/vitis-ai-modelzoo-perf.csv: Vitis AI model zoo on KV260 =
// 1 x B4096 and ZCU104 = 2 x B4096): the DPU model's efficiency and per-layer overhead are fitted on
// 17 zoo CNNs matched to Vitis AI models (their KV260 DPU job time is 1 / fps_multithread); the CPU
// time per inference is a physical rule, seconds per input pixel by task (median of
// 1/fps_1thread - 1/fps_multithread per pixel on KV260). Nothing was tuned to the paper's numbers.

// %%
import { show, table } from "lab";
import { analyzeCnnThroughput } from "lab/experiments/cnn-throughput-analysis.ts";
import {
  energyGainChart,
  gainDistributionChart,
  gainVsDpuFractionChart,
  paretoChart,
  predictedChart,
  threadsChart,
} from "lab/experiments/cnn-throughput-figures.ts";
import { comparisonRows, realGainRows } from "lab/experiments/cnn-throughput-paper.ts";
import {
  errorRows,
  gainSummaryRows,
  modelRows,
  paretoRows,
} from "lab/experiments/cnn-throughput-tables.ts";
import { featureAblation, summarizeErrors } from "lab/throughput/estimator-cv.ts";
import { rowToSample } from "lab/throughput/perf-csv.ts";

const a = analyzeCnnThroughput();
const models = modelRows(a);
const { maxThreads, maxCores } = a.options;
table([
  { item: "CNNs (zoo)", value: a.options.models.length },
  { item: "DPU sizes", value: a.options.sizes.join(", ") },
  { item: "threads", value: `1..${maxThreads}` },
  { item: "DPU cores", value: `1..${maxCores}` },
  { item: "DPU efficiency (fitted)", value: a.calibration.calibration.efficiency },
  {
    item: "per-layer overhead, cycles (fitted)",
    value: a.calibration.calibration.layerOverheadCycles,
  },
  { item: "static / DPU (B4096) / A53 power, W", value: "9.6 / 2.0 / 0.4" },
]);

// %% [markdown]
// ## Calibration: DPU job time of zoo CNNs vs the KV260 measurement
// Two constants for 17 networks (mean |ln error| below). The outlier is EfficientNet-B0, whose
// Vitis AI build runs far slower than its operation count suggests (its swish and squeeze-excite
// layers); it is kept, and the fit is robust (median-like) so it does not drag the other points.

// %%
table(a.calibration.points.map((p) => ({
  model: p.name,
  measuredMs: p.measuredSeconds * 1e3,
  predictedMs: p.predictedSeconds * 1e3,
  ratio: p.predictedSeconds / p.measuredSeconds,
})));

// %% [markdown]
// CPU rule: nanoseconds per input pixel (pre = resize/normalise, common to all tasks; post by task).

// %%
table(
  Object.entries(a.cpuRule.postSecondsPerPixel).map(([task, post]) => ({
    task,
    preNsPerPixel: a.cpuRule.preSecondsPerPixel * 1e9,
    postNsPerPixel: post * 1e9,
    calibrationRows: a.cpuRule.rowsPerTask[task as keyof typeof a.cpuRule.rowsPerTask],
  })),
);

// %% [markdown]
// ## Multithreading gain per accelerator size
// Gain of 8 threads over 1 thread on one DPU core (blue), and of 8 threads on 3 cores over 1 thread
// on 1 core (yellow). Most CNNs are DPU-bound, so one core gains little; smaller DPUs make the DPU
// share larger and the single-core gain smaller, while extra cores help them most.

// %%
show(gainDistributionChart(models, maxThreads, maxCores));

// %%
table(gainSummaryRows(models));

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
// ## Gain versus CNN characteristics
// The single-thread DPU share f = Tdpu / (Tdpu + Tcpu) decides the gain: at most
// min(N, 1/f, 4/(1-f)) (dashed). The deterministic simulation sits on the bound.

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
// Closed-form bottleneck model with fitted parameters (`lib/throughput/estimator.ts`):
// `fps_N = min(N/T1, smoothmin_p(K/(Tdpu * gamma_K), 4/Tcpu))` with `T1 = 1/fps_1thread`,
// `Tcpu = T1 * exp(b_task + b_px ln(pixels * fps_1) + b_u ln(u1))`, `Tdpu = T1 - Tcpu`,
// `u1 = GOPs * fps_1 / peak` and `gamma_K = 1 + g (K-1) (peak / B4096 peak)`. The CPU-share model is
// a mathjs least-squares fit; g and p come from a fixed grid. All inputs are relative to the row's
// own board, so it applies to DPU sizes, clocks and core counts it never saw. Errors below are
// 5-fold cross-validated by CNN (no CNN is predicted by a fit that saw it).

// %%
show(predictedChart(a.realCv, "board", "Estimator on Vitis AI data (held-out CNNs)"));

// %%
table([
  ...errorRows("cv by board", summarizeErrors(a.realCv, (r) => r.board)),
  ...errorRows("fit KV260 only -> ZCU104", summarizeErrors(a.transferCv, (r) => r.board)),
]);

// %%
show(predictedChart(
  a.simCv.filter((r) => r.threads === 2 || r.threads === maxThreads),
  "arch",
  "Estimator on simulated data (held-out CNNs, 2 and 8 threads)",
));

// %%
table([
  ...errorRows("cv by size", summarizeErrors(a.simCv, (r) => r.arch)),
  ...errorRows("cv by cores", summarizeErrors(a.simCv, (r) => `${r.dpuCores} cores`)),
]);

// %% [markdown]
// Which characteristics matter (real data, cross-validated; delta = MAPE without it minus MAPE
// of the full model). The mean is dominated by a few outliers (CNNs with CPU subgraphs, tiny CNNs on
// two cores, rows whose published GOPs are wrong); the median shows the typical case. What matters
// most: the DRAM-contention term (for two cores) and the task (it sets the CPU post-processing);
// the pixel-rate and DPU-utilization terms lower the median error (about 10 -> 7 %), not the mean.
// The no-fit baseline scales fps_1thread by min(threads, cores).

// %%
table(featureAblation(a.vitisRows.map((r) => rowToSample(r)), a.options.folds));

// %% [markdown]
// ## Real multithreading gains (Vitis AI model zoo)
// The measured MT/ST ratios per release and board: on one B4096 core the medians are 1.09-1.18x,
// and CPU-heavy models reach about 4x.

// %%
table(realGainRows(a.vitisRows));

// %% [markdown]
// ## Paper vs ours
// - **Max throughput gain with one accelerator**: lower than 3.98x. The gain is bounded by
//   1 + Tcpu/Tdpu and by the 4 CPU cores (5x at best, when Tcpu = 4 Tdpu). Our zoo is mostly
//   torchvision classifiers with little CPU work under the calibrated CPU rule; its most CPU-heavy
//   CNN is a segmentation network. The measured Vitis AI KV260 data (which include CPU-heavy models
//   with CPU subgraphs, e.g. MobileNet-v3 in VAI 2.0 and SalsaNext) reach 3.5-4.0x, matching the
//   paper's maximum; we did not add CPU subgraphs to the zoo CNNs to get there.
// - **Max energy gain**: follows the throughput gain; lower for the same reason. The paper's ratio
//   3.98 / 3.20 = 1.24 implies a 24 % power rise at its best point; ours rises less (power model
//   with 9.6 W static, 2 W per busy B4096, 0.4 W per busy A53 [R]).
// - **Typical gains agree with the real boards**: the simulated median single-core gain on B4096
//   (1.13x) sits within the measured KV260 medians (1.09-1.21x), and the 2-core median (about 2.0x)
//   near the measured ZCU104 medians (2.06-2.31x).
// - **Models**: every zoo CNN, not the paper's list (not published).
// - **Estimator**: the paper's error is not known; ours is reported per board (real) and per size
//   (simulated), with mean, median and worst error.

// %%
table(comparisonRows(a, models));
