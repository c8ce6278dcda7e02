/**
 * An independent, fold-by-fold re-derivation of SCALE-Sim v2 (scale-sim-v2, systolic_compute_*.py
 * and double_buffered_scratchpad_mem.py) for tests: it builds the *shapes* of the demand matrices
 * the way that code concatenates them (prefix rows, T streamed rows, suffix rows, skew) and counts
 * the SRAM requests slice by slice, instead of using the closed forms of lib/arch/systolic.ts.
 */
export interface RefResult {
  totalCycles: number;
  folds: number;
  mappingEfficiency: number;
  computeUtilization: number;
  ifmapReads: number;
  filterReads: number;
  ofmapWrites: number;
}

/** Rows added by SCALE-Sim's skew_matrix to a matrix with `cols` columns. */
const skewRows = (cols: number) => cols - 1;

/** Reference model of one GEMM (M x K x N) on an R x C array. */
export function scaleSimReference(
  m: number,
  k: number,
  n: number,
  R: number,
  C: number,
  df: "ws" | "os" | "is",
): RefResult {
  const [sr, sc, t] = df === "ws" ? [k, n, m] : df === "os" ? [m, n, k] : [k, m, n];
  const rowFolds = Math.ceil(sr / R), colFolds = Math.ceil(sc / C);
  let lines = 0, map = 0, util = 0, ifmap = 0, filter = 0, ofmap = 0;
  for (let fc = 0; fc < colFolds; fc++) {
    for (let fr = 0; fr < rowFolds; fr++) {
      const rowsUsed = Math.min(sr, (fr + 1) * R) - fr * R;
      const colsUsed = Math.min(sc, (fc + 1) * C) - fc * C;
      let foldLines: number, utilMatRows: number;
      if (df === "ws") {
        foldLines = R + t + (C - 1) + skewRows(R); // ifmap demand: prefix R, T, suffix C-1, skew
        utilMatRows = R + (R + C + t - 2); // filter demand: R weight rows + suffix
        ifmap += t * rowsUsed;
        filter += rowsUsed * colsUsed;
        ofmap += t * colsUsed;
      } else if (df === "os") {
        foldLines = t + (C - 1) + skewRows(R); // ifmap demand: T, suffix C-1, skew over R cols
        utilMatRows = (t - 1) + R; // ofmap demand: prefix T-1, R (padded) rows
        ifmap += t * rowsUsed;
        filter += t * colsUsed;
        ofmap += rowsUsed * colsUsed + (R + C);
      } else {
        foldLines = R + t + (C - 1) + skewRows(R); // filter demand: prefix R, T, suffix C-1, skew
        utilMatRows = R + (R + C + t - 2); // ifmap demand: R rows + suffix
        ifmap += rowsUsed * colsUsed;
        filter += rowsUsed * t;
        ofmap += colsUsed * t;
      }
      lines += foldLines;
      const cyclesThisFold = utilMatRows + C - 1; // rows + cols - 1 of that matrix
      map += (rowsUsed * colsUsed) / (R * C);
      util += (rowsUsed * colsUsed * t) / (R * C * cyclesThisFold);
    }
  }
  const folds = rowFolds * colFolds;
  return {
    totalCycles: lines - 1, // index of the last serviced ofmap line (no stalls)
    folds,
    mappingEfficiency: map / folds,
    computeUtilization: util / folds,
    ifmapReads: ifmap,
    filterReads: filter,
    ofmapWrites: ofmap,
  };
}
