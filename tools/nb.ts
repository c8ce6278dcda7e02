/**
 * Notebook sources: each notebook is written as a TypeScript file in "percent" format
 * (`// %%` starts a code cell, `// %% [markdown]` a Markdown cell whose lines are `// ` comments),
 * so `deno check` and `deno lint` read the notebooks' code. `toNotebook` turns it into .ipynb JSON.
 */

/** One notebook cell before execution. */
export interface SourceCell {
  type: "code" | "markdown";
  source: string;
}

/** Split a percent-format source into cells (text before the first marker is dropped). */
export function parsePercent(text: string): SourceCell[] {
  const cells: SourceCell[] = [];
  let cur: SourceCell | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (!cur) return;
    while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
    while (lines.length && lines[0].trim() === "") lines.shift();
    cur.source = lines.join("\n");
    if (cur.source) cells.push(cur);
  };
  for (const line of text.split("\n")) {
    const m = line.match(/^\/\/ %%(.*)$/);
    if (m) {
      flush();
      cur = { type: m[1].includes("[markdown]") ? "markdown" : "code", source: "" };
      lines = [];
    } else if (cur) {
      lines.push(cur.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
    }
  }
  flush();
  return cells;
}

function splitLines(s: string): string[] {
  const parts = s.split("\n");
  return parts.map((p, i) => (i < parts.length - 1 ? p + "\n" : p));
}

/** An unexecuted .ipynb document (nbformat 4.5) for the Deno kernel. */
export function toNotebook(cells: SourceCell[]): Record<string, unknown> {
  return {
    cells: cells.map((c, i) =>
      c.type === "markdown"
        ? { cell_type: "markdown", id: `cell-${i}`, metadata: {}, source: splitLines(c.source) }
        : {
          cell_type: "code",
          execution_count: null,
          id: `cell-${i}`,
          metadata: {},
          outputs: [],
          source: splitLines(c.source),
        }
    ),
    metadata: {
      kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
      language_info: {
        codemirror_mode: "typescript",
        file_extension: ".ts",
        mimetype: "text/x.typescript",
        name: "typescript",
        nbconvert_exporter: "script",
        pygments_lexer: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  // Python sorts by code point; so does a plain string comparison here.
  return Object.fromEntries(
    Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, sortKeys(o[k])]),
  );
}

/**
 * Stable JSON for a notebook, as the Notebook server writes it (nbformat: keys sorted, 1-space
 * indent) plus a trailing newline, so saving from the Notebook UI gives no diff.
 */
export function notebookJson(nb: unknown): string {
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}
