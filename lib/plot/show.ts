/** Display a chart in the Deno Jupyter kernel as `image/svg+xml`. */
import type { Chart } from "./dom.ts";
import { chartToSvg } from "./svg.ts";

/** A value the Deno kernel renders as an SVG image (return it as a cell's last expression). */
export interface Displayable {
  [key: symbol]: () => Record<string, string>;
}

/** Wrap a chart so that Jupyter shows it as an SVG image. */
export function show(chart: Chart): Displayable {
  const svg = chartToSvg(chart);
  return { [Symbol.for("Jupyter.display")]: () => ({ "image/svg+xml": svg }) };
}

/** Wrap rows as a Markdown table for Jupyter (`text/markdown`), numbers rounded to `digits`. */
export function table(rows: Record<string, unknown>[], digits = 3): Displayable {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  const fmt = (v: unknown) =>
    typeof v === "number" && !Number.isInteger(v)
      ? Number(v.toPrecision(digits)).toString()
      : String(v ?? "");
  const md = [
    `| ${cols.join(" | ")} |`,
    `| ${cols.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${cols.map((c) => fmt(r[c])).join(" | ")} |`),
  ].join("\n");
  return { [Symbol.for("Jupyter.display")]: () => ({ "text/markdown": md, "text/plain": md }) };
}
