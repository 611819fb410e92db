import type { Random } from '../../domain/random.js';
import type { Interval } from './confidence-interval.js';
import { median, quantile, sortAscending } from './descriptive.js';

/** Resamples the bootstrap draws by default. */
export const BOOTSTRAP_RESAMPLES = 2000;

const resample = (values: readonly number[], random: Random): number[] => values.map(() => values[Math.floor(random() * values.length)] ?? Number.NaN);

/**
 * The 95% percentile-bootstrap interval of the median of a non-empty sample: `resamples` seeded draws
 * with replacement, the 2.5th and 97.5th percentiles (type 7) of their medians.
 */
export const bootstrapMedianInterval = (values: readonly number[], random: Random, resamples = BOOTSTRAP_RESAMPLES): Interval => {
  const medians: number[] = [];
  for (let i = 0; i < resamples; i++) medians.push(median(resample(values, random)));
  const sorted = sortAscending(medians);
  return [quantile(sorted, 0.025), quantile(sorted, 0.975)];
};
