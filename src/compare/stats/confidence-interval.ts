import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStddev } from './descriptive.js';

/** A closed interval `[low, high]`. */
export type Interval = [low: number, high: number];

/**
 * The 95% confidence interval of the mean by Student's t: mean ± t(0.975, n − 1) · s / √n
 * (the quantile from @stdlib). Undefined below two values (no spread to estimate).
 */
export const meanConfidenceInterval95 = (values: readonly number[]): Interval | undefined => {
  const s = sampleStddev(values);
  if (s === undefined) return undefined;
  const m = mean(values);
  const half = (tQuantile(0.975, values.length - 1) * s) / Math.sqrt(values.length);
  return [m - half, m + half];
};
