import wilcoxon from '@stdlib/stats-wilcoxon';

/**
 * Two-sided p-value of the Wilcoxon signed-rank test that `differences` are symmetric about 0
 * (@stdlib/stats-wilcoxon: exact distribution up to 50 values without ties, otherwise the normal
 * approximation with continuity correction; zero differences dropped). 1 when every difference is 0.
 */
export const signedRankPValue = (differences: readonly number[]): number => {
  if (differences.every((d) => d === 0)) return 1;
  return wilcoxon([...differences]).pValue;
};
