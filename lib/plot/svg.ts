/**
 * Turn a Plot chart into one self-contained SVG string.
 *
 * Plot returns a bare `<svg>` or, when it has a title or swatch legend, an HTML `<figure>`. Neither
 * a PNG rasterizer nor an `image/svg+xml` display accepts HTML, so a figure is flattened: titles
 * become `<text>`, swatch legends become rects and labels, and the plot's own `<svg>`s are stacked
 * below. Element ids are renumbered in document order so the same chart always gives the same bytes.
 */
import type { Chart } from "./dom.ts";

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const FONT = 'font-family="system-ui, sans-serif"';
const ROW_PX = 18;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function addNs(svg: string): string {
  return svg.startsWith("<svg") && !svg.includes(SVG_NS) ? `<svg ${SVG_NS}${svg.slice(4)}` : svg;
}

function sizeOf(el: Element): [number, number] {
  return [Number(el.getAttribute("width")) || 640, Number(el.getAttribute("height")) || 400];
}

/** Swatch legend (HTML spans) as SVG rows; returns [markup, height]. */
function swatchesSvg(div: Element, width: number, y: number): [string, number] {
  const spans = [...div.querySelectorAll("span")].filter((s) =>
    (s.getAttribute("class") ?? "").endsWith("-swatch")
  );
  let x = 0, row = 0, out = "";
  for (const s of spans) {
    const icon = s.querySelector("svg");
    const shape = s.querySelector("rect, circle, path");
    const fill = shape?.getAttribute("fill") ?? icon?.getAttribute("fill") ??
      shape?.getAttribute("stroke") ?? icon?.getAttribute("stroke") ?? "currentColor";
    const label = (s.textContent ?? "").trim();
    // DejaVu Sans (the PNG font) averages about 0.65 em per character at 11 px.
    const w = 30 + label.length * 7.2;
    if (x > 0 && x + w > width) (x = 0, row++);
    const ty = y + row * ROW_PX;
    out += `<rect x="${x}" y="${ty}" width="12" height="12" fill="${fill}"/>` +
      `<text x="${x + 16}" y="${ty + 10}" font-size="11" ${FONT}>${esc(label)}</text>`;
    x += w;
  }
  return [out, spans.length ? (row + 1) * ROW_PX + 4 : 0];
}

function flattenFigure(fig: Element): string {
  const svgs = [...fig.children].filter((c) => c.tagName.toLowerCase() === "svg");
  const width = Math.max(640, ...svgs.map((s) => sizeOf(s)[0]));
  let y = 0, body = "";
  for (const child of [...fig.children]) {
    const tag = child.tagName.toLowerCase();
    if (tag === "h2" || tag === "h3" || tag === "figcaption") {
      const size = tag === "h2" ? 16 : 12;
      const weight = tag === "h2" ? ' font-weight="bold"' : "";
      y += size + 6;
      body += `<text x="0" y="${y - 4}" font-size="${size}"${weight} ${FONT}>${
        esc((child.textContent ?? "").trim())
      }</text>`;
    } else if (tag === "svg") {
      const h = sizeOf(child)[1];
      body += child.outerHTML.replace(/^<svg/, `<svg x="0" y="${y}"`);
      y += h;
    } else if (tag === "div") {
      const [markup, h] = swatchesSvg(child, width, y + 2);
      body += markup;
      y += h;
    }
  }
  return `<svg ${SVG_NS} width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" ${FONT} ` +
    `font-size="10" fill="currentColor"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
}

/** Renumber every id (and its url(#..)/href references) in order of first appearance. */
function stableIds(svg: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  let out = svg;
  ids.forEach((id, i) => {
    const fresh = `plot-id-${i}`;
    if (id === fresh) return;
    const safe = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`id="${safe}"`, "g"), `id="${fresh}"`)
      .replace(new RegExp(`#${safe}([)"])`, "g"), `#${fresh}$1`);
  });
  return out;
}

/** One standalone SVG document for a chart (white background, deterministic ids). */
export function chartToSvg(chart: Chart): string {
  const tag = chart.tagName.toLowerCase();
  let svg: string;
  if (tag === "svg") {
    const [w, h] = sizeOf(chart as Element);
    svg = addNs(chart.outerHTML).replace(
      /^(<svg[^>]*>)/,
      `$1<rect width="${w}" height="${h}" fill="white"/>`,
    );
  } else {
    svg = flattenFigure(chart as Element);
  }
  return stableIds(svg);
}
