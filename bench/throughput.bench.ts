/** Speed of study E's hot paths: one closed-loop simulation, a network profile, the estimator. */
import { loadVitisRows } from "../lib/experiments/cnn-throughput/data.ts";
import { parseDpuConfig } from "../lib/arch/dpu/sizes.ts";
import { fitEstimator } from "../lib/throughput/estimator-fit.ts";
import { predict } from "../lib/throughput/estimator.ts";
import { rowToSample } from "../lib/throughput/perf-csv.ts";
import { DEFAULT_PLATFORM } from "../lib/arch/dpu/platform.ts";
import { profileNetwork } from "../lib/arch/dpu/job.ts";
import { simulate } from "../lib/throughput/sim.ts";
import { getNetwork } from "../lib/workload/zoo/mod.ts";

const power = { staticW: 9.6, dpuCoreW: 2, cpuCoreW: 0.4 };
const resnet50 = getNetwork("resnet50");
const dpu = parseDpuConfig({ arch: "B4096", cores: 3 });
const samples = loadVitisRows().map((r) => rowToSample(r));
const est = await fitEstimator(samples);

Deno.bench("simulate: 8 threads, 3 DPU cores, 2000 inferences", () => {
  simulate({
    preSeconds: 0.0006,
    postSeconds: 0.0004,
    dpuSecondsByBusyCores: [0.011, 0.0115, 0.012],
    threads: 8,
    dpuCores: 3,
    cpuCores: 4,
    power,
  });
});

Deno.bench("profileNetwork: resnet50 on 3 x B4096", () => {
  profileNetwork(resnet50, dpu, DEFAULT_PLATFORM, { efficiency: 1, layerOverheadCycles: 2250 });
});

Deno.bench("estimator: predict 1152 Vitis AI rows", () => {
  for (const s of samples) predict(est, s);
});

Deno.bench("estimator: fit on 1152 Vitis AI rows", { n: 5 }, async () => {
  await fitEstimator(samples);
});
