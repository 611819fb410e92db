import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { classifyPaired, estimatePaired, judgeComparisons, MIN_PAIRS, type PairedEstimate } from '../../src/compare/stats/paired-comparison.js';

const byRepetition = (values: readonly number[]): Map<number, number> => new Map(values.map((v, i) => [i, v]));
const estimate = (pairs: number, ci95: [number, number], pValue = 0.001): PairedEstimate => ({ pairs, ratio: (ci95[0] + ci95[1]) / 2, ci95, pValue, dropped: 0 });

describe('estimatePaired', () => {
  it('takes per-repetition ratios, their median, and pairs only repetitions both have', () => {
    const a = byRepetition([20, 22, 30, 40]);
    const b = new Map([[0, 10], [1, 11], [2, 10]]);
    const result = estimatePaired(a, b, seededRandom(1));
    expect(result.pairs).toBe(3);
    expect(result.ratio).toBe(2); // ratios 2, 2, 3
    expect(result.ci95?.[0]).toBeGreaterThanOrEqual(2);
  });

  it('sees a consistent 3 % difference that unpaired intervals would drown in the spread between repetitions', () => {
    // Each repetition's server is slower or faster for both alike; a is 3 % faster every time.
    const b = Array.from({ length: 20 }, (_, i) => 20 + ((i * 7) % 11));
    const a = b.map((v, i) => v * (0.97 + ((i % 3) - 1) * 0.002));
    const result = estimatePaired(byRepetition(a), byRepetition(b), seededRandom(2));
    expect(result.ci95?.[1]).toBeLessThan(1);
    expect(result.pValue).toBeLessThan(0.001);
  });

  it('has nothing to compare without common repetitions', () => {
    expect(estimatePaired(byRepetition([1]), new Map([[5, 1]]), seededRandom(1))).toMatchObject({ pairs: 0, ci95: null, pValue: 1 });
  });
});

describe('classifyPaired reaches every outcome', () => {
  it.each([
    ['too few runs', estimate(MIN_PAIRS - 1, [0.5, 0.6]), 0.001],
    ['equivalent', estimate(12, [0.97, 1.04]), 0.5],
    ['equivalent', estimate(12, [0.97, 0.99]), 0.001],
    ['faster', estimate(12, [0.8, 0.9]), 0.001],
    ['slower', estimate(12, [1.1, 1.3]), 0.001],
    ['inconclusive', estimate(12, [0.9, 1.1]), 0.5],
    ['inconclusive', estimate(12, [0.8, 0.9]), 0.2],
  ] as const)('%s', (outcome, e, p) => {
    expect(classifyPaired(e, p, 0.05)).toBe(outcome);
  });

  it('widens "equivalent" with the margin', () => {
    expect(classifyPaired(estimate(12, [0.92, 0.97]), 0.001, 0.05)).toBe('faster');
    expect(classifyPaired(estimate(12, [0.92, 0.97]), 0.001, 0.1)).toBe('equivalent');
  });
});

describe('judgeComparisons', () => {
  it("applies Holm's correction across the family: a p-value that passes alone can fail among many", () => {
    const alone = judgeComparisons([estimate(12, [0.8, 0.9], 0.02)], 0.05);
    expect(alone[0]).toMatchObject({ pHolm: 0.02, outcome: 'faster' });
    const many = judgeComparisons([estimate(12, [0.8, 0.9], 0.02), estimate(12, [0.9, 1.1], 0.5), estimate(12, [0.9, 1.1], 0.6)], 0.05);
    expect(many[0]).toMatchObject({ pHolm: 0.06, outcome: 'inconclusive' });
  });

  it('leaves comparisons with too few pairs out of the correction', () => {
    const judged = judgeComparisons([estimate(3, [0.8, 0.9], 0.001), estimate(12, [0.8, 0.9], 0.02)], 0.05);
    expect(judged.map((j) => [j.pHolm, j.outcome])).toEqual([
      [null, 'too few runs'],
      [0.02, 'faster'],
    ]);
  });
});
