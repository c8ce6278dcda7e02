/** Part of `deno task check`: every notebook's .ipynb matches its source's cells (run `deno task notebooks` if not). */
import { parsePercent } from "./nb.ts";

let bad = 0;
for (
  const e of [...Deno.readDirSync("notebooks/src")].sort((a, b) => a.name.localeCompare(b.name))
) {
  if (!e.name.endsWith(".ts")) continue;
  const name = e.name.replace(/\.ts$/, "");
  const cells = parsePercent(await Deno.readTextFile(`notebooks/src/${e.name}`));
  let nb: { cells: { source: string[] }[] };
  try {
    nb = JSON.parse(await Deno.readTextFile(`notebooks/${name}.ipynb`));
  } catch {
    console.error(`check: notebooks/${name}.ipynb is missing; run deno task notebooks ${name}`);
    bad++;
    continue;
  }
  const same = nb.cells.length === cells.length &&
    nb.cells.every((c, i) => c.source.join("") === cells[i].source);
  if (!same) {
    console.error(`check: notebooks/${name}.ipynb is stale; run deno task notebooks ${name}`);
    bad++;
  }
}
if (bad) Deno.exit(1);
