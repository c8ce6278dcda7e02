/**
 * The one SCALE-Sim topology reader on SCALE-Sim v2's own example files (tests/fixtures/scalesim,
 * copied from its topologies/ folder) and on one small file per accepted or rejected form.
 * Expected numbers are worked by hand from SCALE-Sim's rules (scalesim/topology_utils.py):
 * output = ceil((in - filter + stride) / stride), M = out pixels, K = fh * fw * channels,
 * N = Num Filter; GEMM rows are M, N, K.
 */
import assert from "node:assert/strict";
import {
  type Conv2d,
  gemmView,
  layerMacs,
  networkMacs,
  parseTopology,
  readTopology,
  scaleSimGemms,
  ValidationError,
  writeTopology,
} from "../../lib/mod.ts";

const dir = new URL("../fixtures/scalesim/", import.meta.url);
const fixture = (name: string) => Deno.readTextFileSync(new URL(name, dir));

function rejects(file: string, pattern: RegExp): void {
  assert.throws(
    () => readTopology(fixture(file), file),
    (e) => e instanceof ValidationError && pattern.test(e.message),
    `${file}: ${pattern}`,
  );
}

Deno.test("SCALE-Sim examples: alexnet.csv with padded cells", () => {
  const net = readTopology(fixture("alexnet.csv"), "alexnet");
  assert.equal(net.layers.length, 5);
  // Conv1: ceil((224 - 11 + 4) / 4) = 55 -> M = 3025, K = 11 * 11 * 3 = 363, N = 96.
  assert.deepEqual(gemmView(net.layers[0]), { m: 3025, k: 363, n: 96, groups: 1 });
  // Conv2: 27 - 5 + 1 = 23 -> M = 529, K = 25 * 96 = 2400, N = 256.
  assert.deepEqual(gemmView(net.layers[1]), { m: 529, k: 2400, n: 256, groups: 1 });
});

Deno.test("SCALE-Sim examples: mobilnet_paper.csv (blank line, tabs, #dw, a row without comma)", () => {
  const net = readTopology(fixture("mobilnet_paper.csv"), "mobilnet_paper");
  // 13 + 10 + 4 + 1 data rows; none is named "...DP", so none is split per channel.
  assert.equal(net.layers.length, 28);
  assert.equal(net.layers[10].name, "Conv11"); // the row without a trailing comma
  // Conv11: 28 x 28 outputs, K = 256, N = 256 (its stride "1" is kept although it ends the row).
  assert.equal(layerMacs(net.layers[10]), 28 * 28 * 256 * 256);
  assert.equal(scaleSimGemms(fixture("mobilnet_paper.csv")).length, 28);
});

Deno.test("SCALE-Sim examples: llama3b.csv has a 9th column, read as the stride width", () => {
  const topo = parseTopology(fixture("llama3b.csv"));
  // Embedding + 24 attention + 24 feed-forward + 2 norm rows.
  assert.equal(topo.rows.length, 51);
  const r = topo.rows[0];
  assert.ok(r.kind === "conv");
  assert.deepEqual([r.strideH, r.strideW], [1, 1]);
  // Embedding: 512 x 512 outputs, K = 3, N = 4096.
  assert.deepEqual(scaleSimGemms(topo)[0], {
    name: "Embedding",
    sourceRow: 0,
    m: 512 * 512,
    k: 3,
    n: 4096,
  });
});

Deno.test("SCALE-Sim examples: Resnet_test.csv without any trailing comma keeps the stride", () => {
  const net = readTopology(fixture("Resnet_test.csv"));
  // ceil((224 - 7 + 2) / 2) = 110 (the stride 2 is the last cell of each row).
  assert.deepEqual(gemmView(net.layers[0]), { m: 110 * 110, k: 147, n: 64, groups: 1 });
});

Deno.test("SCALE-Sim examples: GEMM files NCF.csv and test_mnk_input.csv", () => {
  const ncf = readTopology(fixture("NCF.csv"), "ncf");
  assert.equal(ncf.layers.length, 12);
  assert.deepEqual(gemmView(ncf.layers[0]), { m: 256, k: 2048, n: 128, groups: 1 });
  assert.deepEqual(gemmView(ncf.layers[11]), { m: 2048, k: 1, n: 128, groups: 1 });
  // Header "Layer Name, M, N, K," (other first name, trailing comma); no final newline.
  const t = readTopology(fixture("test_mnk_input.csv"));
  assert.deepEqual(t.layers.map((l) => l.name), ["Test 1"]);
  assert.deepEqual(gemmView(t.layers[0]), { m: 256, k: 256, n: 128, groups: 1 });
});

