import type { Random } from '../../domain/random.js';
import { bootstrapMedianInterval } from './bootstrap.js';
import type { Interval } from './confidence-interval.js';
import { median } from './descriptive.js';
import { holmAdjust } from './holm.js';
import { runsNeeded } from './reachable.js';
import { signedRankPValue } from './signed-rank.js';

/** What a paired comparison of `a` with `b` concludes. */
export type PairedOutcome = 'faster' | 'slower' | 'equivalent' | 'inconclusive' | 'too few runs';

/** Below this many pairs no outcome is given: an interval from fewer repetitions is too rough to call. */
export const MIN_PAIRS = 10;

/** The default equivalence margin: ratios within ±5 % count as no practical difference. */
export const DEFAULT_MARGIN = 0.05;

/** The level of the tests and intervals. */
export const ALPHA = 0.05;

/** The estimate of one paired comparison, before the correction across comparisons. */
export interface PairedEstimate {
  /** Repetitions in which both contenders ran. */
  readonly pairs: number;
  /** Median of the per-repetition ratios a / b. */
  readonly ratio: number;
  /** 95% percentile-bootstrap interval of that median; null without pairs. */
  readonly ci95: Interval | null;
  /** Two-sided Wilcoxon signed-rank p-value of the log-ratios (1 without pairs). */
  readonly pValue: number;
  /** Repetitions both ran but left out because a value was not positive (no ratio to take). */
  readonly dropped: number;
}

/**
 * Compares `a` with `b` on values paired by repetition (each map: repetition → value; only the
 * repetitions both have count): the per-repetition ratios a / b, their median, a seeded bootstrap
 * interval of that median, and the signed-rank p-value of log(a / b). Repetitions with a non-positive
 * value are left out (a ratio needs two positive figures) and counted in `dropped`.
 */
export const estimatePaired = (a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>, random: Random): PairedEstimate => {
  const common = [...a].flatMap(([repetition, value]) => {
    const other = b.get(repetition);
    return other === undefined ? [] : [[value, other] as const];
  });
  const ratios = common.flatMap(([value, other]) => (value > 0 && other > 0 ? [value / other] : []));
  const dropped = common.length - ratios.length;
  if (ratios.length === 0) return { pairs: 0, ratio: Number.NaN, ci95: null, pValue: 1, dropped };
  return { pairs: ratios.length, ratio: median(ratios), ci95: bootstrapMedianInterval(ratios, random), pValue: signedRankPValue(ratios.map(Math.log)), dropped };
};

/**
 * The outcome of one comparison, given its Holm-adjusted p-value. In order: fewer than
 * {@link MIN_PAIRS} pairs → `too few runs`; the whole 95% interval within 1 ± margin → `equivalent`
 * (whatever difference there is, it is smaller than the margin); adjusted p < {@link ALPHA} and the
 * interval entirely below 1 → `faster`, entirely above 1 → `slower`; otherwise `inconclusive`.
 */
export const classifyPaired = (estimate: PairedEstimate, adjustedP: number, margin: number): PairedOutcome => {
  const { pairs, ci95 } = estimate;
  if (pairs < MIN_PAIRS || ci95 === null) return 'too few runs';
  if (ci95[0] >= 1 - margin && ci95[1] <= 1 + margin) return 'equivalent';
  if (adjustedP < ALPHA && ci95[1] < 1) return 'faster';
  if (adjustedP < ALPHA && ci95[0] > 1) return 'slower';
  return 'inconclusive';
};

/** The detectable direction of a difference, whatever its size: a reads faster or slower than b. */
export type PairedDirection = 'faster' | 'slower' | null;

/**
 * Whether a difference is detectable apart from whether it matters: adjusted p < {@link ALPHA} and the
 * 95% interval excluding 1 gives its direction (so an `equivalent` pair can still be detectably
 * faster, e.g. interval [0.97, 0.99] with p = 0.001); otherwise null.
 */
export const pairedDirection = (ci95: Interval | null, adjustedP: number | null): PairedDirection => {
  if (ci95 === null || adjustedP === null || adjustedP >= ALPHA) return null;
  return ci95[1] < 1 ? 'faster' : ci95[0] > 1 ? 'slower' : null;
};

/** One comparison with its Holm-adjusted p-value and outcome. */
export interface JudgedComparison extends PairedEstimate {
  /** Holm-adjusted p-value across the comparisons judged together; null when too few pairs to test. */
  readonly pHolm: number | null;
  readonly outcome: PairedOutcome;
  /** See {@link pairedDirection}. */
  readonly direction: PairedDirection;
  /** Comparisons in its Holm family (those tested, or all of them when this one was not). */
  readonly family: number;
  /** Null when its pairs can reach {@link ALPHA} in its family, otherwise the pairs it would need (see reachable.ts). */
  readonly needsRuns: number | null;
}

/**
 * Judges one family of comparisons together: Holm's correction over the p-values of those with
 * enough pairs, then each outcome by {@link classifyPaired}, its direction and whether its pairs could
 * reach {@link ALPHA} at all in a family that size ({@link runsNeeded}). Returns them in the order given.
 */
export const judgeComparisons = (estimates: readonly PairedEstimate[], margin: number): JudgedComparison[] => {
  const tested = estimates.flatMap((e, i) => (e.pairs >= MIN_PAIRS ? [i] : []));
  const adjusted = holmAdjust(tested.map((i) => estimates[i]?.pValue ?? 1));
  const pHolm = new Map(tested.map((i, k) => [i, adjusted[k] ?? 1]));
  return estimates.map((e, i) => {
    const p = pHolm.get(i);
    const family = p === undefined ? estimates.length : tested.length;
    return {
      ...e,
      pHolm: p ?? null,
      outcome: p === undefined ? 'too few runs' : classifyPaired(e, p, margin),
      direction: pairedDirection(e.ci95, p ?? null),
      family,
      needsRuns: runsNeeded(family, e.pairs, ALPHA, MIN_PAIRS),
    };
  });
};
