/**
 * Order statistics that give the same bits on every run (mathjs's median picks a random pivot,
 * which can change the last bit of an even-length median).
 */

/** Median of `values` (mean of the two middle values for an even count); NaN when empty. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
