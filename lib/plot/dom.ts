/**
 * Observable Plot outside a browser: a linkedom document, and `plot()` which passes it to Plot.
 * Every figure in the project is made through `plot()` so it renders the same in Deno, in Jupyter
 * and in the PNG exporter.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { makeCanvas } from "./canvas.ts";

/** A fresh DOM document for Plot to draw into (with a canvas stand-in for colour ramps). */
export function makeDocument(): Document {
  const doc = parseHTML("<!DOCTYPE html><html><body></body></html>")
    .document as unknown as Document;
  const create = doc.createElement.bind(doc);
  doc.createElement =
    ((tag: string, opts?: ElementCreationOptions) =>
      tag.toLowerCase() === "canvas" ? makeCanvas() : create(tag, opts)) as Document[
        "createElement"
      ];
  return doc;
}

/** A rendered chart: the element Plot returned (an `<svg>`, or a `<figure>` with legends). */
export type Chart = (SVGSVGElement | HTMLElement) & { outerHTML: string };

/**
 * Widest figure in px. The classic Notebook's output area is 778 px wide below a 1200 px window
 * (978 px above), and an image wider than that is shrunk with its text; 760 px fits both.
 */
export const FIGURE_MAX_WIDTH = 760;

/**
 * Plot.plot with a linkedom document; defaults: 640 x 400 px, system-ui font. A `width` above
 * FIGURE_MAX_WIDTH is lowered to it, so every figure fits a notebook's output area unscaled.
 */
export function plot(options: Plot.PlotOptions): Chart {
  const width = Math.min(options.width ?? 640, FIGURE_MAX_WIDTH);
  return Plot.plot({ document: makeDocument(), ...options, width }) as unknown as Chart;
}

export { Plot };
