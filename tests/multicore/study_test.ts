import assert from "node:assert/strict";
import {
  defaultHeterogeneousSetup,
  parseHeterogeneousSetup,
  quickHeterogeneousSetup,
  spaceIndices,
} from "../../lib/experiments/heterogeneous-setup.ts";
import { runHeterogeneous } from "../../lib/experiments/heterogeneous.ts";
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
  assert.equal(h.max_energy_saving.paper, 0.36);
  assert.equal(h.max_edp_saving.paper, 0.67);
  for (const m of ["max_energy_saving", "max_edp_saving"]) {
    assert.ok(h[m].ours >= 0 && h[m].ours < 1, `${m} = ${h[m].ours}`);
  }
  const eff = h.layer_distribution_efficiency.ours;
  assert.ok(eff > 0 && eff <= 1);
  // The best k-type chip never does worse than a chip with fewer types.
  const ct = out.tables.coreTypes.filter((r) => r.metric === "energy");
  for (let i = 1; i < ct.length; i++) {
    assert.ok(Number(ct[i].spaceExactMean) <= Number(ct[i - 1].spaceExactMean));
  }
  assert.equal(out.figures.length, 9);
  assert.equal(out.tables.bestCore.length, 4);
});
