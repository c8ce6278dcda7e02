import assert from "node:assert/strict";
import { defaultAccelerator, gemmCost, layerCost, stallCycles } from "../../lib/arch/mod.ts";
import { parseLayer } from "../../lib/workload/shapes.ts";

// Buffers given in words (wordBytes 1): KiB = words / 1024.
const words = (w: number) => w / 1024;
const big = {
  ifmapSramKiB: 64,
  filterSramKiB: 64,
  ofmapSramKiB: 64,
  dramBandwidthBytesPerCycle: 1000,
};

Deno.test("ws traffic: resident operands are fetched once; misses re-fetch per pass (hand count)", () => {
  // M=4 K=3 N=3 on 2x2: 2 row folds, 2 col folds. ifmap M*K=12, filter 9, ofmap 12 words.
  const g = { m: 4, k: 3, n: 3, groups: 1 };
  const fits = gemmCost(g, defaultAccelerator(2, 2, big));
  assert.deepEqual([fits.dramIfmapBytes, fits.dramFilterBytes, fits.dramOfmapBytes], [12, 9, 12]);
  // ifmap buffer of 8 words < 12: the ifmap is streamed again for the 2nd column fold.
  const smallIfmap = gemmCost(g, defaultAccelerator(2, 2, { ...big, ifmapSramKiB: words(8) }));
  assert.equal(smallIfmap.dramIfmapBytes, 24);
  // ofmap buffer of 4 words < partial-sum tile M*min(N,C)=8: the first row fold's partial sums
  // go to DRAM and come back: 12 writes + 12 writes + 12 reads = 36.
  const smallOfmap = gemmCost(g, defaultAccelerator(2, 2, { ...big, ofmapSramKiB: words(4) }));
  assert.equal(smallOfmap.dramOfmapBytes, 36);
  // ofmap SRAM: 12 partial sums read back for accumulation + 36 words moved to/from DRAM.
  assert.equal(smallOfmap.ofmapSramReads, 12 + 36);
  // 2-byte words double the bytes.
  const wide = gemmCost(g, defaultAccelerator(2, 2, { ...big, wordBytes: 2 }));
  assert.equal(wide.dramBytes, 2 * (12 + 9 + 12));
});

Deno.test("os and is traffic: filter re-fetch and partial-sum spill (hand count)", () => {
  // os, M=3 K=2 N=3 on 2x2: filter tile K*min(N,C)=4 words; with 3 words it is re-read per row fold.
  const os = { m: 3, k: 2, n: 3, groups: 1 };
  const osFits = gemmCost(os, defaultAccelerator(2, 2, { ...big, dataflow: "os" }));
  assert.equal(osFits.dramFilterBytes, 6);
  const osMiss = gemmCost(
    os,
    defaultAccelerator(2, 2, { ...big, dataflow: "os", filterSramKiB: words(3) }),
  );
  assert.equal(osMiss.dramFilterBytes, 2 * 6);
  assert.equal(osMiss.dramOfmapBytes, 9); // outputs finish in the array: written once
  // is, M=3 K=3 N=2: filter K*N=6 > 5 words: re-read per column fold (2); partial-sum tile
  // min(M,C)*N=4 > 3 words: spill, 6*(2*2-1)=18.
  const is = { m: 3, k: 3, n: 2, groups: 1 };
  const isMiss = gemmCost(
    is,
    defaultAccelerator(2, 2, {
      ...big,
      dataflow: "is",
      filterSramKiB: words(5),
      ofmapSramKiB: words(3),
    }),
  );
  assert.equal(isMiss.dramFilterBytes, 12);
  assert.equal(isMiss.dramOfmapBytes, 18);
  assert.equal(isMiss.dramIfmapBytes, 9); // stationary ifmap: one pass
});

Deno.test("conv ifmap DRAM traffic counts unique input pixels, not the im2col matrix", () => {
  const conv = parseLayer({
    kind: "conv2d",
    name: "c",
    inputH: 7,
    inputW: 7,
    inputC: 3,
    outputC: 4,
    kernelH: 3,
    kernelW: 3,
  });
  const c = layerCost(conv, defaultAccelerator(8, 8, big));
  assert.equal(c.dramIfmapBytes, 7 * 7 * 3); // not 25 * 27
  assert.equal(c.ifmapSramReads, 25 * 27); // the array still reads the im2col stream
});

Deno.test("stall cycles: exposed first stationary tile plus transfer beyond compute (hand count)", () => {
  // 1000 B, first tile 40 B, 400 compute cycles at 10 B/cycle: the other 960 B take 96 cycles,
  // hidden behind compute; only the tile's 4 cycles show.
  assert.equal(stallCycles(1000, 40, 400, 10), 4);
  // At 1 B/cycle: 40 for the tile, then 960 - 400 cycles of transfer not hidden.
  assert.equal(stallCycles(1000, 40, 400, 1), 40 + 560);
  // Fractional cycles round up: 3 B tile at 4 B/cycle -> 1.
  assert.equal(stallCycles(10, 3, 100, 4), 1);
  assert.equal(stallCycles(0, 0, 100, 4), 0);
});

Deno.test("gemmCost cycles = compute + stall with the stall model", () => {
  // ws M=3 K=2 N=2 on 2x2: 1 fold of 7 cycles; DRAM 6+4+6 = 16 B; weight tile 2x2 = 4 B at
  // 10 B/cycle -> ceil(0.4) = 1 (the other 12 B hide behind 7 cycles x 10 B).
  const c = gemmCost(
    { m: 3, k: 2, n: 2, groups: 1 },
    defaultAccelerator(2, 2, { dramBandwidthBytesPerCycle: 10 }),
  );
  assert.equal(c.dramBytes, 16);
  assert.equal(c.stallCycles, 1);
  assert.equal(c.cycles, 8);
  // At 1 B/cycle: 4 for the tile, then 12 - 7 = 5 more.
  const slow = gemmCost(
    { m: 3, k: 2, n: 2, groups: 1 },
    defaultAccelerator(2, 2, { dramBandwidthBytesPerCycle: 1 }),
  );
  assert.equal(slow.stallCycles, 9);
  // os keeps outputs stationary: nothing must arrive before the first cycle.
  const os = gemmCost(
    { m: 3, k: 2, n: 2, groups: 1 },
    defaultAccelerator(2, 2, { dataflow: "os", dramBandwidthBytesPerCycle: 10 }),
  );
  assert.equal(os.stallCycles, 0);
});
