import wilcoxon from '@stdlib/stats-wilcoxon';

/**
 * Two-sided p-value of the Wilcoxon signed-rank test that `differences` are symmetric about 0
 * (@stdlib/stats-wilcoxon: exact distribution up to 50 values without ties, otherwise the normal
 * approximation with continuity correction; zero differences dropped). 1 with fewer than two
 * non-zero differences (no test can reject on one).
 */
export const signedRankPValue = (differences: readonly number[]): number => {
  const nonZero = differences.filter((d) => d !== 0);
  return nonZero.length < 2 ? 1 : wilcoxon(nonZero).pValue;
};
