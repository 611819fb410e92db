import { describe, expect, it } from 'vitest';
import { hodgesLehmannRatio, judgeRatioGoal, ratioSignedRankP } from '../../src/compare/stats/ratio-goal.js';

// Paired ratios of a contender to its baseline, against the goal "≤ 1.10×".
const ABOVE_5 = [1.21, 1.3, 1.15, 1.41, 1.25];
const BELOW_5 = [0.95, 1.02, 0.88, 1.05, 0.99];
const MIXED_12 = [1.04, 1.12, 1.08, 1.15, 1.01, 1.09, 1.13, 1.06, 1.18, 1.02, 1.11, 1.07];
const ABOVE_9 = [1.21, 1.3, 1.15, 1.41, 1.25, 1.33, 1.19, 1.27, 1.36];

describe('ratioSignedRankP', () => {
  it("matches SciPy's one-sided exact signed-rank p-values of log(ratio) − log(limit)", () => {
    // python3 -c "import numpy as np; from scipy.stats import wilcoxon; d=np.log([1.04,1.12,1.08,1.15,1.01,1.09,1.13,1.06,1.18,1.02,1.11,1.07])-np.log(1.1);
    //   print(wilcoxon(d, alternative='less', method='exact').pvalue, wilcoxon(d, alternative='greater', method='exact').pvalue)"
    // → 0.190185546875 0.830322265625 (SciPy 1.17.1); all 5 above → 0.03125 = 2⁻⁵, all 9 above → 0.001953125 = 2⁻⁹
    expect(ratioSignedRankP(MIXED_12, 1.1, 'less')).toBeCloseTo(0.190185546875, 12);
    expect(ratioSignedRankP(MIXED_12, 1.1, 'greater')).toBeCloseTo(0.830322265625, 12);
    expect(ratioSignedRankP(ABOVE_5, 1.1, 'greater')).toBeCloseTo(0.03125, 12);
    expect(ratioSignedRankP(ABOVE_5, 1.1, 'less')).toBe(1);
    expect(ratioSignedRankP(ABOVE_9, 1.1, 'greater')).toBeCloseTo(0.001953125, 12);
  });

  it('cannot decide on fewer than two ratios off the limit', () => {
    expect(ratioSignedRankP([1.5], 1.1, 'greater')).toBe(1);
    expect(ratioSignedRankP([1.1, 1.1, 2], 1.1, 'greater')).toBe(1);
  });
});

describe('hodgesLehmannRatio', () => {
  it('is exp of the median of the Walsh averages of the log ratios, as NumPy computes it', () => {
    // python3 -c "import numpy as np; x=np.log([1.21,1.3,1.15,1.41,1.25]); print(np.exp(np.median([(x[i]+x[j])/2 for i in range(5) for j in range(i,5)])))"
    // → 1.2541929676090517 (NumPy 2); for MIXED_12: 1.087285347296511
    expect(hodgesLehmannRatio(ABOVE_5)).toBeCloseTo(1.2541929676090517, 12);
    expect(hodgesLehmannRatio(MIXED_12)).toBeCloseTo(1.087285347296511, 12);
    expect(hodgesLehmannRatio([])).toBeNaN();
  });

});

describe('judgeRatioGoal', () => {
  it('comes out met, missed or inconclusive, naming a miss only after Holm across the checks', () => {
    const [above5, below5, mixed, above9] = judgeRatioGoal([ABOVE_5, BELOW_5, MIXED_12, ABOVE_9], 1.1);
    expect(below5).toMatchObject({ outcome: 'met', pairs: 5 });
    expect(above9?.outcome).toBe('missed'); // 4 · 2⁻⁹ < 0.05
    expect(above9?.pAboveHolm).toBeCloseTo(4 * 0.001953125, 12);
    // Alone, five ratios all above the limit would miss it (p = 2⁻⁵); among four checks, Holm gives 3 · 2⁻⁵ = 0.094.
    expect(above5?.outcome).toBe('inconclusive');
    expect(above5?.pAboveHolm).toBeCloseTo(3 * 0.03125, 12);
    expect(judgeRatioGoal([ABOVE_5], 1.1)[0]?.outcome).toBe('missed');
    expect(mixed?.outcome).toBe('inconclusive');
    expect(mixed?.centre).toBeCloseTo(1.087285347296511, 12);
  });

  it('can sit below the limit while half the ratios are above it: the test is about the centre, not every ratio', () => {
    // Nine just above 1.10, nine well below. python3 -c "import numpy as np; from scipy.stats import wilcoxon; r=[…];
    //   print(wilcoxon(np.log(r)-np.log(1.1), alternative='less', method='exact').pvalue)" → 0.040714263916015625 (SciPy 1.17.1)
    const ratios = [1.105, 1.106, 1.107, 1.108, 1.109, 1.11, 1.112, 1.113, 1.114, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86];
    const [check] = judgeRatioGoal([ratios], 1.1);
    expect(check?.pBelow).toBeCloseTo(0.040714263916015625, 12);
    expect(check?.outcome).toBe('met');
    expect(check?.centre).toBeLessThan(1);
  });

  it('needs five pairs to call a goal met, however far below the limit', () => {
    expect(judgeRatioGoal([[0.5, 0.51, 0.6, 0.55]], 1.1)[0]?.outcome).toBe('inconclusive'); // 2⁻⁴ = 0.0625
    expect(judgeRatioGoal([[0.5, 0.51, 0.6, 0.55, 0.52]], 1.1)[0]?.outcome).toBe('met');
  });

  it('judges nothing from no pairs', () => {
    expect(judgeRatioGoal([[]], 1.1)[0]).toMatchObject({ pairs: 0, outcome: 'inconclusive', pBelow: 1, pAboveHolm: 1, centre: Number.NaN });
  });
});
