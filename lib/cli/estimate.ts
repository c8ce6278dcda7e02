/**
 * `estimate`: predict the multithreaded throughput of each row of a DPU performance CSV shaped
 * like data/vitis-ai-modelzoo-perf.csv (board, dpu_arch, dpu_cores, dpu_mhz, gops_per_image,
 * fps_1thread, input_hw, ...). The estimator is fitted on the bundled Vitis AI data (or on
 * --calibration) and works from physics for DPU sizes, clocks and core counts it has not seen.
 */
import { loadVitisRows } from "../experiments/cnn-throughput/data.ts";
import { fittedRange, predictRows, type RowPrediction } from "../throughput/estimate-rows.ts";
import { fitEstimator } from "../throughput/estimator-fit.ts";
import { parsePerfCsv, rowToSample } from "../throughput/perf-csv.ts";
import { type Command, intFlag, parseFlags, UsageError } from "./args.ts";

const usage = `usage: deno task estimate --csv f.csv [--threads N] [--json] [--calibration c.csv]
  --csv          rows to predict: name, board, dpu_arch, dpu_cores, dpu_mhz and fps_1thread
                 (or gops_per_image); optional input_hw, gops_per_image, task, threads, fps_multithread
  --threads      application threads (default: the row's threads column, else 8)
  --json         print [{ name, board, predicted_fps_multithread }]
  Rows outside the fitted range (DPU size, core count, feature ranges) are listed on stderr.
  --calibration  measured CSV to fit on (default data/vitis-ai-modelzoo-perf.csv)`;

const flags = {
  csv: { type: "string" },
  threads: { type: "string" },
  json: { type: "boolean" },
  calibration: { type: "string" },
} as const;

const fmt = (v: number | undefined, digits = 1) => (v === undefined ? "-" : v.toFixed(digits));

function textTable(p: RowPrediction[]): string {
  const head = [
    "name",
    "board",
    "dpu",
    "threads",
    "fps_1thread",
    "predicted",
    "measured",
    "error%",
    "bound",
  ];
  const body = p.map((r) => [
    r.name,
    r.board,
    `${r.cores} x ${r.arch} @ ${r.mhz}`,
    String(r.threads),
    fmt(r.fps1Thread),
    fmt(r.predictedFps),
    fmt(r.measuredFps),
    fmt(r.apePercent),
    r.bound,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (c: string[]) =>
    c.map((x, i) => (i >= 3 && i <= 7 ? x.padStart(w[i]) : x.padEnd(w[i]))).join("  ");
  const measured = p.filter((r) => r.apePercent !== undefined);
  const mape = measured.reduce((s, r) => s + r.apePercent!, 0) / (measured.length || 1);
  const tail = measured.length
    ? [`MAPE over ${measured.length} measured rows: ${mape.toFixed(1)} %`]
    : [];
  return [line(head), ...body.map(line).map((l) => l.trimEnd()), ...tail].join("\n");
}

export const estimate: Command = {
  summary: "predict multithreaded DPU throughput for the rows of a performance CSV",
  usage,
  async run(args) {
    const { values } = parseFlags(args, flags);
    if (values.help) return console.log(usage), 0;
    if (values.csv === undefined) throw new UsageError("--csv f.csv is required");
    const threads = values.threads === undefined ? undefined : intFlag("threads", values.threads);
    if (threads === 0) {
      throw new UsageError(`--threads must be at least 1, got "${values.threads}"`);
    }
    const rows = parsePerfCsv(await Deno.readTextFile(values.csv), values.csv);
    const calib = values.calibration === undefined
      ? loadVitisRows()
      : parsePerfCsv(await Deno.readTextFile(values.calibration), values.calibration);
    const samples = calib.map((r) => rowToSample(r));
    const est = await fitEstimator(samples);
    const p = predictRows(est, rows, threads, fittedRange(samples));
    const outside = p.filter((r) => r.outsideFit.length);
    if (outside.length) {
      // On stderr, so that --json stays one prediction per row.
      console.error(`note: ${outside.length} of ${p.length} rows lie outside the fitted range:`);
      for (const r of outside) {
        console.error(`  ${r.name} (${r.board}): ${r.outsideFit.join("; ")}`);
      }
    }
    if (values.json) {
      const out = p.map((r) => ({
        name: r.name,
        board: r.board,
        predicted_fps_multithread: r.predictedFps,
      }));
      console.log(JSON.stringify(out, null, 2));
    } else console.log(textTable(p));
    return 0;
  },
};
