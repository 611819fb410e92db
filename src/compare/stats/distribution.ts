import { meanConfidenceInterval95, type Interval } from './confidence-interval.js';
import { mean, quantile, sampleStddev, sortAscending } from './descriptive.js';

/** A sample described: centre, spread, exact percentiles and the 95% interval of the mean. */
export interface Distribution {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Sample standard deviation; null below two values. */
  readonly stddev: number | null;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Student-t 95% interval of the mean; null below two values. */
  readonly ci95: Interval | null;
}

/** Describes a sample, or returns null when it is empty. Percentiles are exact (type 7). */
export const describeDistribution = (values: readonly number[]): Distribution | null => {
  if (values.length === 0) return null;
  const sorted = sortAscending(values);
  return {
    count: values.length,
    mean: mean(values),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    stddev: sampleStddev(values) ?? null,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    ci95: meanConfidenceInterval95(values) ?? null,
  };
};
