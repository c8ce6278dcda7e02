import assert from "node:assert/strict";
import { networkCost } from "../../lib/arch/mod.ts";
import {
  coreAccelerator,
  type CoreConfig,
  expandSpace,
  parseCoreConfig,
  parseSweepGrid,
  prepareWorkload,
  sweep,
  sweepPoint,
  sweepSync,
} from "../../lib/multicore/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { getNetwork } from "../../lib/workload/mod.ts";

const nets = ["alexnet", "squeezenet1_0", "ncf"].map((n) => getNetwork(n));
const configs: CoreConfig[] = expandSpace({
  arrays: [[16, 16], [32, 8]],
  bufferKiB: [64, 512],
  dataflows: ["ws", "os", "is"],
  bandwidthBytesPerCycle: [8],
});

Deno.test("sweep results are identical with one worker, two workers and none", async () => {
  const w = prepareWorkload(nets);
  const inline = sweepSync(w, configs);
  const progress: number[] = [];
  const one = await sweep(w, configs, { workers: 1, chunkConfigs: 5 });
  const two = await sweep(w, configs, {
    workers: 2,
    chunkConfigs: 1,
    onProgress: (done) => progress.push(done),
  });
  assert.deepEqual(one, inline);
  assert.deepEqual(two, inline);
  assert.equal(progress.length, configs.length); // one report per chunk of 1 configuration
  assert.equal(Math.max(...progress), configs.length);
});

Deno.test("a sweep point is the network's total from networkCost on that core", () => {
  // Independent path: networkCost builds every layer itself (no shape sharing, non-MAC layers
  // included at zero cost); the sweep shares shapes and sums only MAC layers.
  const w = prepareWorkload(nets);
  const r = sweepSync(w, configs, { clockMHz: 500 });
  for (const [n, net] of nets.entries()) {
    for (const c of [0, 5, configs.length - 1]) {
      const ref = networkCost(net, coreAccelerator(configs[c], { clockMHz: 500 })).total;
      const p = sweepPoint(r, n, c);
      assert.equal(p.cycles, ref.cycles);
      assert.ok(Math.abs(p.energyPJ.total - ref.energyPJ.total) <= 1e-9 * ref.energyPJ.total);
      assert.ok(Math.abs(p.edpPJs - ref.edpPJs) <= 1e-9 * ref.edpPJs);
    }
  }
});

Deno.test("shape sharing: ResNet-50's 54 MAC layers need far fewer distinct shapes", () => {
  const w = prepareWorkload([getNetwork("resnet50")]);
  assert.equal(w.networks[0].shapeIndex.length, 54); // conv1 + 16 blocks x 3 + 4 downsample + fc
  assert.ok(w.shapes.length < 30);
  assert.throws(() => prepareWorkload([nets[0], nets[0]]), /"alexnet" listed twice/);
});

Deno.test("core configurations: buffer split and bad input named", () => {
  const acc = coreAccelerator(
    { rows: 8, cols: 4, dataflow: "os", bufferKiB: 100, bandwidthBytesPerCycle: 12 },
  );
  // SCALE-Sim's 256 : 256 : 128 ratio: 40 / 40 / 20 KiB of 100.
  assert.deepEqual([acc.ifmapSramKiB, acc.filterSramKiB, acc.ofmapSramKiB], [40, 40, 20]);
  assert.equal(acc.dramBandwidthBytesPerCycle, 12);
  assert.throws(
    () =>
      parseCoreConfig({
        rows: 0,
        cols: 4,
        dataflow: "xs",
        bufferKiB: 1,
        bandwidthBytesPerCycle: 1,
      }),
    (e: Error) =>
      e instanceof ValidationError && /rows/.test(e.message) && /dataflow/.test(e.message),
  );
  assert.throws(
    () =>
      parseSweepGrid({
        arrays: [[8, -1]],
        bufferKiB: [],
        dataflows: ["ws"],
        bandwidthBytesPerCycle: [8],
        bufferSplit: { ifmap: 0.5, filter: 0.5, ofmap: 0.5 },
      }),
    (e: Error) =>
      /arrays\[0\]\[1\]/.test(e.message) && /bufferKiB/.test(e.message) &&
      /add up to 1/.test(e.message),
  );
});

Deno.test("expandSpace: every combination, arrays outermost and bandwidth innermost", async () => {
  assert.equal(configs.length, 2 * 2 * 3 * 1);
  assert.deepEqual(configs[0], {
    rows: 16,
    cols: 16,
    dataflow: "ws",
    bufferKiB: 64,
    bandwidthBytesPerCycle: 8,
  });
  assert.deepEqual([configs[6].rows, configs[6].cols], [32, 8]);
  await assert.rejects(() => sweep(prepareWorkload(nets), configs, { workers: -1 }), /workers/);
});
