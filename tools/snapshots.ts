/** `deno task snapshots:update`: rewrite tests/plot/snapshots/<name>.svg from tests/plot/snapshots.ts. */
import { chartToSvg } from "../lib/plot/svg.ts";
import { charts, SNAPSHOT_DIR } from "../tests/plot/snapshots.ts";

await Deno.mkdir(SNAPSHOT_DIR, { recursive: true });
for (const [name, draw] of Object.entries(charts)) {
  await Deno.writeTextFile(new URL(`${name}.svg`, SNAPSHOT_DIR), chartToSvg(draw()));
}
console.error(`${Object.keys(charts).length} snapshots written to tests/plot/snapshots/`);
