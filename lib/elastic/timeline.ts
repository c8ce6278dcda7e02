/** A schedule as rows for plotting the split over time: one row per engine per phase. */
import type { Allocation, Schedule } from "./schedule.ts";

/** One engine (or the re-partition gap) during one phase; PEs stacked from `peLow` to `peHigh`. */
export type TimelineRow = {
  phase: number;
  startSeconds: number;
  endSeconds: number;
  /** "<model> conv", "<model> fc", "<model> layer by layer", or "reconfigure". */
  engine: string;
  job: string;
  pes: number;
  peLow: number;
  peHigh: number;
  /** Share of the whole DRAM bandwidth this engine holds, [0, 1]. */
  bandwidthShare: number;
};

/** The engines of one allocation: [name, PEs, share of the whole bandwidth]. */
function engines(a: Allocation, totalBandwidthBytesPerSecond: number): [string, number, number][] {
  const bwShare = a.machine.bandwidthBytesPerSecond / totalBandwidthBytesPerSecond;
  if (a.split.mode === "monolithic") return [[`${a.job} layer by layer`, a.split.convPes, bwShare]];
  return [
    [`${a.job} conv`, a.split.convPes, bwShare * a.split.convBandwidthShare],
    [`${a.job} fc`, a.split.fcPes, bwShare * (1 - a.split.convBandwidthShare)],
  ];
}

/** Timeline rows of a schedule; `totalBandwidthBytesPerSecond` turns engine bandwidth into shares. */
export function timelineRows(s: Schedule, totalBandwidthBytesPerSecond: number): TimelineRow[] {
  const rows: TimelineRow[] = [];
  s.phases.forEach((ph, phase) => {
    const run = ph.startSeconds + ph.reconfigureSeconds;
    if (ph.reconfigureSeconds > 0) {
      const pes = ph.allocations.reduce((n, a) => n + a.machine.pes, 0);
      rows.push({
        phase,
        startSeconds: ph.startSeconds,
        endSeconds: run,
        engine: "reconfigure",
        job: "",
        pes,
        peLow: 0,
        peHigh: pes,
        bandwidthShare: 0,
      });
    }
    let low = 0;
    for (const a of ph.allocations) {
      for (const [engine, pes, bandwidthShare] of engines(a, totalBandwidthBytesPerSecond)) {
        const endSeconds = ph.endSeconds;
        rows.push({
          phase,
          startSeconds: run,
          endSeconds,
          engine,
          job: a.job,
          pes,
          peLow: low,
          peHigh: low + pes,
          bandwidthShare,
        });
        low += pes;
      }
    }
  });
  return rows;
}
