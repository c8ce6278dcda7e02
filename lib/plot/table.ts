/**
 * Tables for notebooks: one set of rows rendered as `text/html`, `text/markdown` and `text/plain`.
 *
 * A notebook opened from git is untrusted: the classic Notebook then drops `text/markdown` but
 * renders `text/html` through its sanitiser, so the HTML is a plain `<table>` (no scripts, no
 * `<style>`, no `style` attributes, which it strips). Alignment rides on the `align` attribute,
 * which it keeps; a text cell's content sits in a `<div align="left">` because the Notebook's CSS
 * (`td { text-align: right }`) beats an attribute on the cell itself but not one on its content.
 */
import { ValidationError } from "../validate.ts";

/** Options of `table` and `formatCell`. */
export interface TableOptions {
  /** Significant digits of non-integer numbers below 10^digits (default 3); larger ones are rounded. */
  digits?: number;
}

/** One table as the three text formats Jupyter front ends render. */
export interface TableBundle {
  "text/html": string;
  "text/markdown": string;
  "text/plain": string;
}

/** A cell value as text: integers in full, other numbers to `digits` significant digits. */
export function formatCell(v: unknown, digits = 3): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    // Rounding can leave -0 ("-0" in a savings column reads as a loss); String(-0) is "0".
    if (Math.abs(v) >= 10 ** digits) return String(Math.round(v) + 0);
    return String(Number(v.toPrecision(digits)) + 0);
  }
  if (typeof v === "bigint" || typeof v === "boolean" || typeof v === "string") return String(v);
  return JSON.stringify(v);
}

/** Column names in order of first appearance over all rows. */
export function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** A column is numeric (right-aligned) when every non-empty value in it is a number or bigint. */
function numericColumns(rows: readonly Record<string, unknown>[], cols: string[]): boolean[] {
  return cols.map((c) => {
    const vals = rows.map((r) => r[c]).filter((v) => v !== null && v !== undefined);
    return vals.length > 0 && vals.every((v) => typeof v === "number" || typeof v === "bigint");
  });
}

function escHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

function htmlCell(tag: "th" | "td", text: string, right: boolean): string {
  let html = escHtml(text);
  // Long camelCase headers (baselineImagesPerSecond) may break between words: <wbr> marks where.
  if (tag === "th") html = html.replace(/([a-z0-9])(?=[A-Z])/g, "$1<wbr>");
  return right
    ? `<${tag} align="right">${html}</${tag}>`
    : `<${tag} align="left"><div align="left">${html}</div></${tag}>`;
}

/** Render rows (objects with the same keys) as HTML, Markdown and padded plain text. */
export function tableBundle(
  rows: readonly Record<string, unknown>[],
  opts: TableOptions = {},
): TableBundle {
  const digits = opts.digits ?? 3;
  const cols = columnsOf(rows);
  const right = numericColumns(rows, cols);
  const cells = rows.map((r) => cols.map((c) => formatCell(r[c], digits)));
  const html = [
    "<table>",
    `<thead><tr>${cols.map((c, j) => htmlCell("th", c, right[j])).join("")}</tr></thead>`,
    "<tbody>",
    ...cells.map((row) => `<tr>${row.map((t, j) => htmlCell("td", t, right[j])).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
  const mdEsc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const md = [
    `| ${cols.map(mdEsc).join(" | ")} |`,
    `| ${right.map((r) => (r ? "---:" : ":---")).join(" | ")} |`,
    ...cells.map((row) => `| ${row.map(mdEsc).join(" | ")} |`),
  ].join("\n");
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
  const pad = (t: string, j: number) => right[j] ? t.padStart(widths[j]) : t.padEnd(widths[j]);
  const line = (row: string[]) => row.map(pad).join("  ").trimEnd();
  const plain = [line(cols), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
  return { "text/html": html, "text/markdown": md, "text/plain": plain };
}

/**
 * Rows turned on their side, for a table with many columns and few rows: one row per column of
 * `rows` (other than `key`), named in the `label` column, and one column per input row, named by its
 * `key` value. Throws ValidationError when a row lacks `key` or two rows share a `key` value.
 */
export function transposeRows(
  rows: readonly Record<string, unknown>[],
  key: string,
  label = "metric",
): Record<string, unknown>[] {
  const names = rows.map((r) => String(r[key] ?? ""));
  const issues: string[] = [];
  rows.forEach((r, i) => {
    if (r[key] === undefined || r[key] === null) issues.push(`rows[${i}].${key}: missing`);
    else if (names.indexOf(names[i]) !== i) {
      issues.push(`rows[${i}].${key}: "${names[i]}" repeats rows[${names.indexOf(names[i])}]`);
    }
  });
  if (names.includes(label)) issues.push(`label: "${label}" is also a ${key} value`);
  if (issues.length) throw new ValidationError("table to transpose", issues);
  return columnsOf(rows).filter((c) => c !== key).map((c) => {
    const out: Record<string, unknown> = { [label]: c };
    rows.forEach((r, i) => (out[names[i]] = r[c]));
    return out;
  });
}
