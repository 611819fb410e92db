import { median } from './descriptive.js';
import { holmAdjust } from './holm.js';
import { ALPHA } from './paired-comparison.js';
import { signedRankPValue } from './signed-rank.js';

/** What paired ratios say of a goal "ratio ≤ limit". */
export type RatioGoalOutcome = 'met' | 'missed' | 'inconclusive';

/** One check of a ratio goal: the paired ratios of a contender to its baseline, and what they say. */
export interface RatioGoalCheck {
  readonly pairs: number;
  /** The centre the test is about: the Hodges–Lehmann estimate (the pseudomedian of the log ratios), as a ratio. */
  readonly centre: number;
  /** One-sided signed-rank p-value against "the log ratios are centred at or above log limit" (for "met"). */
  readonly pBelow: number;
  /** Holm-adjusted one-sided p-value that they sit above it (for "missed"), across the checks judged together. */
  readonly pAboveHolm: number;
  readonly outcome: RatioGoalOutcome;
}

/**
 * One-sided Wilcoxon signed-rank p-value, exact for up to 50 values without ties (otherwise
 * @stdlib's normal approximation with continuity correction), that `ratios` are centred below
 * (`less`) or above (`greater`) `limit` on the log scale (a ratio and its inverse weigh alike). The
 * centre is the pseudomedian of the log ratios, their median if they are symmetric; the test assumes
 * independent runs and that symmetry. 1 with fewer than two ratios off the limit: no test can decide on one.
 */
export const ratioSignedRankP = (ratios: readonly number[], limit: number, alternative: 'less' | 'greater'): number =>
  signedRankPValue(ratios.map((r) => Math.log(r) - Math.log(limit)), alternative);

/**
 * The Hodges–Lehmann estimate of the centre of `ratios` on the log scale, as a ratio: exp of the median
 * of the pairwise means (Walsh averages, each value with itself included) of the log ratios. It is
 * the centre the signed-rank test is about. NaN without ratios.
 */
export const hodgesLehmannRatio = (ratios: readonly number[]): number => {
  const logs = ratios.map(Math.log);
  const walsh = logs.flatMap((a, i) => logs.slice(i).map((b) => (a + b) / 2));
  return walsh.length === 0 ? Number.NaN : Math.exp(median(walsh));
};

/**
 * Judges a goal "each ratio ≤ `limit`" on several checks (each a contender's paired ratios to its
 * baseline), so that it can come out either way or neither:
 * - `met`: the centre (pseudomedian) of the log ratios sits detectably below log `limit` (one-sided
 *   signed-rank p < {@link ALPHA}, uncorrected per check). The goal as a whole is met when every check
 *   is, an intersection-union test, which needs no correction for the number of checks.
 * - `missed`: the centre sits detectably above it, Holm-adjusted across the checks (naming which
 *   checks miss is a claim per check).
 * - `inconclusive`: neither, e.g. too few pairs, or ratios on both sides of the limit.
 *
 * With n pairs the smallest one-sided exact p is 2⁻ⁿ (all n on one side): `met` needs at least 5
 * pairs, and Holm calls nothing `missed` among k checks unless the smallest p has k · 2⁻ⁿ < ALPHA (a
 * check with 9 pairs, for 16 checks); a check later in Holm's order needs (k − rank + 1) · p < ALPHA,
 * and every check before it rejected (Holm steps down).
 */
export const judgeRatioGoal = (checks: readonly (readonly number[])[], limit: number): RatioGoalCheck[] => {
  const pAbove = holmAdjust(checks.map((ratios) => ratioSignedRankP(ratios, limit, 'greater')));
  return checks.map((ratios, i) => {
    const pBelow = ratioSignedRankP(ratios, limit, 'less');
    const pAboveHolm = pAbove[i] ?? 1;
    const outcome: RatioGoalOutcome = pBelow < ALPHA ? 'met' : pAboveHolm < ALPHA ? 'missed' : 'inconclusive';
    return { pairs: ratios.length, centre: hodgesLehmannRatio(ratios), pBelow, pAboveHolm, outcome };
  });
};
