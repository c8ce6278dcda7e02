/**
 * The real measurements study E calibrates on: the Vitis AI model-zoo performance table
 * (data/vitis-ai-modelzoo-perf.csv) and the zoo-to-Vitis matches used to calibrate the DPU model
 * (data/vitis-zoo-matches.csv). Sources in data/README.md.
 */
import type { CalibrationPoint } from "../../throughput/calibrate.ts";
import { parseCsv } from "../../throughput/csv.ts";
import { parsePerfCsv, type PerfRow } from "../../throughput/perf-csv.ts";
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
