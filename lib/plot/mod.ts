/** Plotting: Observable Plot in Deno, Jupyter display, SVG/PNG export. */
export { makeDocument, Plot, plot } from "./dom.ts";
export type { Chart } from "./dom.ts";
export { chartToSvg } from "./svg.ts";
export { save, svgToPng } from "./save.ts";
export type { PngOptions } from "./save.ts";
export { show, table } from "./show.ts";
export type { Displayable } from "./show.ts";
