/**
 * The real measurements study E calibrates on: the Vitis AI model-zoo performance table
 * (data/vitis-ai-modelzoo-perf.csv) and the zoo-to-Vitis matches that calibrate the DPU model and
 * give the matched CNNs their measured CPU work (data/vitis-zoo-matches.csv). Sources in
 * data/README.md.
 */
import type { CalibrationPoint } from "../../throughput/calibrate.ts";
import { parseCsv } from "../../throughput/csv.ts";
import { parsePerfCsv, type PerfRow } from "../../throughput/perf-csv.ts";
import { type CpuRule, cpuSeconds } from "../../throughput/cpu-rule.ts";
import { type CpuWork, measuredCpuWork } from "../../throughput/model-cpu.ts";
import { cnnTask } from "../../throughput/task.ts";
import { ValidationError } from "../../validate.ts";
import { getNetwork } from "../../workload/zoo/mod.ts";

const dataUrl = (file: string) => new URL(`../../../data/${file}`, import.meta.url);

/** Rows of data/vitis-ai-modelzoo-perf.csv (KV260 1 x B4096, ZCU104 2 x B4096; releases 1.0-3.0). */
export function loadVitisRows(): PerfRow[] {
  return parsePerfCsv(
    Deno.readTextFileSync(dataUrl("vitis-ai-modelzoo-perf.csv")),
    "vitis-ai-modelzoo-perf.csv",
  );
}

/** A zoo CNN matched to a Vitis AI model measured on one B4096 core. */
export interface ZooMatch {
  zooModel: string;
  vitisName: string;
  vaiVersion: string;
}

/** The matches of data/vitis-zoo-matches.csv. */
export function loadZooMatches(): ZooMatch[] {
  const file = "vitis-zoo-matches.csv";
  const t = parseCsv(Deno.readTextFileSync(dataUrl(file)), file);
  const col = (n: string) => t.header.indexOf(n);
  const [z, v, r] = [col("zoo_model"), col("vitis_name"), col("vai_version")];
  if (z < 0 || v < 0 || r < 0) {
    throw new ValidationError(file, ["header: need zoo_model, vitis_name, vai_version"]);
  }
  return t.records.map((rec) => ({
    zooModel: rec.cells[z],
    vitisName: rec.cells[v],
    vaiVersion: rec.cells[r],
  }));
}

/** Calibration points: each match's zoo network with its KV260 DPU job time 1 / fps_multithread. */
export function calibrationPoints(rows: PerfRow[], matches: ZooMatch[]): CalibrationPoint[] {
  return matches.map((m) => {
    const row = rows.find((r) =>
      r.board === "KV260" && r.name === m.vitisName &&
      (r.vaiVersion ?? "").split(";").includes(m.vaiVersion)
    );
    if (!row?.fpsMultithread) {
      throw new RangeError(`calibration: no KV260 row "${m.vitisName}" of release ${m.vaiVersion}`);
    }
    return { network: getNetwork(m.zooModel), measuredDpuSeconds: 1 / row.fpsMultithread };
  });
}

/** Where a zoo CNN's CPU work comes from when a Vitis AI measurement gives it. */
export type CpuWorkRow = {
  model: string;
  vitisName: string;
  release: string;
  /** The generic rule's CPU ms (what the CNN would get without the measurement). */
  ruleMs: number;
  preMs: number;
  postMs: number;
  serialMs: number;
};

/**
 * Measured CPU work of every matched zoo CNN: its KV260 row of the match's release, with the
 * ZCU104 row of that release telling a serial CPU stage from DPU time (lib/throughput/model-cpu.ts).
 */
export function matchedCpuWork(
  rows: PerfRow[],
  matches: ZooMatch[],
  rule: CpuRule,
): { work: Map<string, CpuWork>; table: CpuWorkRow[] } {
  const work = new Map<string, CpuWork>(), table: CpuWorkRow[] = [];
  const find = (board: string, m: ZooMatch) =>
    rows.find((r) =>
      r.board === board && r.name === m.vitisName &&
      (r.vaiVersion ?? "").split(";").includes(m.vaiVersion)
    );
  for (const m of matches) {
    const one = find("KV260", m);
    if (!one?.fps1Thread || !one.fpsMultithread) continue;
    const net = getNetwork(m.zooModel);
    const r = cpuSeconds(rule, cnnTask(net.task), net.input.h * net.input.w);
    const w = measuredCpuWork(one, find("ZCU104", m), r.preSeconds, r.preSeconds + r.postSeconds);
    work.set(m.zooModel, w);
    table.push({
      model: m.zooModel,
      vitisName: m.vitisName,
      release: m.vaiVersion,
      ruleMs: (r.preSeconds + r.postSeconds) * 1e3,
      preMs: w.preSeconds * 1e3,
      postMs: w.postSeconds * 1e3,
      serialMs: w.serialSeconds * 1e3,
    });
  }
  return { work, table };
}
