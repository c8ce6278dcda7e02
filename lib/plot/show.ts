/**
 * Jupyter display of charts and tables in the Deno kernel.
 *
 * `show` and `table` return a value the kernel renders when it is a cell's last expression. A
 * notebook opened from git is untrusted, and the classic Notebook then drops `image/svg+xml`, so a
 * figure carries a PNG too. `display` publishes a value at once and waits until the kernel has sent
 * it: the Deno kernel (2.9.6) sometimes sends a cell's result after reporting the cell idle, and
 * under "Run All" that result can land under the next cell; an awaited display cannot.
 */
import { encodeBase64 } from "./base64.ts";
import type { Chart } from "./dom.ts";
import { svgToPng } from "./save.ts";
import { chartToSvg } from "./svg.ts";
import { DISPLAY, type Displayable } from "./display.ts";

/** Width and height (px) of an SVG from its root attributes. */
function svgSize(svg: string): [number, number] {
  const root = svg.match(/^<svg[^>]*>/)?.[0] ?? "";
  const num = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)"`))?.[1] ?? 0);
  return [num("width"), num("height")];
}

/** One line that says what the figure is: its title, or else the kinds of marks it draws. */
function caption(chart: Chart, svg: string): string {
  const [w, h] = svgSize(svg);
  const el = chart as unknown as Element;
  const title = el.tagName.toLowerCase() === "figure"
    ? (el.querySelector("h2, h3, figcaption")?.textContent ?? "").trim()
    : "";
  const marks = [...new Set([...svg.matchAll(/<g aria-label="([^"]+)"/g)].map((m) => m[1]))]
    .filter((m) => !m.endsWith("-axis") && !m.includes("tick") && !m.endsWith("label"));
  return `Figure (${w}x${h} px): ${title || marks.join(", ") || "chart"}`;
}

/** The MIME bundle of a chart: SVG, a PNG of the same size (1 px per SVG unit), a text caption. */
export function chartBundle(chart: Chart): Record<string, string> {
  const svg = chartToSvg(chart);
  return {
    "image/svg+xml": svg,
    "image/png": encodeBase64(svgToPng(svg, { scale: 1 })),
    "text/plain": caption(chart, svg),
  };
}

/** Wrap a chart so that Jupyter shows it as an SVG image, or as a PNG where SVG is not trusted. */
export function show(chart: Chart): Displayable {
  const bundle = chartBundle(chart);
  return { [DISPLAY]: () => bundle };
}

export { display, type Displayable, table } from "./display.ts";
