/**
 * Just enough of a 2-D canvas for Observable Plot's continuous colour legends (ramps), which paint
 * one pixel per colour stop and embed `canvas.toDataURL()` as an image. linkedom has no canvas, so
 * this one records the filled rectangles and returns them as an SVG data URL, which browsers, the
 * Jupyter front end and resvg all draw.
 */

interface Fill {
  style: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A stand-in canvas element: `width`, `height`, `getContext("2d")` with fillRect, `toDataURL()`. */
export function makeCanvas(): Record<string, unknown> {
  const fills: Fill[] = [];
  const ctx = {
    fillStyle: "#000",
    fillRect(x: number, y: number, w: number, h: number) {
      fills.push({ style: String(ctx.fillStyle), x, y, w, h });
    },
  };
  const canvas = {
    width: 300,
    height: 150,
    getContext: (kind: string) => (kind === "2d" ? ctx : null),
    toDataURL() {
      const rects = fills.map((f) =>
        `<rect x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" fill="${f.style}"/>`
      ).join("");
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${canvas.width}" ` +
        `height="${canvas.height}" shape-rendering="crispEdges">${rects}</svg>`;
      return `data:image/svg+xml;base64,${btoa(svg)}`;
    },
  };
  return canvas;
}
