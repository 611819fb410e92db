import { setImmediate as nextTurn } from 'node:timers/promises';
import Queue from 'yocto-queue';
import type { Future } from './future.js';

/**
 * Most futures yielded in a row without letting the event loop turn. When thousands are done at once
 * (a cancelled load's queued futures, all cancelled together), handing them back in one microtask
 * chain would hold timers, sockets and keys for as long as the reader takes over all of them.
 */
export const YIELDS_PER_TURN = 64;

/**
 * Yields the futures in the order they complete, like Python's `as_completed`: handle each result as
 * soon as it is there, whatever the order of submission. After {@link YIELDS_PER_TURN} futures that
 * were already done, it waits for the next event-loop turn before the next one. Like CPython's (since
 * bpo-27144), it keeps no reference to a future it has yielded: a load of 10 000 that kept them all
 * kept every response alive until its end, and every scavenge copied them.
 */
export async function* asCompleted<T>(futures: Iterable<Future<T>>): AsyncGenerator<Future<T>> {
  const completed = new Queue<Future<T>>();
  let wakeUp: (() => void) | undefined;
  let total = 0;
  const onDone = (future: Future<T>): void => {
    completed.enqueue(future);
    wakeUp?.();
  };
  for (const future of futures) {
    total += 1;
    future.addDoneCallback(onDone); // one callback for all: no closure per future
  }
  let inARow = 0;
  for (let yielded = 0; yielded < total; yielded += 1) {
    if (completed.size === 0) {
      inARow = 0;
      await new Promise<void>((resolve) => (wakeUp = resolve));
    } else if (++inARow > YIELDS_PER_TURN) {
      inARow = 0;
      await nextTurn();
    }
    yield completed.dequeue() as Future<T>;
  }
}
