import assert from "node:assert/strict";

async function simulate(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "lib/cli.ts", "simulate", ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

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
