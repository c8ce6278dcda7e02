import assert from "node:assert/strict";
import { executeNotebook, jupyterProblem, scrubNotebook } from "../../tools/jupyter.ts";
import { notebookJson, parsePercent, toNotebook } from "../../tools/nb.ts";

Deno.test("parsePercent: splits code and markdown cells, strips comment markers", () => {
  const cells = parsePercent(
    "header ignored\n// %% [markdown]\n// # Title\n// text\n\n// %%\nconst a = 1;\n\n// %%\na;\n",
  );
  assert.deepEqual(cells, [
    { type: "markdown", source: "# Title\ntext" },
    { type: "code", source: "const a = 1;" },
    { type: "code", source: "a;" },
  ]);
});

Deno.test("toNotebook: Deno kernelspec and source lines keep their newlines", () => {
  const nb = toNotebook([{ type: "code", source: "a\nb" }]) as {
    cells: { source: string[] }[];
    metadata: { kernelspec: { name: string } };
  };
  assert.equal(nb.metadata.kernelspec.name, "deno");
  assert.deepEqual(nb.cells[0].source, ["a\n", "b"]);
});

Deno.test("scrubNotebook: removes timing metadata, keeps language_info, reports error cells", () => {
  const nb = {
    metadata: { language_info: { name: "typescript", version: "5.0" } },
    cells: [
      { cell_type: "code", source: ["ok"], metadata: { execution: { t: 1 } }, outputs: [] },
      {
        cell_type: "code",
        source: ["throw x\n", "more"],
        metadata: {},
        outputs: [{ output_type: "error", ename: "Error", evalue: "bad\nstack" }],
      },
    ],
  };
  const errors = scrubNotebook(nb);
  assert.deepEqual(errors, [{ cell: 2, firstLine: "throw x", ename: "Error", evalue: "bad" }]);
  assert.deepEqual(nb.cells[0].metadata, {});
  // The Notebook UI writes the kernel's language_info, version included, when it saves.
  assert.deepEqual(nb.metadata.language_info, { name: "typescript", version: "5.0" });
});

Deno.test("notebookJson: keys sorted at every level, 1-space indent, as nbformat writes", () => {
  const text = notebookJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: "é" } });
  // nbformat: json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False), then a newline.
  assert.equal(
    text,
    '{\n "a": {\n  "c": "é",\n  "d": [\n   {\n    "y": 2,\n    "z": 1\n   }\n  ]\n },\n "b": 1\n}\n',
  );
});

const jupyter = await jupyterProblem();

Deno.test({
  name: "executeNotebook: a throwing fixture fails and names the cell (needs Jupyter)",
  ignore: "missing" in jupyter,
  async fn() {
    if (!("python" in jupyter)) return;
    const dir = await Deno.makeTempDir();
    const errors = await executeNotebook(
      jupyter.python,
      "tests/fixtures/throws.ts",
      `${dir}/throws.ipynb`,
    );
    // Cells: 1 markdown, 2 `const x`, 3 the throw, 4 never reached.
    assert.equal(errors.length, 1);
    assert.equal(errors[0].cell, 3);
    assert.match(errors[0].evalue, /boom from fixture/);
    // Execution stops at the failing cell, as "Run All" does in Jupyter.
    const nb = JSON.parse(await Deno.readTextFile(`${dir}/throws.ipynb`));
    assert.deepEqual(nb.cells[3].outputs, []);
    assert.equal(nb.cells[3].execution_count, null);
    await Deno.remove(dir, { recursive: true });
  },
});
