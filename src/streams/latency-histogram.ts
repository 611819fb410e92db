import { build, JsHistogram, type Histogram } from 'hdr-histogram-js';
import type { SampleLog } from './sample-log.js';

/** What the dashboard shows of a round's response latencies (ms): the spread and a few percentiles. */
export interface LatencySummary {
  readonly count: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Latencies are recorded in microseconds, to 2 significant digits (HdrHistogram: bounded memory, ~1% error). */
const MICROS = 1000;

const newHistogram = (): Histogram => build({ lowestDiscernibleValue: 1, highestTrackableValue: 60 * 1000 * MICROS, numberOfSignificantValueDigits: 2, autoResize: true });

/** Histograms built so far, per log buffer: a newer version of the same log only records its new values. */
const built = new WeakMap<readonly number[], { histogram: Histogram; length: number }>();

/**
 * The HdrHistogram (hdr-histogram-js) of a log of latencies in ms. Memoized per log: asked again
 * for a longer version of the same log (the next frame), it records only the values added since.
 */
export const latencyHistogram = (log: SampleLog): Histogram => {
  const cached = built.get(log.buffer);
  const entry = cached && cached.length <= log.length ? cached : { histogram: newHistogram(), length: 0 };
  for (let index = entry.length; index < log.length; index += 1) entry.histogram.recordValue(Math.max(1, Math.round((log.buffer[index] ?? 0) * MICROS)));
  entry.length = log.length;
  built.set(log.buffer, entry);
  return entry.histogram;
};

/** Count, spread and p50/p99 of a log of latencies in ms; `undefined` when it is empty. */
export const latencySummary = (log: SampleLog): LatencySummary | undefined => {
  if (log.length === 0) return undefined;
  const histogram = latencyHistogram(log);
  return {
    count: histogram.totalCount,
    minMs: histogram.minNonZeroValue / MICROS,
    maxMs: histogram.maxValue / MICROS,
    p50Ms: histogram.getValueAtPercentile(50) / MICROS,
    p99Ms: histogram.getValueAtPercentile(99) / MICROS,
  };
};

/**
 * The histogram's counts in `bins` equal slices of its range (fastest to slowest response), for a
 * one-line bar chart: `bins` numbers, all 0 when the log is empty.
 *
 * @example latencyBins(log, 4) // [12, 30, 5, 1]: most responses in the second quarter of the range
 */
export const latencyBins = (log: SampleLog, bins: number): number[] => {
  const counts = new Array<number>(Math.max(0, bins)).fill(0);
  if (log.length === 0 || bins <= 0) return counts;
  const histogram = latencyHistogram(log);
  if (!(histogram instanceof JsHistogram)) return counts;
  // Each of the histogram's buckets goes where its lowest value falls, so one bucket alone is the first bin.
  // A plain walk over the counts: the library's value iterator costs ~10× as much per frame.
  const low = histogram.lowestEquivalentValue(histogram.minNonZeroValue);
  const span = histogram.lowestEquivalentValue(histogram.maxValue) - low + 1;
  for (let index = 0; index < histogram.countsArrayLength; index += 1) {
    const count = histogram.getCountAtIndex(index);
    if (count === 0) continue;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(((histogram.valueFromIndex(index) - low) / span) * bins)));
    counts[bin] = (counts[bin] ?? 0) + count;
  }
  return counts;
};
