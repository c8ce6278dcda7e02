/** Write a chart to `<base>.svg` and `<base>.png`, byte-for-byte the same for the same chart. */
import { Resvg } from "@resvg/resvg-js";
import { dirname } from "node:path";
import type { Chart } from "./dom.ts";
import { chartToSvg } from "./svg.ts";

/** Options of `save` and `svgToPng`. */
export interface PngOptions {
  /** Pixels per SVG unit in the PNG (default 2, for sharp figures in a README). */
  scale?: number;
}

/** Rasterize an SVG string to PNG bytes with resvg; fonts: system fonts, sans-serif = DejaVu Sans. */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: opts.scale ?? 2 },
    background: "white",
    font: {
      loadSystemFonts: true,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return r.render().asPng();
}

/** Save `chart` as `<base>.svg` and `<base>.png` (base without extension); returns both paths. */
export async function save(
  chart: Chart,
  base: string,
  opts: PngOptions = {},
): Promise<{ svgPath: string; pngPath: string }> {
  const svg = chartToSvg(chart);
  await Deno.mkdir(dirname(base), { recursive: true });
  const svgPath = `${base}.svg`, pngPath = `${base}.png`;
  await Deno.writeTextFile(svgPath, svg + "\n");
  await Deno.writeFile(pngPath, svgToPng(svg, opts));
  return { svgPath, pngPath };
}
