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

/** Plot.plot with a linkedom document; defaults: 640 x 400 px, system-ui font. */
export function plot(options: Plot.PlotOptions): Chart {
  return Plot.plot({ document: makeDocument(), ...options }) as unknown as Chart;
}

export { Plot };
