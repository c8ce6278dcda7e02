/**
 * Figure snapshots: every chart in snapshots.ts, rendered to SVG (ids renumbered by chartToSvg),
 * must equal tests/plot/snapshots/<name>.svg byte for byte. After a deliberate change:
 * `deno task snapshots:update` (and say why in the commit).
 */
import assert from "node:assert/strict";
import { chartToSvg } from "../../lib/plot/svg.ts";
import { charts, SNAPSHOT_DIR } from "./snapshots.ts";

for (const [name, draw] of Object.entries(charts)) {
  Deno.test(`snapshot ${name}`, async () => {
    const want = await Deno.readTextFile(new URL(`${name}.svg`, SNAPSHOT_DIR));
    const got = chartToSvg(draw());
    if (got !== want) {
      let i = 0;
      while (i < got.length && got[i] === want[i]) i++;
      assert.fail(
        `${name}.svg differs at character ${i} (deno task snapshots:update if intended):\n` +
          `pinned: ${want.slice(Math.max(0, i - 80), i + 120)}\n` +
          `now:    ${got.slice(Math.max(0, i - 80), i + 120)}`,
      );
    }
  });
}

// A chart function added to a study's figures module without a snapshot entry would go unchecked:
// every exported `...Chart` of the migrated studies must be called in snapshots.ts.
Deno.test("snapshots.ts calls every chart function of partitioning, heterogeneous, magma, cnn-throughput, synergyflow", async () => {
  const source = await Deno.readTextFile(new URL("./snapshots.ts", import.meta.url));
  const modules = {
    part: await import("../../lib/experiments/partitioning/figures.ts"),
    het: await import("../../lib/experiments/heterogeneous/figures.ts"),
    cnn: await import("../../lib/experiments/cnn-throughput/figures.ts"),
    syn: await import("../../lib/experiments/synergyflow/figures.ts"),
    magma: await import("../../lib/experiments/magma/figures.ts"),
  };
  const missing = Object.entries(modules).flatMap(([alias, mod]) =>
    Object.keys(mod).filter((f) => f.endsWith("Chart") && !source.includes(`${alias}.${f}(`))
      .map((f) => `${alias}.${f}`)
  );
  assert.deepEqual(missing, []);
});

// The classic notebook's output area is 778 px wide below a 1200 px window: the migrated studies'
// charts must fit in it with a margin.
Deno.test("charts of partitioning, heterogeneous, magma, cnn-throughput, synergyflow are at most 760 px wide", () => {
  const studies = ["partitioning-", "heterogeneous-", "magma-", "cnn-throughput-", "synergyflow-"];
  const wide = Object.entries(charts)
    .filter(([name]) => studies.some((s) => name.startsWith(s)))
    .map(([name, draw]) =>
      [name, Number(/width="([\d.]+)"/.exec(chartToSvg(draw()))?.[1])] as const
    )
    .filter(([, width]) => !(width <= 760));
  assert.deepEqual(wide, []);
});
