/**
 * Linear least squares by QR decomposition (mathjs `qr`), so the conditioning is that of X, not of
 * X'X as with normal equations. mathjs is loaded on first use only (`await import`), so importing
 * the library or starting the CLI does not pay its load time.
 *
 * The rows are reduced block by block: the R factor of [R_so_far; next rows] is the R factor of all
 * rows so far (a Householder QR of a tall matrix gives the same R, up to row signs, as one of any
 * stacking of partial R factors), which keeps each mathjs call small. The target y rides along as
 * an extra column, so R's last column holds Q'y. A ridge penalty r_j on column j is one extra row
 * sqrt(r_j) e_j with target 0 (shrinks that coefficient towards 0; keeps an empty category solvable).
 */

/**
 * The package's import-map name, held in a variable so the module graph (`deno info`, start-up)
 * does not list it: it is resolved when `leastSquares` first runs.
 */
const MATHJS: string = "mathjs";
/** The one mathjs function used here (plain arrays in, plain arrays out). */
type Qr = (a: number[][]) => { Q: number[][]; R: number[][] };

/** Rows added to the running R factor per mathjs call (small calls are much faster in mathjs). */
const BLOCK_ROWS = 32;

/**
 * Least-squares coefficients of `y` on the rows of `x` (resolves to one number per column).
 * @param x design matrix, one row per sample (all rows the same length)
 * @param y targets, one per row
 * @param ridge penalty per column, >= 0 (default 0 for every column)
 */
export async function leastSquares(
  x: number[][],
  y: number[],
  ridge?: number[],
): Promise<number[]> {
  if (x.length === 0) throw new RangeError("leastSquares: no rows to fit");
  if (x.length !== y.length) {
    throw new RangeError(`leastSquares: ${x.length} rows but ${y.length} targets`);
  }
  const cols = x[0].length;
  const rows = x.map((r, i) => {
    if (r.length !== cols) {
      throw new RangeError(`leastSquares: row ${i} has ${r.length} columns, row 0 has ${cols}`);
    }
    return [...r, y[i]];
  });
  for (let j = 0; j < cols; j++) {
    const p = ridge?.[j] ?? 0;
    if (!(p >= 0)) throw new RangeError(`leastSquares: ridge[${j}] must be >= 0, got ${p}`);
    if (p > 0) rows.push(Array.from({ length: cols + 1 }, (_, k) => (k === j ? Math.sqrt(p) : 0)));
  }
  const { qr } = (await import(MATHJS)) as { qr: Qr };
  let r: number[][] = [];
  for (let i = 0; i < rows.length; i += BLOCK_ROWS) {
    const { R } = qr([...r, ...rows.slice(i, i + BLOCK_ROWS)]);
    r = R.slice(0, cols + 1);
  }
  return backSubstitute(r, cols);
}

/** Solve the upper-triangular system R[0..n)[0..n) b = R[0..n)[n]; throws when R is singular. */
function backSubstitute(r: number[][], n: number): number[] {
  const scale = Math.max(...r.slice(0, n).map((row, j) => Math.abs(row[j] ?? 0)));
  const b = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    const d = r[j]?.[j] ?? 0;
    if (!(Math.abs(d) > 1e-12 * scale)) {
      throw new RangeError(
        `leastSquares: singular system (column ${j} is constant or duplicated, or too few rows)`,
      );
    }
    let s = r[j][n];
    for (let k = j + 1; k < n; k++) s -= r[j][k] * b[k];
    b[j] = s / d;
  }
  return b;
}
