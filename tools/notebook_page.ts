/**
 * What the browser check asks of one classic-Notebook page: which outputs a committed notebook
 * holds (from its JSON), whether they render (evaluated inside the page), and the live outputs
 * after Kernel > Restart & Run All.
 */

/** What one committed output should render as. */
export type OutputKind = "figure" | "table" | "other";

/** Outputs of one code cell, by its 1-based index among all cells. */
export interface CellExpectation {
  cell: number;
  outputs: OutputKind[];
  /** `output_type` and sorted MIME keys per output, for comparing a live run. */
  signatures: string[];
}

interface NbOutput {
  output_type: string;
  data?: Record<string, unknown>;
}

function joined(v: unknown): string {
  return Array.isArray(v) ? v.join("") : String(v ?? "");
}

/** What an output renders as, from its MIME bundle. */
export function outputKind(o: NbOutput): OutputKind {
  const d = o.data ?? {};
  if ("image/png" in d || "image/svg+xml" in d) return "figure";
  if ("text/html" in d && /<table[\s>]/.test(joined(d["text/html"]))) return "table";
  if (/^\|[ :-]+\|/m.test(joined(d["text/markdown"]))) return "table";
  return "other";
}

/** One output's signature, e.g. `display_data:figure` (a misplaced output changes a cell's list). */
export function outputSignature(o: NbOutput): string {
  return `${o.output_type}:${outputKind(o)}`;
}

/** Expected outputs per code cell of a notebook's JSON text. */
export function expectations(nbText: string): CellExpectation[] {
  const nb = JSON.parse(nbText) as { cells: { cell_type: string; outputs?: NbOutput[] }[] };
  const out: CellExpectation[] = [];
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const outputs = (c.outputs ?? []).map(outputKind);
    out.push({ cell: i + 1, outputs, signatures: (c.outputs ?? []).map(outputSignature) });
  });
  return out;
}

/** A rendering problem found in the page, named by cell and output. */
export interface PageProblem {
  cell: number;
  output: number;
  message: string;
}

/**
 * Runs inside the page (passed to puppeteer's `page.evaluate`): checks every expected figure is a
 * loaded, visible image no wider than its output area, every table an HTML table that fits.
 */
export function checkRenderedOutputs(exp: CellExpectation[]): PageProblem[] {
  type Cell = { element: ArrayLike<HTMLElement> };
  const jup = (globalThis as unknown as { Jupyter: { notebook: { get_cells(): Cell[] } } }).Jupyter;
  const cells = jup.notebook.get_cells();
  const problems: PageProblem[] = [];
  for (const e of exp) {
    const el = cells[e.cell - 1].element[0];
    const areas = [...el.querySelectorAll<HTMLElement>(".output_area")];
    if (areas.length !== e.outputs.length) {
      problems.push({
        cell: e.cell,
        output: 0,
        message: `${areas.length} outputs shown, ${e.outputs.length} in the file`,
      });
      continue;
    }
    e.outputs.forEach((kind, k) => {
      const sub = areas[k].querySelector<HTMLElement>(".output_subarea");
      const say = (message: string) => problems.push({ cell: e.cell, output: k + 1, message });
      if (!sub) {
        return say(
          kind === "figure"
            ? "figure shows nothing (an untrusted notebook drops image/svg+xml; no image/png?)"
            : "output shows nothing",
        );
      }
      const cs = getComputedStyle(sub);
      const room = sub.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (kind === "figure") {
        const img = sub.querySelector<HTMLImageElement | SVGSVGElement>("img, svg");
        if (!img) return say("figure shows no image (untrusted SVG dropped and no PNG?)");
        const r = img.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return say(`figure image is ${r.width}x${r.height} px`);
        if (img instanceof HTMLImageElement && !(img.complete && img.naturalWidth > 0)) {
          return say("figure image did not load");
        }
        const natural = img instanceof HTMLImageElement
          ? img.naturalWidth
          : Number(img.getAttribute("width")) || r.width;
        if (natural > room + 0.5) {
          say(`figure is ${natural} px wide, output area ${Math.floor(room)} px`);
        }
      } else if (kind === "table") {
        const t = sub.querySelector("table");
        if (!t) return say("table shows as text, not an HTML table");
        const w = t.getBoundingClientRect().width;
        if (w > room + 0.5 || sub.scrollWidth > sub.clientWidth + 1) {
          say(`table is ${Math.ceil(w)} px wide, output area ${Math.floor(room)} px`);
        }
      }
    });
  }
  return problems;
}

/** Runs inside the page: each code cell's live outputs as signatures, and whether all ran. */
export function liveOutputs(): { done: boolean; cells: { cell: number; signatures: string[] }[] } {
  type Cell = {
    cell_type: string;
    input_prompt_number?: number | string | null;
    output_area: { outputs: NbOutput[] };
  };
  const jup = (globalThis as unknown as {
    Jupyter: { notebook: { get_cells(): Cell[]; kernel_busy?: boolean } };
  }).Jupyter;
  const cells = jup.notebook.get_cells();
  let done = true;
  const out: { cell: number; signatures: string[] }[] = [];
  cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    if (typeof c.input_prompt_number !== "number") done = false;
    // The same classification as outputKind (this function runs in the page, alone).
    const signatures = c.output_area.outputs.map((o) => {
      const d = o.data ?? {};
      const text = (v: unknown) => Array.isArray(v) ? v.join("") : String(v ?? "");
      const kind = "image/png" in d || "image/svg+xml" in d
        ? "figure"
        : ("text/html" in d && /<table[\s>]/.test(text(d["text/html"]))) ||
            /^\|[ :-]+\|/m.test(text(d["text/markdown"]))
        ? "table"
        : "other";
      return `${o.output_type}:${kind}`;
    });
    out.push({ cell: i + 1, signatures });
  });
  return { done, cells: out };
}
