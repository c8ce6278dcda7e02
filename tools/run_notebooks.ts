/**
 * `deno task notebooks [name...]`: execute notebooks/src/<name>.ts as notebooks/<name>.ipynb through
 * the Deno Jupyter kernel. Exits 1 naming the notebook, cell and error when a cell throws, and
 * says what to install when Jupyter is missing.
 */
import { parseArgs } from "node:util";
import { executeNotebook, jupyterProblem } from "./jupyter.ts";

const SRC = "notebooks/src";

async function main(): Promise<number> {
  const { positionals } = parseArgs({ args: Deno.args, allowPositionals: true, strict: true });
  const all = [...Deno.readDirSync(SRC)].filter((e) => e.name.endsWith(".ts")).map((e) =>
    e.name.replace(/\.ts$/, "")
  ).sort();
  const names = positionals.length ? positionals : all;
  for (const n of names) {
    if (!all.includes(n)) {
      console.error(`notebooks: unknown notebook "${n}" (known: ${all.join(", ")})`);
      return 2;
    }
  }
  const j = await jupyterProblem();
  if ("missing" in j) {
    console.error(`notebooks: Jupyter is not ready; install ${j.missing}`);
    return 1;
  }
  let failed = 0;
  for (const n of names) {
    const t0 = performance.now();
    const errors = await executeNotebook(j.python, `${SRC}/${n}.ts`, `notebooks/${n}.ipynb`);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (errors.length === 0) {
      console.error(`notebooks: ${n} ok (${secs}s)`);
      continue;
    }
    failed++;
    for (const e of errors) {
      console.error(
        `notebooks: ${n}.ipynb cell ${e.cell} (${e.firstLine}): ${e.ename}: ${e.evalue}`,
      );
    }
  }
  return failed ? 1 : 0;
}

Deno.exit(await main());
