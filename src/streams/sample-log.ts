/**
 * An append-only list of numbers that is cheap to extend in a reducer: appending to the newest
 * version pushes onto the shared buffer (O(1)); appending to an older one copies its prefix first.
 * A version never sees values past its own `length`, so every version stays what it was.
 */
export interface SampleLog {
  readonly buffer: readonly number[];
  readonly length: number;
}

/** A log with no values. */
export const emptySampleLog = (): SampleLog => ({ buffer: [], length: 0 });

/** The log with `value` appended; `log` itself is unchanged. */
export const appendSample = (log: SampleLog, value: number): SampleLog => {
  const buffer = (log.buffer.length === log.length ? log.buffer : log.buffer.slice(0, log.length)) as number[];
  buffer.push(value);
  return { buffer, length: log.length + 1 };
};

/** The log's values, oldest first (a copy). */
export const samplesOf = (log: SampleLog): number[] => log.buffer.slice(0, log.length);
