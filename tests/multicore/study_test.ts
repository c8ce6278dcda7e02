import assert from "node:assert/strict";
import {
  defaultHeterogeneousSetup,
  parseHeterogeneousSetup,
  quickHeterogeneousSetup,
  spaceIndices,
} from "../../lib/experiments/heterogeneous/setup.ts";
import { runHeterogeneous } from "../../lib/experiments/heterogeneous/mod.ts";
import { expandSpace } from "../../lib/multicore/mod.ts";

Deno.test("the published set-up: 648 grid points, 16 core types inside the grid", () => {
  const s = defaultHeterogeneousSetup;
  const configs = expandSpace(s.grid);
  assert.equal(configs.length, 9 * 6 * 3 * 4); // arrays x buffers x dataflows x bandwidths
  const { space, reference } = spaceIndices(s, configs);
  assert.equal(space.length, 4 * 2 * 2); // arrays x buffers x dataflows, one bandwidth
  assert.ok(reference >= 0);
  assert.equal(new Set(space).size, space.length);
});

Deno.test("set-up errors name the field", () => {
  const bad = { ...defaultHeterogeneousSetup, networks: [], referenceCore: { rows: 32 } };
  assert.throws(() => parseHeterogeneousSetup(bad), /networks.*referenceCore\.cols/s);
  const outside = {
    ...defaultHeterogeneousSetup,
    referenceCore: { ...defaultHeterogeneousSetup.referenceCore, bufferKiB: 333 },
  };
  assert.throws(
    () => spaceIndices(outside, expandSpace(outside.grid)),
    /333.*not in the sweep grid/,
  );
});

Deno.test("quick study run: consistent headline, tables and figures", async () => {
  const steps: string[] = [];
  const out = await runHeterogeneous(
    { progress: (s) => steps.push(s), quick: true },
    quickHeterogeneousSetup(defaultHeterogeneousSetup),
    { workers: 0 },
  );
  assert.ok(
    steps.some((s) => s.includes("sweep")) && steps.some((s) => s.includes("distribution")),
  );
  const h = Object.fromEntries(out.headline.map((x) => [x.metric, x]));
  // The paper's numbers (abstract of Maleki et al., arXiv 2206.12605).
  assert.equal(h.max_energy_saving.paper, 0.36);
  assert.equal(h.max_edp_saving.paper, 0.67);
  // One best-core row per network of the quick set-up's list.
  const best = out.tables.bestCore as Record<string, number>[];
  assert.deepEqual(best.map((r) => r.network), ["alexnet", "resnet18", "mobilenet_v2", "ncf"]);
  // The headline maxima are the largest per-network savings of the best-core table.
  const maxOf = (k: string) => Math.max(...best.map((r) => r[k]));
  assert.equal(h.max_energy_saving.ours, maxOf("energySavingVsHomogeneous"));
  assert.equal(h.max_edp_saving.ours, maxOf("edpSavingVsHomogeneous"));
  for (const m of ["max_energy_saving", "max_edp_saving"]) {
    assert.ok(h[m].ours >= 0 && h[m].ours < 1, `${m} = ${h[m].ours}`);
  }
  // The efficiency is the mean over the distribution rows with N >= 2 (N = 1 is 1 by definition).
  const dist = (out.tables.distribution as Record<string, number>[]).filter((r) => r.cores >= 2);
  const meanEff = dist.reduce((s, r) => s + r.efficiency, 0) / dist.length;
  assert.ok(Math.abs(h.layer_distribution_efficiency.ours - meanEff) < 1e-12);
  assert.ok(meanEff > 0 && meanEff <= 1);
  // The best k-type chip never does worse than a chip with fewer types.
  const ct = out.tables.coreTypes.filter((r) => r.metric === "energy");
  for (let i = 1; i < ct.length; i++) {
    assert.ok(Number(ct[i].spaceExactMean) <= Number(ct[i - 1].spaceExactMean));
  }
  // The notebook's figures B-F1..B-F6 (notebooks/src/02-heterogeneous.ts): B-F1 as array size,
  // B-F3 as dataflow and bandwidth, B-F6 as speed-up and memory; plus the core-type count chart.
  assert.deepEqual(out.figures.map((f) => f.name), [
    "array-size",
    "buffer-size",
    "dataflow",
    "bandwidth",
    "breakdown",
    "savings",
    "core-types",
    "speedup",
    "memory",
  ]);
});
