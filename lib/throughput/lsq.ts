/**
 * Linear least squares with mathjs: solve (X'X + diag(ridge)) b = X'y. A small ridge on chosen
 * columns keeps the system solvable when a category has no rows (its coefficient then shrinks to 0).
 */
import { lusolve, multiply, transpose } from "mathjs";

/**
 * Least-squares coefficients of `y` on the rows of `x`.
 * @param x design matrix, one row per sample (all rows the same length)
 * @param y targets, one per row
 * @param ridge penalty per column (default 0 for every column)
 */
export function leastSquares(x: number[][], y: number[], ridge?: number[]): number[] {
  if (x.length === 0) throw new RangeError("leastSquares: no rows to fit");
  if (x.length !== y.length) {
    throw new RangeError(`leastSquares: ${x.length} rows but ${y.length} targets`);
  }
  const cols = x[0].length;
  const xt = transpose(x) as number[][];
  const a = multiply(xt, x) as number[][];
  for (let j = 0; j < cols; j++) a[j][j] += ridge?.[j] ?? 0;
  const b = multiply(xt, y.map((v) => [v])) as number[][];
  const sol = lusolve(a, b) as number[][];
  const out = sol.map((r) => r[0]);
  if (out.some((v) => !Number.isFinite(v))) {
    throw new RangeError("leastSquares: singular system (a feature is constant or duplicated)");
  }
  return out;
}
