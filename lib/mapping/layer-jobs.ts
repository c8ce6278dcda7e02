/**
 * Layer IR to mapping jobs (MAESTRO dims, job.ts). Rules, chosen to keep each layer's MAC count:
 * - conv2d with groups = inputC = outputC (depthwise) -> DSCONV, K = 1, C = channels;
 * - any other conv2d -> CONV with K = outputC and C = inputC / groups (a grouped conv does
 *   outputC x inputC/groups x window MACs per output pixel, as a dense conv with C = inputC/groups);
 * - stride, padding and dilation are folded into the stride-1 form M3E uses: Y = outH + R - 1,
 *   X = outW + S - 1 with R x S the kernel, so output size and MACs are the layer's own;
 *   a batch > 1 stacks the images' output rows (outH x batch);
 * - dense with tokens x batch = 1 -> FC (K = out, C = in); with more rows -> GEMM with M = rows;
 * - gemm -> GEMM (K = N, C = K, Y = M); a batched GEMM without shared weights (e.g. attention
 *   heads) stacks its batch into M;
 * - pool and eltwise layers carry no MACs and give no job.
 */
import { maestroDims } from "../arch/maestro.ts";
import type { Layer, Network } from "../workload/layer.ts";
import type { Job } from "./job.ts";

/** The job for one layer, or null for a layer without MACs (dims from lib/arch/maestro.ts). */
export function layerToJob(l: Layer, threadId = 0, layerId = 0, source?: string): Job | null {
  const d = maestroDims(l);
  return d ? { ...d, threadId, layerId, ...(source ? { source } : {}) } : null;
}

/** The jobs of every MAC layer of a network, layerId = position among them, source = "net/layer". */
export function networkJobs(net: Network, threadId = 0): Job[] {
  const out: Job[] = [];
  for (const l of net.layers) {
    const j = layerToJob(l, threadId, out.length, `${net.name}/${l.name}`);
    if (j) out.push(j);
  }
  return out;
}
