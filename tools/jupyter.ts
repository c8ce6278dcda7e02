/**
 * Execute a notebook through the real Deno Jupyter kernel (nbconvert + nbclient), then report
 * every cell that raised and strip volatile metadata so re-runs on unchanged code give no diff.
 */
import { basename, dirname } from "node:path";
import { notebookJson, parsePercent, toNotebook } from "./nb.ts";

/** A cell that raised during execution. */
export interface CellError {
  /** 1-based index among all cells. */
  cell: number;
  /** First line of the cell's source. */
  firstLine: string;
  ename: string;
  evalue: string;
}

const JUPYTER_CANDIDATES = ["/usr/bin/jupyter", "jupyter"];

/** What to install when Jupyter or the Deno kernel is missing, or null when ready. */
export async function jupyterProblem(): Promise<{ jupyter: string } | { missing: string }> {
  for (const exe of JUPYTER_CANDIDATES) {
    try {
      const out = await new Deno.Command(exe, {
        args: ["kernelspec", "list", "--json"],
        stdout: "piped",
        stderr: "null",
      }).output();
      if (!out.success) continue;
      const specs = JSON.parse(new TextDecoder().decode(out.stdout)).kernelspecs ?? {};
      const nbc = await new Deno.Command(exe, {
        args: ["nbconvert", "--version"],
        stdout: "null",
        stderr: "null",
      })
        .output();
      if (!nbc.success) {
        return { missing: "apt-get install -y jupyter-nbconvert python3-nbclient" };
      }
      if (!specs.deno) return { missing: "the Deno kernel: run `deno jupyter --install`" };
      return { jupyter: exe };
    } catch {
      // not on this path; try the next candidate
    }
  }
  return {
    missing: "Jupyter: apt-get update && apt-get install -y --no-install-recommends " +
      "jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-core, " +
      "then `deno jupyter --install`",
  };
}

type Cell = {
  cell_type: string;
  source: string[];
  metadata: Record<string, unknown>;
  outputs?: { output_type: string; ename?: string; evalue?: string }[];
};

/** Remove volatile fields (timings) in place, and collect error outputs. */
export function scrubNotebook(
  nb: { cells: Cell[]; metadata: Record<string, unknown> },
): CellError[] {
  const errors: CellError[] = [];
  nb.cells.forEach((c, i) => {
    delete c.metadata.execution;
    for (const o of c.outputs ?? []) {
      if (o.output_type === "error") {
        errors.push({
          cell: i + 1,
          firstLine: (c.source[0] ?? "").trim(),
          ename: o.ename ?? "Error",
          evalue: (o.evalue ?? "").split("\n")[0],
        });
      }
    }
  });
  const li = nb.metadata.language_info as Record<string, unknown> | undefined;
  if (li) delete li.version;
  return errors;
}

/**
 * Build `outPath` (.ipynb) from the percent-format source `srcPath`, execute it in `outPath`'s folder,
 * write it back with outputs, and return the cells that raised (empty when all ran).
 */
export async function executeNotebook(
  jupyter: string,
  srcPath: string,
  outPath: string,
  timeoutSeconds = 1200,
): Promise<CellError[]> {
  const cells = parsePercent(await Deno.readTextFile(srcPath));
  await Deno.writeTextFile(outPath, notebookJson(toNotebook(cells)));
  const out = await new Deno.Command(jupyter, {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--allow-errors",
      `--ExecutePreprocessor.timeout=${timeoutSeconds}`,
      "--ExecutePreprocessor.kernel_name=deno",
      basename(outPath),
      "--output",
      basename(outPath),
    ],
    cwd: dirname(outPath),
    stdout: "piped",
    stderr: "piped",
    env: { PYDEVD_DISABLE_FILE_VALIDATION: "1", NO_COLOR: "1" },
  }).output();
  if (!out.success) {
    const msg = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-3).join(" | ");
    return [{ cell: 0, firstLine: "", ename: "nbconvert", evalue: msg }];
  }
  const nb = JSON.parse(await Deno.readTextFile(outPath));
  const errors = scrubNotebook(nb);
  await Deno.writeTextFile(outPath, notebookJson(nb));
  return errors;
}
