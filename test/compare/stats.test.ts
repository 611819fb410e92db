import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { bootstrapMedianInterval } from '../../src/compare/stats/bootstrap.js';
import { meanConfidenceInterval95 } from '../../src/compare/stats/confidence-interval.js';
import { mean, median, quantile, sampleStddev, sortAscending } from '../../src/compare/stats/descriptive.js';
import { describeDistribution } from '../../src/compare/stats/distribution.js';
import { holmAdjust } from '../../src/compare/stats/holm.js';
import { signedRankPValue } from '../../src/compare/stats/signed-rank.js';

const oneToTen = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];

describe('descriptive statistics', () => {
  it('computes the mean and the sample standard deviation', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sampleStddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStddev([42])).toBeUndefined();
  });

  it('interpolates percentiles between closest ranks like R and NumPy (type 7)', () => {
    const sorted = sortAscending(oneToTen);
    expect(quantile(sorted, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(sorted, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile(sorted, 0.99)).toBeCloseTo(9.91, 12);
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(quantile([7], 0.99)).toBe(7);
    expect(median([3, 1, 2, 4])).toBe(2.5);
  });

  it('describes a sample, and nothing for an empty one', () => {
    expect(describeDistribution(oneToTen)).toMatchObject({ count: 10, mean: 5.5, min: 1, max: 10, p50: 5.5 });
    expect(describeDistribution([5])).toMatchObject({ count: 1, stddev: null, ci95: null, p99: 5 });
    expect(describeDistribution([])).toBeNull();
  });
});

describe('95% interval of the mean (Student t quantile from @stdlib)', () => {
  // Reference: python3 -c "from scipy.stats import t; print([t.ppf(0.975, df) for df in (1, 4, 9, 29)])" (SciPy 1.17.1)
  // → 12.706204736174694, 2.7764451051977934, 2.262157162798205, 2.045229642132703
  it.each([
    [2, 12.706204736174694],
    [5, 2.7764451051977934],
    [10, 2.262157162798205],
    [30, 2.045229642132703],
  ])('uses t(0.975, n − 1) for n = %i', (n, t) => {
    const values = Array.from({ length: n }, (_, i) => i);
    const [low, high] = meanConfidenceInterval95(values) ?? [0, 0];
    const half = (t * (sampleStddev(values) ?? 0)) / Math.sqrt(n);
    expect(low).toBeCloseTo(mean(values) - half, 10);
    expect(high).toBeCloseTo(mean(values) + half, 10);
  });

  it('has no interval below two values', () => {
    expect(meanConfidenceInterval95([1])).toBeUndefined();
  });
});

