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
