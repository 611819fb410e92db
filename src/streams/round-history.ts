/** How many recent round times each model keeps. */
export const ROUND_HISTORY_LIMIT = 30;

/** Appends a value, dropping the oldest ones beyond `limit` (a bounded ring as an immutable array). */
export const pushBounded = (values: readonly number[], value: number, limit = ROUND_HISTORY_LIMIT): readonly number[] =>
  values.length < limit ? [...values, value] : [...values.slice(values.length - limit + 1), value];

/**
 * The nearest-rank percentile (p in 0..100) of the values; `undefined` when there are none.
 *
 * @example percentile([10, 20, 30, 40], 50) // 20
 */
export const percentile = (values: readonly number[], p: number): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
};