describe('Wilcoxon signed-rank p-value (@stdlib)', () => {
  it("matches SciPy's exact p-value for 12 differences without ties", () => {
    // python3 -c "from scipy.stats import wilcoxon; print(wilcoxon([0.031,-0.012,0.045,0.022,0.008,0.051,-0.004,0.017,0.029,0.038,0.013,-0.021], method='exact').pvalue)"
    // → 0.02099609375 (SciPy 1.17.1)
    expect(signedRankPValue([0.031, -0.012, 0.045, 0.022, 0.008, 0.051, -0.004, 0.017, 0.029, 0.038, 0.013, -0.021])).toBeCloseTo(0.02099609375, 10);
  });

  it('is at most 1, as SciPy clips it, where @stdlib doubles a tail past 1 at the centre of the distribution', () => {
    // python3 -c "from scipy.stats import wilcoxon; print(wilcoxon([1, -3, 2]).pvalue)"
    // → 1.0 (SciPy 1.17.1); @stdlib alone gives 1.2500000000000004
    expect(signedRankPValue([1, -3, 2])).toBe(1);
    expect(() => holmAdjust([signedRankPValue([1, -3, 2]), 0.2, 0.4])).not.toThrow();
  });

  it("matches SciPy's normal approximation (continuity-corrected) for 60 differences", () => {
    // python3 -c "import numpy as np; from scipy.stats import wilcoxon; y=[float(np.log(1+0.03*np.sin(i*1.7)+0.004)) for i in range(60)]; print(wilcoxon(y, method='approx', correction=True).pvalue)"
    // → 0.11947546308406232 (SciPy 1.17.1)
    const y = Array.from({ length: 60 }, (_, i) => Math.log(1 + 0.03 * Math.sin(i * 1.7) + 0.004));
    expect(signedRankPValue(y)).toBeCloseTo(0.11947546308406232, 8);
  });

  it("matches SciPy's tie- and continuity-corrected normal approximation with ties and zero differences", () => {
    // Zeros are dropped first (zero_method='wilcox'); the ties (1.5, 2, 4 and |−1.5|, |−2|) force @stdlib's normal approximation.
    // python3 -c "from scipy.stats import wilcoxon; print(repr(wilcoxon([0, 0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 1.5, 5, -2], zero_method='wilcox', method='approx', correction=True).pvalue))"
    // → 0.04448951027305878 (SciPy 1.17.1)
    expect(signedRankPValue([0, 0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 1.5, 5, -2])).toBeCloseTo(0.04448951027305878, 10);
    // python3 -c "from scipy.stats import wilcoxon; print(repr(wilcoxon([0.1, 0.2, -0.05, 0.3, 0.2, 0.15, -0.1, 0.25, 0.2, 0.4], method='approx', correction=True).pvalue))"
    // → 0.0162542088976566 (SciPy 1.17.1)
    expect(signedRankPValue([0.1, 0.2, -0.05, 0.3, 0.2, 0.15, -0.1, 0.25, 0.2, 0.4])).toBeCloseTo(0.0162542088976566, 10);
  });

  it('is 1 with fewer than two non-zero differences', () => {
    expect(signedRankPValue([0, 0, 0])).toBe(1);
    expect(signedRankPValue([0.4])).toBe(1);
    expect(signedRankPValue([0, 0.4, 0])).toBe(1);
  });
});

describe("Holm's adjustment (@stdlib)", () => {
  it('matches the step-down definition', () => {
    // /usr/bin/python3 -c "from statsmodels.stats.multitest import multipletests; print(list(multipletests([0.01,0.04,0.03,0.005,0.2], method='holm')[1]))"
    // → [0.04, 0.09, 0.09, 0.025, 0.2] (statsmodels 0.13.5, Debian's python3-statsmodels; SciPy has no Holm)
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005, 0.2])).toEqual([0.04, 0.09, 0.09, 0.025, 0.2].map((p) => expect.closeTo(p, 12)));
    expect(holmAdjust([])).toEqual([]);
  });
});

describe('bootstrap interval of the median', () => {
  const values = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

  it('is reproducible from the seed and brackets the sample median', () => {
    expect(bootstrapMedianInterval(values, seededRandom(7))).toEqual(bootstrapMedianInterval(values, seededRandom(7)));
    const [low, high] = bootstrapMedianInterval(values, seededRandom(7));
    expect(low).toBeLessThanOrEqual(15);
    expect(high).toBeGreaterThanOrEqual(15);
    expect(low).toBeGreaterThanOrEqual(10);
    expect(high).toBeLessThanOrEqual(20);
  });

  it('matches the exact bootstrap distribution of the median', () => {
    // For n = 7 distinct values the resampled median is at most the j-th smallest with probability
    // P(Binomial(7, j/7) ≥ 4): python3 -c "from scipy.stats import binom; print([1 - binom.cdf(3, 7, j/7) for j in range(1, 8)])"
    // → 0.0102, 0.108, 0.347, 0.653, 0.892, 0.990, 1 (SciPy 1.17.1): the 2.5th percentile is the 2nd value,
    // the 97.5th the 6th, each some six standard errors of 2000 resamples away from the next step.
    const seven = [70, 10, 50, 30, 60, 20, 40];
    for (const seed of [1, 2, 3, 4, 5]) expect(bootstrapMedianInterval(seven, seededRandom(seed))).toEqual([20, 60]);
  });

  it('collapses to the value for a constant sample', () => {
    expect(bootstrapMedianInterval([3, 3, 3, 3], seededRandom(1))).toEqual([3, 3]);
  });
});
