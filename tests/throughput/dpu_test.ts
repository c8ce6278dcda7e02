import assert from "node:assert/strict";
import {
  corePeakOpsPerSecond,
  DPU_SIZES,
  dpuSize,
  parseDpuConfig,
  peakOpsPerCycle,
} from "../../lib/arch/dpu/sizes.ts";
import { DEFAULT_PLATFORM } from "../../lib/arch/dpu/platform.ts";
import { dpuCoreWatts } from "../../lib/arch/dpu/power.ts";
import { ValidationError } from "../../lib/validate.ts";

Deno.test("dpu: peak ops per cycle match PG338's table (2 x PP x ICP x OCP)", () => {
  // PG338 "Architecture of the DPUCZDX8G": the size name is the peak ops per cycle.
  for (const s of DPU_SIZES) assert.equal(peakOpsPerCycle(s), Number(s.arch.slice(1)), s.arch);
  // Study summary table: B4096 at 300 MHz = 1228.8 GOPS, B1024 = 307.2 GOPS.
  const gops = (arch: string) =>
    corePeakOpsPerSecond(parseDpuConfig({ arch, cores: 1, mhz: 300 })) / 1e9;
  assert.ok(Math.abs(gops("B4096") - 1228.8) < 1e-9);
  assert.ok(Math.abs(gops("B1024") - 307.2) < 1e-9);
});

Deno.test("dpu: sizes are read from board strings; unknown sizes name the value", () => {
  assert.equal(dpuSize("B4096F").arch, "B4096");
  assert.equal(dpuSize("DPUCZDX8G B1024").pp, 8);
  assert.throws(() => dpuSize("B999"), /unknown DPU size "B999"/);
  assert.throws(() => dpuSize("none"), /unknown DPU size "none"/);
});

Deno.test("dpu: config defaults (300 MHz, ALU parallelism PP/2) and validation", () => {
  const c = parseDpuConfig({ arch: "B2304", cores: 2 });
  assert.equal(c.mhz, 300);
  assert.equal(c.aluParallel, 4); // PG338: recommended ALU parallelism PP/2, PP = 8
  assert.throws(() => parseDpuConfig({ arch: "B4096", cores: 5 }), ValidationError);
  assert.throws(
    () => parseDpuConfig({ arch: "B4096", cores: 0, mhz: -1 }),
    (e: Error) => /cores/.test(e.message) && /mhz/.test(e.message),
  );
  assert.throws(() => parseDpuConfig({ arch: "B512", cores: 1, aluParallel: 8 }), /aluParallel 8/);
});

Deno.test("power: DPU dynamic power scales with peak ops per second from a B4096 at 300 MHz", () => {
  // platform.ts: 2.0 W per busy B4096 at 300 MHz; a B1024 has a quarter of its MACs.
  const w = (arch: string, mhz: number) =>
    dpuCoreWatts(DEFAULT_PLATFORM, parseDpuConfig({ arch, cores: 1, mhz }));
  assert.ok(Math.abs(w("B4096", 300) - 2.0) < 1e-12);
  assert.ok(Math.abs(w("B1024", 300) - 0.5) < 1e-12);
  assert.ok(Math.abs(w("B4096", 150) - 1.0) < 1e-12);
});
