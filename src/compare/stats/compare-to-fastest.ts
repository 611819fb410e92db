import type { Random } from '../../domain/random.js';
import { BOOTSTRAP_RESAMPLES, bootstrapMedianDifference } from './bootstrap.js';
import type { Interval } from './confidence-interval.js';
import { median } from './descriptive.js';

/** How a sample stands against the fastest one of its group. */
export type ComparisonVerdict = 'fastest' | 'slower' | 'no meaningful difference' | 'too few runs';

/** Below this many runs on either side a bootstrap of medians says nothing, so no verdict is given. */
export const MIN_RUNS_FOR_VERDICT = 5;

/** One sample's comparison with the fastest of its group. */
export interface Comparison {
  /** The key of the fastest sample (lowest median). */
  readonly baseline: string;
  /** median(this) − median(fastest), ms. */
  readonly medianDiffMs: number;
  /** 95% bootstrap interval of that difference; null for the fastest itself. */
  readonly ci95: Interval | null;
  readonly verdict: ComparisonVerdict;
}

/** The rule {@link compareToFastest} applies, in words (reports print it). */
export const COMPARISON_RULE = `fastest = lowest median total time among the models of the same variant and concurrency; another model is "slower" when the 95% percentile-bootstrap interval (${BOOTSTRAP_RESAMPLES} seeded resamples) of the difference of medians lies entirely above 0, otherwise "no meaningful difference"; with fewer than ${MIN_RUNS_FOR_VERDICT} runs on either side, "too few runs"`;

/**
 * Compares each non-empty sample of a group with the fastest (lowest median) by a seeded bootstrap
 * of the difference of medians. Returns comparisons by key; an empty map for fewer than two samples.
 */
export const compareToFastest = (samples: ReadonlyMap<string, readonly number[]>, random: Random): Map<string, Comparison> => {
  const result = new Map<string, Comparison>();
  const entries = [...samples].filter(([, values]) => values.length > 0);
  if (entries.length < 2) return result;
  const medians = new Map(entries.map(([key, values]) => [key, median(values)]));
  const [baseline, fastest] = entries.reduce((best, entry) => ((medians.get(entry[0]) ?? 0) < (medians.get(best[0]) ?? 0) ? entry : best));
  for (const [key, values] of entries) {
    if (key === baseline) {
      result.set(key, { baseline, medianDiffMs: 0, ci95: null, verdict: 'fastest' });
      continue;
    }
    const { estimate, ci95 } = bootstrapMedianDifference(values, fastest, random);
    const verdict = Math.min(values.length, fastest.length) < MIN_RUNS_FOR_VERDICT ? 'too few runs' : ci95[0] > 0 ? 'slower' : 'no meaningful difference';
    result.set(key, { baseline, medianDiffMs: estimate, ci95, verdict });
  }
  return result;
};
