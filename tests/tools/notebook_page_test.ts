import assert from "node:assert/strict";
import { expectations, outputKind, outputSignature } from "../../tools/notebook_page.ts";

Deno.test("outputKind: PNG or SVG is a figure, an HTML or Markdown table a table, else other", () => {
  assert.equal(
    outputKind({ output_type: "display_data", data: { "image/png": "iVBOR" } }),
    "figure",
  );
  assert.equal(
    outputKind({ output_type: "execute_result", data: { "image/svg+xml": ["<svg"] } }),
    "figure",
  );
  assert.equal(
    outputKind({ output_type: "display_data", data: { "text/html": ["<table>\n", "</table>"] } }),
    "table",
  );
  // A Markdown-only table still counts as a table: the untrusted check must then fail on it.
  assert.equal(
    outputKind({ output_type: "display_data", data: { "text/markdown": "| a |\n| --- |\n| 1 |" } }),
    "table",
  );
  assert.equal(
    outputKind({ output_type: "display_data", data: { "text/html": "<b>x</b>" } }),
    "other",
  );
  assert.equal(outputKind({ output_type: "stream" }), "other");
  assert.equal(
    outputSignature({ output_type: "display_data", data: { "image/png": "" } }),
    "display_data:figure",
  );
});

Deno.test("expectations: code cells only, numbered 1-based among all cells", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: ["# t"] },
      { cell_type: "code", outputs: [] },
      {
        cell_type: "code",
        outputs: [
          { output_type: "display_data", data: { "image/png": "x" } },
          { output_type: "stream", name: "stdout", text: "hi" },
        ],
      },
    ],
  };
  assert.deepEqual(expectations(JSON.stringify(nb)), [
    { cell: 2, outputs: [], signatures: [] },
    {
      cell: 3,
      outputs: ["figure", "other"],
      signatures: ["display_data:figure", "stream:other"],
    },
  ]);
});
