/**
 * SynergyFlow's per-model split, found by an exact search.
 *
 * PEs move in groups of `peStep`, so every conv-engine size convPes = k * peStep (the FC engine
 * keeps at least one group) is enumerated. For a fixed PE split, the conv stage time T_C(s) does
 * not increase with the conv engine's bandwidth share s, and the FC stage time T_F(1 - s) does not
 * decrease with it, so max(T_C, T_F) is smallest where the two cross: bisection on s finds that
 * point to a relative 1e-15 (or the end of [0, 1] when they never cross). The monolithic
 * engine is also a candidate, so the elastic design never does worse than the baseline; a
 * pipelined split must beat it by more than 1e-12 (relative) to be chosen. Among pipelined splits
 * that tie on batch time, the one with the shorter image latency (T_C + T_F) wins.
 */
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { stageSeconds } from "../arch/roofline.ts";
import {
  checkSplitArgs,
  type Machine,
  monolithicSplit,
  pipelinedSplit,
  type Split,
  wholeMachine,
} from "./split.ts";

const SHARE_TOLERANCE = 1e-15;
const TIE_TOLERANCE = 1e-12;

/**
 * Boundary of a predicate that turns from false to true on [lo, hi]: the final bracket, narrowed
 * to a relative width of 1e-15 (or the float resolution); [lo, lo] or [hi, hi] if it never turns.
 */
function bracket(lo: number, hi: number, ok: (s: number) => boolean): [number, number] {
  if (ok(lo)) return [lo, lo];
  if (!ok(hi)) return [hi, hi];
  while (hi - lo > SHARE_TOLERANCE * hi) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return [lo, hi];
}

/**
 * The best pipelined split for a fixed conv-engine size: bisect the bandwidth share to where the
 * stage times cross. When the conv engine is compute-bound at the crossing, every smaller share
 * that keeps its time is optimal too; we then give conv the least such share and the FC engine
 * (the bandwidth-hungry one) the rest, which shortens the FC stage and so the image latency.
 */
export function balanceBandwidth(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  convPes: number,
  machine: Machine = wholeMachine(hw),
): Split {
  checkSplitArgs("balanceBandwidth arguments", batch, machine, convPes);
  const at = (s: number) => pipelinedSplit(d, hw, batch, convPes, s, machine);
  const none = at(0);
  // FC already the bottleneck with all bandwidth: any share given to conv only slows FC.
  if (none.convSeconds <= none.fcSeconds) return none;
  const all = at(1);
  if (all.convSeconds >= all.fcSeconds) return all;
  const [lo, hi] = bracket(0, 1, (s) => {
    const m = at(s);
    return m.convSeconds <= m.fcSeconds;
  });
  const a = at(lo), b = at(hi);
  const best = a.batchSeconds < b.batchSeconds ? a : b;
  // Conv compute-bound below the crossing (at its time with unlimited bandwidth): hand it only
  // the least bandwidth that keeps it there and give the FC engine the rest.
  const convFloor = stageSeconds(d.conv, convPes, Infinity, batch, hw.clockHz);
  const bar = convFloor * (1 + TIE_TOLERANCE);
  if (a.convSeconds > bar) return best;
  return at(bracket(0, lo, (s) => at(s).convSeconds <= bar)[1]);
}

/** Conv-engine sizes to try: multiples of peStep that leave the FC engine at least one group. */
export function convPeCandidates(hw: ElasticHardware, machine: Machine): number[] {
  const out: number[] = [];
  for (let p = hw.peStep; machine.pes - p >= hw.peStep; p += hw.peStep) out.push(p);
  return out;
}

/** Faster per batch; on a tie (1e-12 relative), the shorter image latency (conv + FC seconds). */
function better(a: Split, b: Split): boolean {
  if (a.batchSeconds < b.batchSeconds * (1 - TIE_TOLERANCE)) return true;
  if (b.batchSeconds < a.batchSeconds * (1 - TIE_TOLERANCE)) return false;
  return a.convSeconds + a.fcSeconds < b.convSeconds + b.fcSeconds;
}

/**
 * SynergyFlow's split of `machine` for one model: the fastest of monolithic and every pipelined
 * split. `batch` is a positive integer; throws a ValidationError on bad arguments.
 */
export function bestSplit(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  machine: Machine = wholeMachine(hw),
): Split {
  checkSplitArgs("bestSplit arguments", batch, machine);
  let best = monolithicSplit(d, hw, batch, machine);
  if (d.conv.length === 0 || d.fc.length === 0) return best;
  const bar = best.batchSeconds * (1 - TIE_TOLERANCE);
  let bestPipelined: Split | null = null;
  for (const convPes of convPeCandidates(hw, machine)) {
    const s = balanceBandwidth(d, hw, batch, convPes, machine);
    if (!bestPipelined || better(s, bestPipelined)) bestPipelined = s;
  }
  if (bestPipelined && bestPipelined.batchSeconds < bar) best = bestPipelined;
  return best;
}
