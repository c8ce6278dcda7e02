/**
 * Each study's headline metrics from a `--quick` run must equal the pinned ones in
 * tests/golden/<study>.json within 1e-9 (relative above 1). A deliberate change is pinned again
 * with `deno task golden:update <study>`, and the commit says why.
 */
import assert from "node:assert/strict";
import { studies } from "../../lib/experiments/registry.ts";
import { type Golden, GOLDEN_DIR, goldenDiff, quickHeadline } from "../../tools/golden.ts";

for (const study of studies) {
  Deno.test(`golden: ${study.id} --quick headline equals tests/golden/${study.id}.json`, async () => {
    const file = new URL(`${study.id}.json`, GOLDEN_DIR);
    const pinned = JSON.parse(await Deno.readTextFile(file)) as Golden;
    const now = await quickHeadline(study);
    const diff = goldenDiff(pinned, now);
    assert.deepEqual(
      diff,
      [],
      `${study.id} changed (deno task golden:update ${study.id}):\n${diff.join("\n")}`,
    );
  });
}

Deno.test("goldenDiff: equal within 1e-9, names a changed, missing or added metric", () => {
  const g = (h: [string, number][]): Golden => ({
    study: "s",
    command: "",
    headline: h.map(([metric, ours]) => ({ metric, ours })),
  });
  assert.deepEqual(goldenDiff(g([["a", 1000]]), g([["a", 1000 + 5e-7]])), []);
  assert.deepEqual(goldenDiff(g([["a", 0.5]]), g([["a", 0.5 + 2e-9]])).length, 1);
  assert.deepEqual(goldenDiff(g([["a", 1], ["b", 2]]), g([["a", 1], ["c", 2]])), [
    "b: pinned 2, now (absent)",
    "c: pinned (absent), now 2",
  ]);
  assert.match(goldenDiff(g([["a", 1]]), g([["a", NaN]]))[0], /a: pinned 1, now NaN/);
});
