/**
 * Every chart function of the project, each fed a small fixed table, in ONE list: the snapshot
 * test (snapshots_test.ts) and `deno task snapshots:update` both read it. The tables are slices
 * of data/results/*.json (snapshot-data.json; they do not change when the code does): magma from
 * commit ca37eed (its second pass: M3E groups S1/S2 vision/mix, six methods, all bandwidths;
 * 40 jobs per task; five convergence series; the budget sweep whole); partitioning, heterogeneous and cnn-throughput from commit 116d341 (after their
 * second passes: two heavy and two light workloads, five networks, the small tables whole);
 * synergyflow from commit 658eb38 (era networks: two fc-headed and two pool-headed ones with the
 * three means, batch and bandwidth at 3 of 5 points, 4 of 6 conv efficiencies, six mixes, the
 * timeline whole). A few hand-made rows feed charts drawn from in-memory analysis rows. When
 * a chart function moves, re-point its import here.
 */
import type { Chart } from "../../lib/plot/mod.ts";
import * as cnn from "../../lib/experiments/cnn-throughput/figures.ts";
import * as het from "../../lib/experiments/heterogeneous/figures.ts";
import * as magma from "../../lib/experiments/magma/figures.ts";
import * as part from "../../lib/experiments/partitioning/figures.ts";
import * as syn from "../../lib/experiments/synergyflow/figures.ts";

type Rows = never[];
const data = JSON.parse(
  Deno.readTextFileSync(new URL("./snapshot-data.json", import.meta.url)),
) as Record<string, Rows>;
const t = (key: string): Rows => {
  const rows = data[key];
  if (!rows) throw new Error(`snapshot-data.json has no table ${key}`);
  return rows;
};

/** SweepRow-shaped rows (study E's sweep is in memory only): 2 models x 2 sizes x 4 threads. */
function sweepRows(): Rows {
  const rows = [];
  for (const [model, base] of [["resnet50", 40], ["mobilenet_v2", 120]] as const) {
    for (const [arch, scale] of [["B1152", 1], ["B4096", 2.5]] as const) {
      for (const [threads, gain] of [[1, 1], [2, 1.6], [4, 1.9], [8, 2]] as const) {
        rows.push({
          model,
          task: "classification",
          arch,
          cores: 1,
          threads,
          fps: base * scale * gain,
          gain,
          averagePowerW: 5 + threads / 4,
          energyPerInferenceJ: (5 + threads / 4) / (base * scale * gain),
          energyGain: gain / (1 + threads / 20),
          dpuUtilization: Math.min(1, 0.4 * gain),
          cpuUtilization: Math.min(1, 0.1 * threads),
        });
      }
    }
  }
  return rows as Rows;
}

/**
 * The parts of a CnnThroughputAnalysis that measuredVsSimulatedChart reads: hand-made PerfRow-shaped
 * Vitis AI rows (one without a multi-thread figure, which the chart must skip) and the sweep rows
 * plus 2- and 4-core rows of the largest size (the 4-core ones are shown, the 1-core ones of every
 * size too).
 */
function analysisRows(): never {
  const vitisRows = [
    ["zcu102", 3, "B4096", 30, 75],
    ["zcu102", 3, "B4096", 200, 540],
    ["zcu104", 2, "B4096", 32, 60],
    ["zcu104", 2, "B4096", 180, 330],
    ["kv260", 1, "B4096", 35, 45],
    ["kv260", 1, "B4096", 150, undefined],
  ].map(([board, dpuCores, arch, fps1Thread, fpsMultithread]) => ({
    board,
    dpuCores,
    dpu: { arch },
    fps1Thread,
    fpsMultithread,
  }));
  const sweep = sweepRows() as { arch: string; fps: number; cores: number }[];
  const multi = sweep.filter((r) => r.arch === "B4096").flatMap((r) =>
    [2, 4].map((cores) => ({ ...r, cores, fps: r.fps * (1 + 0.4 * cores) }))
  );
  return {
    vitisRows,
    options: { maxThreads: 8, sizes: ["B1152", "B4096"] },
    sweepRows: [...sweep, ...multi],
  } as never;
}

/** CvRow-shaped held-out predictions. */
function cvRows(): Rows {
  const boards = ["zcu102", "zcu104", "kv260"];
  return boards.flatMap((board, b) =>
    [1, 2, 4].map((threads, i) => ({
      name: `net${b}${i}`,
      board,
      arch: b === 2 ? "B4096" : "B4096x2",
      dpuCores: b === 2 ? 1 : 2,
      threads,
      fold: i,
      measuredFps: 50 + 30 * i + 10 * b,
      predictedFps: (50 + 30 * i + 10 * b) * (1 + (i - 1) * 0.08),
      apePercent: Math.abs(i - 1) * 8,
    }))
  ) as Rows;
}

/** Gantt and bandwidth intervals of two methods on two cores. */
function ganttRows(): Rows {
  return [
    ["heuristic", "core 0", 0, "CONV", 0, 400],
    ["heuristic", "core 0", 1, "FC", 400, 700],
    ["heuristic", "core 1", 2, "GEMM", 0, 650],
    ["magma", "core 0", 0, "CONV", 0, 380],
    ["magma", "core 1", 1, "DSCONV", 0, 300],
    ["magma", "core 1", 2, "GEMM", 300, 600],
  ].map(([method, core, job, type, startCycles, endCycles]) => ({
    method,
    core,
    job,
    type,
    startCycles,
    endCycles,
  })) as Rows;
}

