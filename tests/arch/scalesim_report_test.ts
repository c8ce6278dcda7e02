import assert from "node:assert/strict";
import {
  defaultAccelerator,
  networkCost,
  pythonFloatString,
  scaleSimCsv,
  scaleSimRows,
} from "../../lib/arch/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";
import { scaleSimGemms, writeTopology } from "../../lib/workload/topology.ts";
import { scaleSimReference } from "./scalesim_reference.ts";

Deno.test("pythonFloatString prints floats as Python's str() does", () => {
  // Values checked against CPython 3 repr(): str(100.0), str(0.5), str(1e-05), str(1.5e-07), str(1e16).
  assert.equal(pythonFloatString(100), "100.0");
  assert.equal(pythonFloatString(0.5), "0.5");
  assert.equal(pythonFloatString(1e-5), "1e-05");
  assert.equal(pythonFloatString(1.5e-7), "1.5e-07");
  assert.equal(pythonFloatString(1e16), "1e+16");
  assert.equal(pythonFloatString(0.0001), "0.0001");
  assert.equal(pythonFloatString(84.375), "84.375");
});

const net = parseNetwork({
  name: "tiny",
  family: "demo",
  task: "classification",
  input: { h: 7, w: 7, c: 3 },
  layers: [
    {
      kind: "conv2d",
      name: "c1",
      inputH: 7,
      inputW: 7,
      inputC: 3,
      outputC: 4,
      kernelH: 3,
      kernelW: 3,
    },
    {
      kind: "conv2d",
      name: "dw",
      inputH: 5,
      inputW: 5,
      inputC: 4,
      outputC: 4,
      kernelH: 3,
      kernelW: 3,
      groups: 4,
    },
    {
      kind: "pool",
      name: "p",
      op: "max",
      inputH: 3,
      inputW: 3,
      inputC: 4,
      kernelH: 3,
      kernelW: 3,
      strideH: 1,
      strideW: 1,
    },
    { kind: "dense", name: "fc", inputFeatures: 4, outputFeatures: 10 },
  ],
});

Deno.test("SCALE-Sim rows: one per group GEMM, none for pools; numbers match the fold-level reference", () => {
  const acc = defaultAccelerator(8, 8);
  // Grouped layers are exported as one row (Channels per group, all filters: writeTopology).
  const rows = scaleSimRows(writeTopology(net), acc);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => r.layerId), [0, 1, 2]);
  // conv c1 worked by hand: M=25 K=27 N=4, 4 row folds of 47 cycles.
  assert.equal(rows[0].totalCycles, 187);
  assert.equal(rows[0].overallUtilPct, (2700 * 100) / (187 * 64));
  // depthwise exported as 1 channel, 4 filters: SCALE-Sim runs M=9 K=9 N=4.
  const ref = scaleSimReference(9, 9, 4, 8, 8, "ws");
  assert.equal(rows[1].totalCycles, ref.totalCycles);
  assert.equal(rows[1].ifmapSramReads, ref.ifmapReads);
  assert.ok(Math.abs(rows[1].mappingEfficiencyPct - 100 * ref.mappingEfficiency) < 1e-9);
  assert.equal(rows[2].layerName, "fc");
});

Deno.test("scaleSimCsv: SCALE-Sim header and ', ' separators, native columns on a layer's first row", () => {
  const acc = defaultAccelerator(8, 8);
  const csv = scaleSimCsv(net, acc, networkCost(net, acc)).trimEnd().split("\n");
  assert.match(
    csv[0],
    /^LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %, SRAM IFMAP Reads, SRAM Filter Reads, SRAM OFMAP Writes, lab /,
  );
  assert.equal(csv.length, 1 + 3);
  const first = csv[1].split(", ");
  assert.deepEqual(first.slice(0, 3), ["0", "187", "0"]);
  assert.equal(first[4], "42.1875"); // mapping efficiency 108/256 in percent
  assert.equal(first[9], "c1");
  assert.equal(csv[2].split(", ")[9], "dw");
});

Deno.test("SCALE-Sim topology quirks: DP rows expand per channel, a # comment is ignored", () => {
  // Like SCALE-Sim's mobilenet CSVs: a depthwise row named "...DP" with 3 channels and 1 filter.
  const text = [
    "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
    "Conv1, 9, 9, 3, 3, 3, 8, 2, # ignored",
    "Conv dw DP, 6, 6, 3, 3, 3, 1, 1,",
  ].join("\n");
  const gemms = scaleSimGemms(text);
  // Conv1: ofmap ceil((9-3+2)/2)=4 -> 4x4=16 pixels; K=27; N=8.
  assert.deepEqual(gemms[0], { name: "Conv1", sourceRow: 0, m: 16, k: 27, n: 8 });
  // DP: 3 single-channel layers of 4x4 outputs, K=9, N=1.
  assert.equal(gemms.length, 4);
  assert.deepEqual(gemms[3], { name: "Conv dw DPChannel_2", sourceRow: 1, m: 16, k: 9, n: 1 });
});

Deno.test("scaleSimGemms: trailing comma optional, tabs and blank lines tolerated", () => {
  // Hand-derived: GEMM rows are M, N, K; the conv row has 4x4 = 16 outputs (ceil((9-3+2)/2) = 4),
  // K = 3*3*2 = 18, N = 5. Without a trailing comma the last value (K, Strides) must survive.
  assert.deepEqual(scaleSimGemms("Layer,M,N,K\na,4,5,6\n\nb, 1, 2, 3,\n"), [
    { name: "a", sourceRow: 0, m: 4, k: 6, n: 5 },
    { name: "b", sourceRow: 1, m: 1, k: 3, n: 2 },
  ]);
  const conv = [
    "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
    "\tConv3,9,9,3,3,2,5,2",
    "Conv4, 9, 9, 3, 3, 2, 5, 2, 1,", // SCALE-Sim's optional stride width: 4 x 7 outputs
  ].join("\n");
  assert.deepEqual(scaleSimGemms(conv), [
    { name: "Conv3", sourceRow: 0, m: 16, k: 18, n: 5 },
    { name: "Conv4", sourceRow: 1, m: 28, k: 18, n: 5 },
  ]);
});

Deno.test("scaleSimGemms: every missing or non-integer value is an error naming row and column", () => {
  const err = (text: string) => {
    try {
      scaleSimGemms(text);
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      return e.message;
    }
    assert.fail("no error");
  };
  const gemm = err("Layer,M,N,K\na,4,4\nb,4,x,4\nc,4,0,2.5\n");
  assert.match(gemm, /row 2: expected 3 values after the name.*, got 2/);
  assert.match(gemm, /row 3, column 3 \(N\): expected a positive integer, got "x"/);
  assert.match(gemm, /row 4, column 3 \(N\): .* got "0"/);
  assert.match(gemm, /row 4, column 4 \(K\): .* got "2.5"/);
  const head = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, " +
    "Num Filter, Strides,\n";
  assert.match(
    err(head + "c,5,5,7,3,1,1,1,"),
    /row 2, column 4 \(Filter Height\): 7 > IFMAP Height 5/,
  );
  assert.match(err(head + "c,5,5,3,3,1,1,,"), /row 2, column 8 \(Strides\): .* got ""/);
  assert.match(
    err(head + "c,5,5,3,3,1,1"),
    /row 2: expected 7 or 8 values after the name.*, got 6/,
  );
});
