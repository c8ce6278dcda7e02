import assert from "node:assert/strict";
import {
  defaultAccelerator,
  defaultEnergyTable,
  parseAccelerator,
  parseScaleSimConfig,
} from "../../lib/arch/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

function rejects(input: unknown, ...patterns: RegExp[]) {
  assert.throws(() => parseAccelerator(input), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

Deno.test("accelerator defaults: only rows and cols are required", () => {
  const a = parseAccelerator({ rows: 32, cols: 16 });
  assert.equal(a.dataflow, "ws");
  assert.deepEqual([a.ifmapSramKiB, a.filterSramKiB, a.ofmapSramKiB], [256, 256, 128]);
  assert.equal(a.wordBytes, 1);
  assert.deepEqual(a.energy, defaultEnergyTable);
  assert.equal(defaultAccelerator(8, 4, { dataflow: "os" }).dataflow, "os");
});

Deno.test("bad accelerator configs name the field and the value", () => {
  rejects({ rows: 0, cols: 4 }, /rows/, /got 0/);
  rejects({ rows: 4, cols: 4, dataflow: "rs" }, /dataflow/, /"rs"/);
  rejects({ rows: 4, cols: 4, dramBandwidthBytesPerCycle: -1 }, /dramBandwidthBytesPerCycle/, /-1/);
  rejects({ rows: 2.5, cols: 4 }, /rows/);
  rejects({ cols: 4 }, /rows/, /missing/);
  rejects({ rows: 4, cols: 4, energy: { ...defaultEnergyTable, macPJ: -1 } }, /energy\.macPJ/);
  // Every problem is listed, not only the first.
  rejects({ rows: 0, cols: -3, dataflow: "x" }, /rows/, /cols/, /dataflow/);
});

// SCALE-Sim's shipped configs/scale.cfg layout (values as in the repository's preset).
const scaleCfg = `[general]
run_name = scale_example_run_32x32_os

[architecture_presets]
ArrayHeight:    32
ArrayWidth:     32
IfmapSramSzkB:    64
FilterSramSzkB:   64
OfmapSramSzkB:    64
IfmapOffset:    0
FilterOffset:   10000000
OfmapOffset:    20000000
Bandwidth : 64
Dataflow : os
MemoryBanks: 1

[run_presets]
InterfaceBandwidth: CALC
`;

Deno.test("SCALE-Sim .cfg files map onto the accelerator", () => {
  const a = parseScaleSimConfig(scaleCfg);
  assert.equal(a.name, "scale_example_run_32x32_os");
  assert.deepEqual([a.rows, a.cols, a.dataflow], [32, 32, "os"]);
  assert.deepEqual([a.ifmapSramKiB, a.filterSramKiB, a.ofmapSramKiB], [64, 64, 64]);
  assert.equal(a.dramBandwidthBytesPerCycle, 64);
  assert.equal(a.wordBytes, 1);
  // Keys are case-insensitive; '=' works like ':'; overrides win.
  const b = parseScaleSimConfig(scaleCfg.replace("ArrayHeight:    32", "arrayheight = 8"), {
    dataflow: "ws",
  });
  assert.deepEqual([b.rows, b.dataflow], [8, "ws"]);
});

Deno.test("bad SCALE-Sim configs name the key and value", () => {
  assert.throws(
    () => parseScaleSimConfig(scaleCfg.replace("ArrayWidth:     32", "ArrayWidth: wide")),
    /arraywidth.*ArrayWidth must be a positive integer.*"wide"/,
  );
  assert.throws(
    () => parseScaleSimConfig(scaleCfg.replace("ArrayWidth:     32\n", "")),
    /architecture_presets\.arraywidth.*missing/,
  );
  assert.throws(
    () => parseScaleSimConfig(scaleCfg.replace("Dataflow : os", "Dataflow : rs")),
    /dataflow.*"rs"/,
  );
  assert.throws(() => parseScaleSimConfig("ArrayHeight: 3"), /line 1/);
  assert.throws(
    () => parseScaleSimConfig(scaleCfg.replace("ArrayHeight:    32", "ArrayHeight: 0")),
    /rows.*got 0/,
  );
});