Deno.test("SCALE-Sim examples: Transformer_short.csv is rejected at its empty row 2", () => {
  // SCALE-Sim itself stops there: int('') raises ValueError.
  rejects("Transformer_short.csv", /row 2, column 1 \(Layer name\): empty name/);
  rejects("Transformer_short.csv", /row 2, column 2 \(IFMAP Height\): .* got ""/);
});

Deno.test("topology form: a header with other names is skipped", () => {
  const net = readTopology(fixture("own/any_header.csv"));
  // ceil((9 - 3 + 2) / 2) = 4 -> 4 x 4 outputs, K = 18, N = 5.
  assert.deepEqual(gemmView(net.layers[0]), { m: 16, k: 18, n: 5, groups: 1 });
});

Deno.test("topology form: stride width different from stride height is modelled", () => {
  const text = fixture("own/stride_width.csv");
  const net = readTopology(text);
  const wide = net.layers[0] as Conv2d;
  assert.deepEqual([wide.strideH, wide.strideW], [2, 1]);
  // Height: ceil((9 - 3 + 2) / 2) = 4; width: 9 - 3 + 1 = 7 -> M = 28.
  assert.equal(gemmView(wide)!.m, 28);
  assert.equal(gemmView(net.layers[1])!.m, 16);
  assert.deepEqual(scaleSimGemms(text).map((g) => g.m), [28, 16]);
  // Written back with the 9th column (strides differ), read again: same GEMMs.
  const csv = writeTopology(net);
  assert.match(csv.split("\n")[0], /Strides, Stride Width,$/);
  const back = readTopology(csv);
  assert.deepEqual(back.layers.map(gemmView), net.layers.map(gemmView));
});

Deno.test("topology form: a DP row is SCALE-Sim's per-channel layer, a grouped conv here", () => {
  const text = fixture("own/dp_rows.csv");
  const net = readTopology(text);
  // CB_DP: 2 channels, 1 filter each, 3 x 3 outputs, 3 x 3 filter: groups = 2.
  assert.deepEqual(gemmView(net.layers[1]), { m: 9, k: 9, n: 1, groups: 2 });
  assert.equal(layerMacs(net.layers[1]), 2 * 9 * 9);
  const gemms = scaleSimGemms(text);
  assert.deepEqual(gemms.map((g) => g.name), ["Conv1", "CB_DPChannel_0", "CB_DPChannel_1"]);
  const sum = gemms.reduce((s, g) => s + g.m * g.k * g.n, 0);
  assert.equal(sum, networkMacs(net));
  // Writing never produces a "DP" name, so SCALE-Sim does not split our rows.
  assert.doesNotMatch(writeTopology(net), /DP/);
});

Deno.test("topology form: GEMM with spaces and a mixed trailing comma", () => {
  const net = readTopology(fixture("own/gemm.csv"));
  assert.deepEqual(net.layers.map(gemmView), [
    { m: 64, k: 32, n: 64, groups: 1 },
    { m: 64, k: 64, n: 32, groups: 1 },
  ]);
});

Deno.test("topology form: rejected files name row and column", () => {
  rejects("own/too_many_columns.csv", /row 2: expected 7 or 8 values after the name.*got 9/);
  rejects(
    "own/bad_cell.csv",
    /row 2, column 6 \(Channels\): expected a positive integer, got "3.5"/,
  );
  rejects("own/zero_stride_width.csv", /row 2, column 9 \(Stride Width\): .* got "0"/);
  rejects("own/filter_too_wide.csv", /row 2, column 5 \(Filter Width\): 7 > IFMAP Width 5/);
  rejects("own/gemm_missing_k.csv", /row 2: expected 3 values after the name \(M, N, K\), got 2/);
  rejects("own/header_only.csv", /row 1: header only, no layers/);
});

Deno.test("topology form: the caller may name the format", () => {
  // Four cells would be read as a GEMM row; named "conv" the row is too short.
  assert.throws(
    () => readTopology("h\na, 1, 2, 3,\n", "x", "conv"),
    /row 2: expected 7 or 8 values/,
  );
  assert.equal(parseTopology("h\na, 1, 2, 3,\n").format, "gemm");
});
