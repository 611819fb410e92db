import type { Future } from './future.js';

/**
 * Yields the futures in the order they complete, like Python's `as_completed`: handle each result as
 * soon as it is there, whatever the order of submission.
 */
export async function* asCompleted<T>(futures: Iterable<Future<T>>): AsyncGenerator<Future<T>> {
  const completed: Future<T>[] = [];
  let wakeUp: (() => void) | undefined;
  let total = 0;
  for (const future of futures) {
    total += 1;
    future.addDoneCallback(() => {
      completed.push(future);
      wakeUp?.();
    });
  }
  for (let yielded = 0; yielded < total; yielded += 1) {
    if (yielded === completed.length) await new Promise<void>((resolve) => (wakeUp = resolve));
    yield completed[yielded] as Future<T>;
  }
}
