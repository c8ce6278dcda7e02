/**
 * The most any conv/FC split can gain on one model: if conv and FC overlapped perfectly, each with
 * all of the bandwidth and the conv stage on its fastest engine size, a batch would still take
 * max(T_conv*, T_fc) seconds, against T_conv + T_fc for the monolithic baseline. T_conv* is the
 * shortest conv-stage time over every engine size the search may use (every peStep multiple up to
 * the whole pool): with a fixed efficiency that is the whole pool, but an array's efficiency can
 * rise when columns are removed (fewer padded columns in a fold), so a smaller engine can be
 * faster. Every pipelined split runs its conv stage on one of those sizes with at most all of the
 * bandwidth, and its FC stage on fewer PEs than the pool, so its gain can never exceed the ceiling.
 */
import { stageSeconds } from "../arch/roofline.ts";
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { convPeCandidates } from "./search.ts";
import { checkSplitArgs, monolithicSplit, wholeMachine } from "./split.ts";

/** The overlap bound of one model at batch `batch`: fraction gained over the baseline, >= 0. */
export function ceilingGain(d: NetworkDemand, hw: ElasticHardware, batch: number): number {
  const machine = wholeMachine(hw);
  checkSplitArgs("ceilingGain arguments", batch, machine);
  const base = monolithicSplit(d, hw, batch);
  const bw = machine.bandwidthBytesPerSecond;
  let conv = base.convSeconds;
  for (const p of convPeCandidates(hw, machine)) {
    const t = stageSeconds(d.conv, p, bw, batch, hw.clockHz);
    if (t < conv) conv = t;
  }
  const bound = Math.max(conv, base.fcSeconds);
  return bound > 0 ? base.batchSeconds / bound - 1 : 0;
}
