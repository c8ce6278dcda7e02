import assert from "node:assert/strict";
import {
  chartBundle,
  display,
  FIGURE_MAX_WIDTH,
  formatCell,
  Plot,
  plot,
  show,
  table,
  tableBundle,
  transposeRows,
} from "../../lib/plot/mod.ts";

const DISPLAY = Symbol.for("Jupyter.display");
const rows = [{ s: "a", y: 2 }, { s: "b", y: 3 }];

/** PNG width and height from its IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [v.getUint32(16), v.getUint32(20)];
}

Deno.test("show: SVG, a PNG of the same pixel size, and a one-line caption", () => {
  const chart = plot({ width: 300, height: 200, marks: [Plot.barY(rows, { x: "s", y: "y" })] });
  const b = show(chart)[DISPLAY]();
  assert.deepEqual(Object.keys(b).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.ok(b["image/svg+xml"].startsWith("<svg"));
  // base64 of a PNG starts with the signature 89 50 4E 47 = "iVBORw0KGgo".
  assert.ok(b["image/png"].startsWith("iVBORw0KGgo"));
  const png = Uint8Array.from(atob(b["image/png"]), (c) => c.charCodeAt(0));
  assert.deepEqual(pngSize(png), [300, 200]);
  assert.equal(b["text/plain"], "Figure (300x200 px): bar");
  assert.ok(!b["text/plain"].includes("\n"));
});

Deno.test("show: the caption of a titled figure is its title", () => {
  const b = chartBundle(plot({ title: "Energy", marks: [Plot.dot(rows, { x: "y", y: "y" })] }));
  assert.match(b["text/plain"], /^Figure \(\d+x\d+ px\): Energy$/);
});

Deno.test("plot: a width above FIGURE_MAX_WIDTH is lowered to 760 px, smaller ones kept", () => {
  assert.equal(FIGURE_MAX_WIDTH, 760);
  const wide = plot({ width: 1000, marks: [Plot.dot(rows, { x: "y", y: "y" })] });
  assert.equal(wide.getAttribute("width"), "760");
  const narrow = plot({ width: 500, marks: [Plot.dot(rows, { x: "y", y: "y" })] });
  assert.equal(narrow.getAttribute("width"), "500");
});

Deno.test("formatCell: integers whole, 3 significant digits, large floats rounded, no -0", () => {
  assert.equal(formatCell(12345678), "12345678");
  assert.equal(formatCell(0.000123456), "0.000123");
  assert.equal(formatCell(2 / 3), "0.667");
  assert.equal(formatCell(12345.678), "12346");
  assert.equal(formatCell(-0.0001, 1), "-0.0001");
  assert.equal(formatCell(-0), "0"); // a "-0" would read as a loss in a savings column
  assert.equal(formatCell(null), "");
  assert.equal(formatCell("x|y"), "x|y");
  assert.equal(formatCell(2 / 3, 5), "0.66667");
});

Deno.test("tableBundle: HTML, Markdown and text agree; text left-aligned, numbers right", () => {
  const b = tableBundle([{ name: "conv1", macs: 442368, util: 0.25 }, { name: "fc", macs: 81920 }]);
  assert.equal(
    b["text/markdown"],
    [
      "| name | macs | util |",
      "| :--- | ---: | ---: |",
      "| conv1 | 442368 | 0.25 |",
      "| fc | 81920 |  |",
    ].join("\n"),
  );
  assert.equal(
    b["text/plain"],
    ["name     macs  util", "-----  ------  ----", "conv1  442368  0.25", "fc      81920"].join(
      "\n",
    ),
  );
  const html = b["text/html"];
  assert.ok(html.startsWith("<table>") && html.endsWith("</table>"));
  // Nothing the untrusted-notebook sanitiser strips: no script, no style element or attribute.
  assert.ok(!/<script|<style|style=/.test(html));
  assert.equal(html.match(/<tr>/g)?.length, 3);
  assert.ok(html.includes('<td align="left"><div align="left">conv1</div></td>'));
  assert.ok(html.includes('<td align="right">442368</td>'));
  // A camelCase header may wrap between its words.
  const wide = tableBundle([{ baselineImagesPerSecond: 1 }])["text/html"];
  assert.ok(wide.includes('<th align="right">baseline<wbr>Images<wbr>Per<wbr>Second</th>'));
});

Deno.test("tableBundle: escapes HTML and Markdown pipes; columns from every row", () => {
  const b = tableBundle([{ a: "<b>&" }, { a: "x|y", b: 1 }]);
  assert.ok(b["text/html"].includes("&lt;b&gt;&amp;"));
  assert.ok(b["text/markdown"].includes("x\\|y"));
  assert.ok(b["text/markdown"].startsWith("| a | b |"));
});

Deno.test("table: the displayable carries all three formats; digits option applies", () => {
  const b = table([{ v: 1 / 3 }], 2)[DISPLAY]();
  assert.deepEqual(Object.keys(b).sort(), ["text/html", "text/markdown", "text/plain"]);
  assert.ok(b["text/plain"].endsWith("0.33"));
});

Deno.test("display: sends the value's bundle as display_data and resolves only once it is sent", async () => {
  const sent: [string, Record<string, unknown>][] = [];
  let release = () => {};
  const gate = new Promise<void>((r) => release = r);
  let resolved = false;
  const done = display(table(rows), (type, content) => {
    sent.push([type, content]);
    return gate;
  }).then(() => resolved = true);
  await Promise.resolve();
  assert.equal(resolved, false, "display resolved before the kernel sent the message");
  release();
  await done;
  assert.equal(resolved, true);
  assert.deepEqual(sent, [["display_data", {
    data: table(rows)[DISPLAY](),
    metadata: {},
    transient: {},
  }]]);
});

Deno.test("transposeRows: one row per metric, one column per key value; bad keys named", () => {
  const rows = [{ model: "alexnet", fps: 32.1, gain: 0.25 }, { model: "vgg16", fps: 2.96 }];
  assert.deepEqual(transposeRows(rows, "model"), [
    { metric: "fps", alexnet: 32.1, vgg16: 2.96 },
    { metric: "gain", alexnet: 0.25, vgg16: undefined },
  ]);
  assert.throws(
    () => transposeRows([{ model: "a" }, { model: "a" }, { x: 1 }], "model"),
    (e: Error) =>
      e.name === "ValidationError" && e.message.includes('rows[1].model: "a" repeats rows[0]') &&
      e.message.includes("rows[2].model: missing"),
  );
});
