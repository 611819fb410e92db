import wilcoxon from '@stdlib/stats-wilcoxon';

/**
 * P-value of the Wilcoxon signed-rank test that `differences` are symmetric about 0: two-sided by
 * default, or one-sided against a centre below 0 (`less`) or above it (`greater`)
 * (@stdlib/stats-wilcoxon: exact distribution up to 50 values without ties, otherwise the normal
 * approximation with continuity correction; zero differences dropped). 1 with fewer than two
 * non-zero differences (no test can reject on one). Capped at 1, as SciPy's is: @stdlib doubles the
 * smaller tail, which passes 1 when the statistic sits at the centre of a discrete distribution
 * (1.25 for [1, −3, 2]; 1.0000000000000002 in a 30-pair comparison), and Holm's adjustment then
 * refused the whole family.
 */
export const signedRankPValue = (differences: readonly number[], alternative: 'two-sided' | 'less' | 'greater' = 'two-sided'): number => {
  const nonZero = differences.filter((d) => d !== 0);
  return nonZero.length < 2 ? 1 : Math.min(1, wilcoxon(nonZero, { alternative }).pValue);
};
