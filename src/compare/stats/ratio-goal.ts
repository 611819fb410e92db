import wilcoxon from '@stdlib/stats-wilcoxon';
import { median } from './descriptive.js';
import { holmAdjust } from './holm.js';
import { ALPHA } from './paired-comparison.js';

/** What paired ratios say of a goal "ratio ≤ limit". */
export type RatioGoalOutcome = 'met' | 'missed' | 'inconclusive';

/** One check of a ratio goal: the paired ratios of a contender to its baseline, and what they say. */
export interface RatioGoalCheck {
  readonly pairs: number;
  /** Median of the paired ratios. */
  readonly ratio: number;
  /** One-sided signed-rank p-value that the ratios sit below the limit (for "met"). */
  readonly pBelow: number;
  /** Holm-adjusted one-sided p-value that they sit above it (for "missed"), across the checks judged together. */
  readonly pAboveHolm: number;
  readonly outcome: RatioGoalOutcome;
}

/**
 * One-sided exact (up to 50 values) Wilcoxon signed-rank p-value that `ratios` are centred below
 * (`less`) or above (`greater`) `limit`, on the log scale (a ratio and its inverse weigh alike). 1 with
 * fewer than two ratios off the limit: no test can decide on one.
 */
export const ratioSignedRankP = (ratios: readonly number[], limit: number, alternative: 'less' | 'greater'): number => {
  const offLimit = ratios.map((r) => Math.log(r) - Math.log(limit)).filter((d) => d !== 0);
  return offLimit.length < 2 ? 1 : Math.min(1, wilcoxon(offLimit, { alternative }).pValue);
};

/**
 * Judges a goal "each ratio ≤ `limit`" on several checks (each a contender's paired ratios to its
 * baseline), so that it can come out either way or neither:
 * - `met`: the ratios sit detectably below the limit (one-sided signed-rank p < {@link ALPHA}). The goal
 *   as a whole is met when every check is, an intersection-union test, which needs no correction for
 *   the number of checks.
 * - `missed`: they sit detectably above it, Holm-adjusted across the checks (naming which checks
 *   miss is a claim per check).
 * - `inconclusive`: neither, e.g. too few pairs, or ratios on both sides of the limit.
 *
 * With n pairs the smallest one-sided exact p is 2⁻ⁿ: `met` needs at least 5 pairs, and `missed`
 * among k checks needs k · 2⁻ⁿ < ALPHA (9 pairs for 16 checks).
 */
export const judgeRatioGoal = (checks: readonly (readonly number[])[], limit: number): RatioGoalCheck[] => {
  const pAbove = holmAdjust(checks.map((ratios) => ratioSignedRankP(ratios, limit, 'greater')));
  return checks.map((ratios, i) => {
    const pBelow = ratioSignedRankP(ratios, limit, 'less');
    const pAboveHolm = pAbove[i] ?? 1;
    const outcome: RatioGoalOutcome = pBelow < ALPHA ? 'met' : pAboveHolm < ALPHA ? 'missed' : 'inconclusive';
    return { pairs: ratios.length, ratio: ratios.length > 0 ? median(ratios) : Number.NaN, pBelow, pAboveHolm, outcome };
  });
};
