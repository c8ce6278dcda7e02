/**
 * Execute a notebook through the real Deno Jupyter kernel (tools/execute_notebook.py, on Debian's
 * jupyter_client), then report every cell that raised and strip volatile metadata so re-runs on
 * unchanged code give no diff.
 */
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

const PYTHONS = ["/usr/bin/python3", "python3"];
const PROBE = "import json; from jupyter_client.kernelspec import KernelSpecManager as K; " +
  "print(json.dumps(sorted(K().find_kernel_specs())))";
const INSTALL = "apt-get update && apt-get install -y --no-install-recommends jupyter-nbconvert " +
  "python3-nbclient jupyter-client python3-ipykernel jupyter-core, then `deno jupyter --install`";

/** A Python with jupyter_client and the Deno kernelspec, or what to install. */
export async function jupyterProblem(): Promise<{ python: string } | { missing: string }> {
  for (const exe of PYTHONS) {
    try {
      const out = await new Deno.Command(exe, {
        args: ["-c", PROBE],
        stdout: "piped",
        stderr: "null",
      })
        .output();
      if (!out.success) continue;
      const specs: string[] = JSON.parse(new TextDecoder().decode(out.stdout));
      if (!specs.includes("deno")) {
        return { missing: "the Deno kernel: run `deno jupyter --install`" };
      }
      return { python: exe };
    } catch {
      // this interpreter is absent; try the next one
    }
  }
  return { missing: `Jupyter: ${INSTALL}` };
}

type Cell = {
  cell_type: string;
  source: string[];
  metadata: Record<string, unknown>;
  outputs?: { output_type: string; ename?: string; evalue?: string }[];
};

/** Remove volatile fields (timings) in place, and collect error outputs. language_info is kept whole:
 * the Notebook UI writes the kernel's (version included) when it saves. */
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
  return errors;
}

const EXECUTOR = new URL("./execute_notebook.py", import.meta.url).pathname;

/**
 * Build `outPath` (.ipynb) from the percent-format source `srcPath`, execute it on the Deno kernel
 * (working directory: `outPath`'s folder), write it back with outputs, and return the cells that
 * raised (empty when all ran).
 */
export async function executeNotebook(
  python: string,
  srcPath: string,
  outPath: string,
  timeoutSeconds = 1200,
): Promise<CellError[]> {
  const cells = parsePercent(await Deno.readTextFile(srcPath));
  await Deno.writeTextFile(outPath, notebookJson(toNotebook(cells)));
  const out = await new Deno.Command(python, {
    args: [EXECUTOR, outPath, "--timeout", String(timeoutSeconds)],
    stdout: "piped",
    stderr: "piped",
    env: { PYDEVD_DISABLE_FILE_VALIDATION: "1", NO_COLOR: "1" },
  }).output();
  if (!out.success) {
    const msg = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-3).join(" | ");
    return [{ cell: 0, firstLine: "", ename: "kernel", evalue: msg }];
  }
  const nb = JSON.parse(await Deno.readTextFile(outPath));
  const errors = scrubNotebook(nb);
  await Deno.writeTextFile(outPath, notebookJson(nb));
  return errors;
}
