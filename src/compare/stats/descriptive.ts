/** Arithmetic mean of a non-empty sample. */
export const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Sample standard deviation (n − 1 in the denominator); undefined below two values. */
export const sampleStddev = (values: readonly number[]): number | undefined => {
  if (values.length < 2) return undefined;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
};

/** The values sorted ascending, in a new array. */
export const sortAscending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/**
 * Exact quantile of an ascending-sorted, non-empty sample by linear interpolation between the
 * closest ranks (Hyndman & Fan type 7, the default of R and NumPy): `quantile([1, 2, 3, 4], 0.5) === 2.5`.
 */
export const quantile = (sorted: readonly number[], q: number): number => {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? Number.NaN;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
};

/** The median of a non-empty sample (any order). */
export const median = (values: readonly number[]): number => quantile(sortAscending(values), 0.5);
