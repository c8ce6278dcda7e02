import assert from "node:assert/strict";
import { runCli } from "../cli_run.ts";

const simulate = (...args: string[]) => runCli("simulate", ...args);

const cfg = `[general]
run_name = tiny_cfg
[architecture_presets]
ArrayHeight: 8
ArrayWidth: 4
IfmapSramSzkB: 16
FilterSramSzkB: 16
OfmapSramSzkB: 8
Dataflow: is
Bandwidth: 16
[run_presets]
InterfaceBandwidth: USER
`;

Deno.test("simulate --network --format scalesim prints SCALE-Sim rows and exits 0", async () => {
  const r = await simulate("--network", "resnet18", "--array", "32x32", "--format", "scalesim");
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^LayerID, Total Cycles, Stall Cycles, Overall Util %/);
  // ResNet-18 has 21 MAC layers (20 convs incl. 3 downsample, 1 fc), no grouped convs.
  assert.equal(lines.length, 1 + 21);
  // conv1 (7x7x3, stride 2, 112x112 out): ws Sr=147 -> 5 row folds, Sc=64 -> 2 col folds,
  // T=12544: per fold 64+32+12544-2 = 12638 -> Total Cycles 10*12638-1.
  assert.equal(lines[1].split(", ")[1], String(10 * 12638 - 1));
});

Deno.test("simulate --config reads a SCALE-Sim .cfg; flags override it; --json is parseable", async () => {
  const path = await Deno.makeTempFile({ suffix: ".cfg" });
  await Deno.writeTextFile(path, cfg);
  const r = await simulate("--network", "alexnet", "--config", path, "--dataflow", "os", "--json");
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual([j.accelerator.name, j.accelerator.rows, j.accelerator.cols], [
    "tiny_cfg",
    8,
    4,
  ]);
  assert.equal(j.accelerator.dataflow, "os");
  assert.equal(j.accelerator.dramBandwidthBytesPerCycle, 16);
  assert.equal(j.total.cycles, j.total.computeCycles + j.total.stallCycles);
  await Deno.remove(path);
});

Deno.test("simulate: bad input exits non-zero with a one-line message naming the problem", async () => {
  const bad = await simulate("--network", "resnet18", "--array", "32by32");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--array must look like 32x32.*"32by32"/);
  const df = await simulate("--network", "resnet18", "--array", "0x32", "--dataflow", "rs");
  assert.equal(df.code, 1);
  assert.match(df.stderr, /rows.*got 0/);
  assert.match(df.stderr, /dataflow.*"rs"/);
  assert.equal(df.stderr.trim().split("\n").length, 1);
  const none = await simulate("--array", "4x4");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--topology.*--network/);
});

Deno.test("simulate --topology reads a SCALE-Sim CSV; --format scalesim follows SCALE-Sim on that file", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(
    path,
    [
      "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
      "Conv1, 7, 7, 3, 3, 3, 4, 1,",
      "CB_DP, 5, 5, 3, 3, 2, 1, 1,",
    ].join("\n") + "\n",
  );
  const r = await simulate("--topology", path, "--array", "8x8", "--format", "scalesim");
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(", "));
  // Conv1 is the hand-worked 7x7x3 conv: 4 row folds of 47 cycles on 8x8 ws.
  assert.deepEqual(rows[0].slice(0, 3), ["0", "187", "0"]);
  // "DP" row: SCALE-Sim runs one single-channel layer per channel (2 rows); 3x3 outputs, K=9,
  // N=1: K=9 > 8 rows gives 2 row folds of 16+8+9-2 = 31 cycles.
  assert.equal(rows.length, 3);
  assert.deepEqual([rows[1][1], rows[2][1]], ["61", "61"]);
  const table = await simulate("--topology", path, "--array", "8x8");
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /Conv1/);
  await Deno.remove(path);
});

