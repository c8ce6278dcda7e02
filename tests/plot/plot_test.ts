import assert from "node:assert/strict";
import { chartToSvg, Plot, plot, save, svgToPng } from "../../lib/plot/mod.ts";

const rows = [{ s: "a", y: 2 }, { s: "b", y: 3 }, { s: "c", y: 5 }];

/** PNG width and height from its IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [v.getUint32(16), v.getUint32(20)];
}

Deno.test("plot: a bar chart becomes an SVG with one rect per datum", () => {
  const svg = chartToSvg(plot({ marks: [Plot.barY(rows, { x: "s", y: "y" })] }));
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  const bars = svg.match(/<g aria-label="bar"[^>]*>([\s\S]*?)<\/g>/);
  assert.ok(bars, "bar group present");
  assert.equal(bars[1].match(/<rect /g)?.length, rows.length);
});

Deno.test("plot: a figure with title and swatch legend is flattened to one SVG", () => {
  const chart = plot({
    title: "Energy",
    color: { legend: true },
    marks: [Plot.barY(rows, { x: "s", y: "y", fill: "s" })],
  });
  assert.equal(chart.tagName.toLowerCase(), "figure");
  const svg = chartToSvg(chart);
  assert.ok(!svg.includes("<div") && !svg.includes("<span"), "no HTML left");
  assert.ok(svg.includes(">Energy</text>"));
  for (const r of rows) assert.ok(svg.includes(`>${r.s}</text>`), `swatch label ${r.s}`);
});

Deno.test("save: writes SVG and a PNG of 2x the SVG size, identical bytes on a second save", async () => {
  const dir = await Deno.makeTempDir();
  const chart = plot({ width: 300, height: 200, marks: [Plot.dot(rows, { x: "y", y: "y" })] });
  const a = await save(chart, `${dir}/fig`);
  const svg1 = await Deno.readFile(a.svgPath), png1 = await Deno.readFile(a.pngPath);
  // PNG signature, then IHDR: 300x200 SVG units at the default scale 2 -> 600x400 pixels.
  assert.deepEqual([...png1.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.deepEqual(pngSize(png1), [600, 400]);
  await save(chart, `${dir}/fig`);
  assert.deepEqual(await Deno.readFile(a.svgPath), svg1);
  assert.deepEqual(await Deno.readFile(a.pngPath), png1);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("svgToPng: scale option sets the pixel size", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="4"></svg>';
  assert.deepEqual(pngSize(svgToPng(svg, { scale: 3 })), [30, 12]);
});

Deno.test("plot: a continuous colour legend renders its ramp through the canvas stand-in", () => {
  const data = [0, 0.5, 1].map((v, i) => ({ x: i, v }));
  const chart = plot({
    color: { legend: true, scheme: "viridis" },
    marks: [Plot.dot(data, { x: "x", y: "x", fill: "v" })],
  });
  const svg = chartToSvg(chart);
  const m = svg.match(/href="data:image\/svg\+xml;base64,([^"]+)"/);
  assert.ok(m, "ramp image embedded");
  const ramp = atob(m[1]);
  // Plot paints 256 one-pixel stops; viridis starts at #440154 and ends at #fde725.
  assert.equal(ramp.match(/<rect /g)?.length, 256);
  assert.ok(ramp.includes('fill="#440154"') && ramp.includes('fill="#fde725"'));
});
