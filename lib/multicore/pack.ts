/**
 * Sweep points packed into one Float64Array (and back), so a worker can hand a chunk's points to
 * the main thread as a transferable buffer instead of a structured clone of many small objects.
 */
import type { SweepPoint } from "./sweep.ts";

const FIELDS = 16;

/** Pack points, 16 numbers each. */
export function packPoints(points: readonly SweepPoint[]): Float64Array {
  const out = new Float64Array(points.length * FIELDS);
  points.forEach((p, i) => {
    const e = p.energyPJ;
    out.set([
      p.network,
      p.config,
      e.mac,
      e.rf,
      e.array,
      e.sram,
      e.dram,
      e.idle,
      e.leakage,
      e.total,
      p.cycles,
      p.latencySeconds,
      p.edpPJs,
      p.dramBytes,
      p.macs,
      p.peUtilization,
    ], i * FIELDS);
  });
  return out;
}

/** Unpack what `packPoints` packed. */
export function unpackPoints(buf: Float64Array): SweepPoint[] {
  const out: SweepPoint[] = [];
  for (let o = 0; o < buf.length; o += FIELDS) {
    out.push({
      network: buf[o],
      config: buf[o + 1],
      energyPJ: {
        mac: buf[o + 2],
        rf: buf[o + 3],
        array: buf[o + 4],
        sram: buf[o + 5],
        dram: buf[o + 6],
        idle: buf[o + 7],
        leakage: buf[o + 8],
        total: buf[o + 9],
      },
      cycles: buf[o + 10],
      latencySeconds: buf[o + 11],
      edpPJs: buf[o + 12],
      dramBytes: buf[o + 13],
      macs: buf[o + 14],
      peUtilization: buf[o + 15],
    });
  }
  return out;
}