Deno.test("simulate --format scalesim: rows without a trailing comma keep their last value", async () => {
  const dir = await Deno.makeTempDir();
  const gemm = `${dir}/gemm.csv`, conv = `${dir}/conv.csv`;
  await Deno.writeTextFile(gemm, "Layer,M,N,K\na,4,4,4\n");
  await Deno.writeTextFile(
    conv,
    "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, " +
      "Strides,\n\tConv3,9,9,3,3,2,5,2\n",
  );
  const cells = (stdout: string) => stdout.trimEnd().split("\n")[1].split(", ").slice(0, 9);
  // Hand count, 4x4 ws, M=N=K=4: one fold of 2*4+4+4-2 = 14 cycles -> Total Cycles 13; overall
  // 64/(13*16) = 30.769...%; mapping 16/16; compute util 4/17 (window 8+8+4-3 = 17); SRAM reads
  // ifmap M*K = 16, filter K*N = 16; ofmap writes M*N = 16.
  const g = await simulate("--topology", gemm, "--array", "4x4", "--format", "scalesim");
  assert.equal(g.code, 0, g.stderr);
  const gr = cells(g.stdout);
  assert.deepEqual([gr[0], gr[1], gr[2], gr[4], gr[6], gr[7], gr[8]], [
    "0",
    "13",
    "0",
    "100.0",
    "16",
    "16",
    "16",
  ]);
  assert.equal(Number(gr[3]), 6400 / 208);
  assert.ok(Math.abs(Number(gr[5]) - 400 / 17) < 1e-12); // summed per fold: last digit may differ
  // Hand count, 8x8 ws: stride 2 gives 4x4 = 16 outputs (M), K = 3*3*2 = 18, N = 5; Sr = 18 -> 3
  // row folds, Sc = 5 -> 1 col fold; per fold 16+8+16-2 = 38 -> Total Cycles 3*38-1 = 113;
  // mapping 90/192 = 46.875%; SRAM ifmap 16*18, filter 18*5, ofmap 16*5*3.
  const c = await simulate("--topology", conv, "--array", "8x8", "--format", "scalesim");
  assert.equal(c.code, 0, c.stderr);
  const row = cells(c.stdout);
  assert.deepEqual([row[1], row[4], row[6], row[7], row[8]], ["113", "46.875", "288", "90", "240"]);
  assert.equal(Number(row[3]), (16 * 18 * 5 * 100) / (113 * 64));
  assert.doesNotMatch(c.stdout + g.stdout, /nan|NaN/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("simulate --topology accepts 9-column rows: SCALE-Sim's llama3b.csv and a stride width", async () => {
  const llama = await simulate(
    "--topology",
    "tests/fixtures/scalesim/llama3b.csv",
    "--array",
    "32x32",
    "--format",
    "scalesim",
  );
  assert.equal(llama.code, 0, llama.stderr);
  const rows = llama.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(", "));
  assert.equal(rows.length, 51);
  // Embedding: M = 512 * 512, K = 3, N = 4096 on 32x32 ws: 1 row fold, 4096 / 32 = 128 column
  // folds of 2 * 32 + 32 + 262144 - 2 = 262238 cycles; Total Cycles = 128 * 262238 - 1.
  assert.equal(rows[0][1], String(128 * 262238 - 1));
  // "wide": stride 2 x 1 on 9 x 9 gives 4 x 7 = 28 outputs, K = 18, N = 5: one fold of
  // 2 * 32 + 32 + 28 - 2 = 122 cycles.
  const wide = await simulate(
    "--topology",
    "tests/fixtures/scalesim/own/stride_width.csv",
    "--array",
    "32x32",
    "--format",
    "scalesim",
  );
  assert.equal(wide.code, 0, wide.stderr);
  assert.equal(wide.stdout.split("\n")[1].split(", ")[1], "121");
  const bad = await simulate(
    "--topology",
    "tests/fixtures/scalesim/own/too_many_columns.csv",
    "--array",
    "32x32",
  );
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /row 2: expected 7 or 8 values/);
});
