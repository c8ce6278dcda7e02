/** Plotting: Observable Plot in Deno, Jupyter display, SVG/PNG export. */
export { FIGURE_MAX_WIDTH, makeDocument, Plot, plot } from "./dom.ts";
export type { Chart } from "./dom.ts";
export { chartToSvg } from "./svg.ts";
export { save, svgToPng } from "./save.ts";
export type { PngOptions } from "./save.ts";
export { chartBundle, display, show, table } from "./show.ts";
export { columnsOf, formatCell, tableBundle, transposeRows } from "./table.ts";
export type { TableBundle, TableOptions } from "./table.ts";
export type { Displayable } from "./show.ts";
