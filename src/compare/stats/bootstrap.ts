import type { Random } from '../../domain/random.js';
import type { Interval } from './confidence-interval.js';
import { median, quantile, sortAscending } from './descriptive.js';

/** Resamples the bootstrap draws by default. */
export const BOOTSTRAP_RESAMPLES = 2000;

/** A difference and its confidence interval. */
export interface DifferenceEstimate {
  /** The observed difference, median(a) − median(b). */
  readonly estimate: number;
  /** The 95% percentile-bootstrap interval of that difference. */
  readonly ci95: Interval;
}

const resample = (values: readonly number[], random: Random): number[] => values.map(() => values[Math.floor(random() * values.length)] ?? Number.NaN);

/**
 * Percentile bootstrap of the difference of medians between two independent, non-empty samples:
 * each of `resamples` draws resamples both with replacement (seeded by `random`) and keeps
 * median(a*) − median(b*); the interval is the 2.5th and 97.5th percentiles of those differences.
 */
export const bootstrapMedianDifference = (a: readonly number[], b: readonly number[], random: Random, resamples = BOOTSTRAP_RESAMPLES): DifferenceEstimate => {
  const differences: number[] = [];
  for (let i = 0; i < resamples; i++) differences.push(median(resample(a, random)) - median(resample(b, random)));
  const sorted = sortAscending(differences);
  return { estimate: median(a) - median(b), ci95: [quantile(sorted, 0.025), quantile(sorted, 0.975)] };
};
