import type { Future } from './future.js';

/** `wait` returns once every future is done. */
export const ALL_COMPLETED = 'ALL_COMPLETED';
/** `wait` returns once any future is done. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';

/** When {@link wait} returns. */
export type ReturnWhen = typeof ALL_COMPLETED | typeof FIRST_COMPLETED;

/**
 * Waits for futures, like Python's `concurrent.futures.wait`, and splits them into those done (or
 * cancelled) and those not done yet.
 */
export const wait = <T>(futures: Iterable<Future<T>>, returnWhen: ReturnWhen = ALL_COMPLETED): Promise<{ done: Set<Future<T>>; notDone: Set<Future<T>> }> => {
  const all = [...futures];
  const split = () => ({ done: new Set(all.filter((f) => f.done())), notDone: new Set(all.filter((f) => !f.done())) });
  return new Promise((resolve) => {
    let remaining = all.length;
    if (remaining === 0 || (returnWhen === FIRST_COMPLETED && all.some((f) => f.done()))) return resolve(split());
    let resolved = false;
    for (const future of all) {
      future.addDoneCallback(() => {
        remaining -= 1;
        if (!resolved && (returnWhen === FIRST_COMPLETED || remaining === 0)) {
          resolved = true;
          resolve(split());
        }
      });
    }
  });
};
