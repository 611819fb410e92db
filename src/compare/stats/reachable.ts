/**
 * The fewest pairs (at least `minPairs`) with which a comparison in a Holm family of `family` can come
 * out below `alpha`: with n pairs and no ties the smallest two-sided exact signed-rank p-value is
 * 2 / 2ⁿ = 2^(1−n), and Holm multiplies the smallest p by the family size, so it needs
 * family · 2^(1−n) < alpha.
 */
export const pairsToReachAlpha = (family: number, alpha: number, minPairs: number): number => {
  let n = Math.max(1, minPairs);
  while (Math.max(1, family) * 2 ** (1 - n) >= alpha) n++;
  return n;
};

/**
 * Null when `pairs` can reach `alpha` in a Holm family of `family` (and are at least `minPairs`);
 * otherwise the pairs ({@link pairsToReachAlpha}) it would need, so a report can say "needs ≥ K runs"
 * instead of waiting for a "faster" or "slower" that no data could give.
 */
export const runsNeeded = (family: number, pairs: number, alpha: number, minPairs: number): number | null => {
  const needed = pairsToReachAlpha(family, alpha, minPairs);
  return pairs >= needed ? null : needed;
};