function bwRows(): Rows {
  return [
    ["heuristic", "core 0", 0, 400, 6],
    ["heuristic", "core 1", 0, 400, 10],
    ["heuristic", "core 0", 400, 700, 16],
    ["magma", "core 0", 0, 380, 8],
    ["magma", "core 1", 0, 300, 8],
    ["magma", "core 1", 380, 600, 16],
  ].map(([method, core, startCycles, endCycles, allocBytesPerCycle]) => ({
    method,
    core,
    startCycles,
    endCycles,
    allocBytesPerCycle,
  })) as Rows;
}

/** Snapshot name -> chart (called lazily, so a broken chart fails only its own test). */
export const charts: Record<string, () => Chart> = {
  "partitioning-energy": () => part.energyChart(t("partitioning.schedules")),
  "partitioning-time": () =>
    part.timeChart(t("partitioning.schedules"), t("partitioning.composition")),
  "partitioning-utilization": () => part.utilizationChart(t("partitioning.classMeans")),
  "partitioning-grid": () => part.gridChart(t("partitioning.grid")),
  "partitioning-band-area": () => part.bandAreaChart(t("partitioning.bandArea")),
  "partitioning-timeline": () => {
    const rows = t("partitioning.timeline") as { workload: string }[];
    return part.timelineChart(rows as never, rows[0].workload, "PE columns");
  },
  "partitioning-sweep-array": () =>
    part.sweepChart(t("partitioning.arraySize"), "arraySize", "array size (R = C)", true),
  "partitioning-sweep-tenants": () =>
    part.sweepChart(t("partitioning.tenants"), "tenants", "tenants per workload"),
  "partitioning-idle-leakage": () => part.idleLeakageChart(t("partitioning.idleLeakage")),
  "heterogeneous-array-size": () => het.arraySizeChart(t("heterogeneous.arraySize")),
  "heterogeneous-buffer-size": () => het.bufferSizeChart(t("heterogeneous.bufferSize")),
  "heterogeneous-dataflow": () => het.dataflowChart(t("heterogeneous.dataflow")),
  "heterogeneous-bandwidth": () => het.bandwidthChart(t("heterogeneous.bandwidth")),
  "heterogeneous-breakdown": () => het.breakdownChart(t("heterogeneous.breakdown")),
  "heterogeneous-savings": () => het.savingsChart(t("heterogeneous.bestCore")),
  "heterogeneous-core-types": () => het.coreTypesChart(t("heterogeneous.coreTypes")),
  "heterogeneous-speedup": () => het.speedupChart(t("heterogeneous.distribution")),
  "heterogeneous-memory": () =>
    het.memoryChart([
      ...t("heterogeneous.distribution"),
      ...t("heterogeneous.distributionMemory"),
    ]),
  "magma-job-analysis": () => magma.jobAnalysisChart(t("magma.jobAnalysis")),
  "magma-comparison": () => magma.comparisonChart(t("magma.grid"), 1),
  "magma-convergence": () => magma.curveChart(t("magma.convergence"), "Convergence: snapshot"),
  "magma-bw-sweep": () =>
    magma.bwSweepChart(
      t("magma.grid"),
      [...new Set((t("magma.grid") as { method: string }[]).map((r) => r.method))],
    ),
  "magma-gantt": () => magma.ganttChart(ganttRows()),
  "magma-bw-timeline": () => magma.bwTimelineChart(bwRows(), 16),
  "magma-budget-sweep": () => magma.budgetChart(t("magma.budgetSweep")),
  "synergyflow-throughput": () => syn.throughputChart(t("synergyflow.throughput")),
  "synergyflow-utilization": () => syn.utilizationChart(t("synergyflow.utilization")),
  "synergyflow-batch": () => syn.batchChart(t("synergyflow.batch")),
  "synergyflow-bandwidth": () => syn.bandwidthChart(t("synergyflow.bandwidth")),
  "synergyflow-efficiency": () => syn.efficiencyChart(t("synergyflow.efficiency")),
  "synergyflow-mixes": () => syn.mixChart(t("synergyflow.mixes")),
  "synergyflow-timeline": () => syn.timelineChart(t("synergyflow.timeline")),
  "synergyflow-reconfiguration": () => syn.reconfigurationChart(t("synergyflow.reconfiguration")),
  "cnn-throughput-gain-distribution": () =>
    cnn.gainDistributionChart(t("cnn-throughput.models"), 8, 4),
  "cnn-throughput-measured-vs-simulated": () => cnn.measuredVsSimulatedChart(analysisRows()),
  "cnn-throughput-threads": () => cnn.threadsChart(sweepRows(), ["resnet50", "mobilenet_v2"]),
  "cnn-throughput-energy-gain": () => cnn.energyGainChart(t("cnn-throughput.models")),
  "cnn-throughput-gain-vs-dpu-fraction": () =>
    cnn.gainVsDpuFractionChart(t("cnn-throughput.models"), 8, 4),
  "cnn-throughput-pareto": () => cnn.paretoChart(t("cnn-throughput.pareto")),
  "cnn-throughput-predicted": () => cnn.predictedChart(cvRows(), "board", "Estimator (snapshot)"),
};

/** Folder of the committed SVG snapshots. */
export const SNAPSHOT_DIR = new URL("./snapshots/", import.meta.url);
