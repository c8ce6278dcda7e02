/**
 * Jupyter display of tables and of ready-made MIME bundles in the Deno kernel, without loading a
 * plotting library (charts are wrapped by `show` in ./show.ts, which needs resvg for the PNG).
 *
 * A value returned by `table` (or `show`) is rendered when it is a cell's last expression.
 * `display` publishes a value at once and waits until the kernel has sent it: the Deno kernel
 * (2.9.6) sometimes sends a cell's result after reporting the cell idle, and under "Run All" that
 * result can land under the next cell; an awaited display cannot.
 */
import { tableBundle, type TableOptions } from "./table.ts";

/** The symbol the Deno kernel looks for on a cell's value to get its MIME bundle. */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** A value the Deno kernel renders as rich output (return it as a cell's last expression). */
export interface Displayable {
  [key: symbol]: () => Record<string, string>;
}

/**
 * Wrap rows as a table for Jupyter: `text/html` (a plain table that survives the untrusted-notebook
 * sanitiser), `text/markdown` and `text/plain`. Text columns are left-aligned, number columns
 * right-aligned; non-integers get `digits` significant digits (default 3).
 */
export function table(rows: readonly Record<string, unknown>[], digits = 3): Displayable {
  const opts: TableOptions = { digits };
  const bundle = tableBundle(rows, opts) as unknown as Record<string, string>;
  return { [DISPLAY]: () => bundle };
}

/**
 * Show a `show`/`table` value now and resolve once the kernel has published it (`await display(x)`
 * as a cell's last line keeps the output under its own cell under "Run All"). Outside the Jupyter
 * kernel it does nothing.
 */
export async function display(
  value: Displayable,
  broadcast: Broadcast | undefined = kernelBroadcast(),
): Promise<void> {
  if (!broadcast) return; // outside `deno jupyter`: nothing to show
  await broadcast("display_data", { data: value[DISPLAY](), metadata: {}, transient: {} });
}

/** How a display message reaches the kernel's clients (`Deno.jupyter.broadcast`). */
export type Broadcast = (type: string, content: Record<string, unknown>) => Promise<void>;

/** The running kernel's broadcast, or undefined outside `deno jupyter` (where Deno.jupyter throws). */
function kernelBroadcast(): Broadcast | undefined {
  try {
    const j = (Deno as unknown as { jupyter: { broadcast: Broadcast } }).jupyter;
    return (type, content) => j.broadcast(type, content);
  } catch {
    return undefined;
  }
}
