import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { bootstrapMedianDifference } from '../../src/compare/stats/bootstrap.js';
import { compareToFastest } from '../../src/compare/stats/compare-to-fastest.js';
import { meanConfidenceInterval95 } from '../../src/compare/stats/confidence-interval.js';
import { mean, median, quantile, sampleStddev, sortAscending } from '../../src/compare/stats/descriptive.js';
import { describeDistribution } from '../../src/compare/stats/distribution.js';
import { studentTCdf, studentTQuantile } from '../../src/compare/stats/student-t.js';

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

describe('Student t', () => {
  it.each([
    [1, 12.7062047],
    [2, 4.30265273],
    [9, 2.26215716],
    [30, 2.04227246],
    [100_000, 1.95998],
  ])('gives the 0.975 quantile for %i degrees of freedom', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 4);
  });

  it('has a symmetric CDF', () => {
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-2, 5) + studentTCdf(2, 5)).toBeCloseTo(1, 12);
  });

  it('gives the known t-interval of 1..5 (R: t.test(1:5) → 1.036757 4.963243)', () => {
    const [low, high] = meanConfidenceInterval95([1, 2, 3, 4, 5]) ?? [0, 0];
    expect(low).toBeCloseTo(1.036757, 5);
    expect(high).toBeCloseTo(4.963243, 5);
    expect(meanConfidenceInterval95([1])).toBeUndefined();
  });
});

describe('bootstrap of the difference of medians', () => {
  const fast = [10, 11, 12, 13, 14, 15, 16, 17];
  const slow = fast.map((v) => v + 100);

  it('is reproducible from the seed', () => {
    expect(bootstrapMedianDifference(slow, fast, seededRandom(7))).toEqual(bootstrapMedianDifference(slow, fast, seededRandom(7)));
  });

  it('excludes 0 for clearly separated samples and includes it for one sample against itself', () => {
    const separated = bootstrapMedianDifference(slow, fast, seededRandom(1));
    expect(separated.estimate).toBe(100);
    expect(separated.ci95[0]).toBeGreaterThan(0);
    const same = bootstrapMedianDifference(fast, fast, seededRandom(1));
    expect(same.ci95[0]).toBeLessThanOrEqual(0);
    expect(same.ci95[1]).toBeGreaterThanOrEqual(0);
  });
});

describe('compareToFastest', () => {
  it('names the fastest, the clearly slower and those with no meaningful difference', () => {
    const samples = new Map([
      ['a', [50, 51, 52, 53, 54, 55]],
      ['b', [50.5, 51, 52.5, 53, 54, 55.5]],
      ['c', [90, 91, 92, 93, 94, 95]],
    ]);
    const result = compareToFastest(samples, seededRandom(3));
    expect(result.get('a')).toEqual({ baseline: 'a', medianDiffMs: 0, ci95: null, verdict: 'fastest' });
    expect(result.get('b')).toMatchObject({ baseline: 'a', verdict: 'no meaningful difference' });
    expect(result.get('c')).toMatchObject({ baseline: 'a', medianDiffMs: 40, verdict: 'slower' });
  });

  it('gives no verdict on fewer than five runs, however far apart the medians', () => {
    const result = compareToFastest(new Map([['a', [23.9, 27.0]], ['b', [28.1, 28.8]]]), seededRandom(1));
    expect(result.get('b')).toMatchObject({ baseline: 'a', verdict: 'too few runs' });
  });

  it('compares nothing when fewer than two samples have values', () => {
    expect(compareToFastest(new Map([['a', [1, 2]], ['b', []]]), seededRandom(1)).size).toBe(0);
  });
});
