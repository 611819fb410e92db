import { Future } from './future.js';

interface WorkItem {
  readonly future: Future<unknown>;
  readonly work: () => Promise<unknown>;
}

/**
 * Runs submitted work with at most `maxWorkers` items at once, after Python's `ThreadPoolExecutor`.
 * A worker here is a concurrency slot, not a thread: the work is async and the slot is held until its
 * promise settles. Work beyond the slots waits in a FIFO queue, where its future is `pending` and can
 * still be cancelled.
 *
 * @example
 * const executor = new Executor(2);
 * const futures = urls.map((url) => executor.submit(() => fetchJson(url)));
 * for await (const future of asCompleted(futures)) console.log(await future.result());
 */
export class Executor {
  #queue: (WorkItem | undefined)[] = [];
  #head = 0;
  #running = 0;
  #shutdown = false;

  constructor(readonly maxWorkers: number) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) throw new RangeError(`maxWorkers must be a whole number >= 1, got ${maxWorkers}`);
  }

  /** Schedules `work` and returns its future at once. Throws after `shutdown()`. */
  submit<T>(work: () => Promise<T>): Future<T> {
    if (this.#shutdown) throw new Error('cannot submit after shutdown');
    const future = new Future<T>();
    this.#queue.push({ future, work } as WorkItem);
    this.#startWork();
    return future;
  }

  /** Accepts no more work; with `cancelFutures`, cancels everything still queued. Running work finishes on its own. */
  shutdown({ cancelFutures = false }: { cancelFutures?: boolean } = {}): void {
    this.#shutdown = true;
    if (!cancelFutures) return;
    for (let index = this.#head; index < this.#queue.length; index += 1) this.#queue[index]?.future.cancel();
  }

  #startWork(): void {
    while (this.#running < this.maxWorkers && this.#head < this.#queue.length) {
      const item = this.#queue[this.#head] as WorkItem;
      this.#queue[this.#head++] = undefined;
      if (!item.future.setRunningOrNotifyCancel()) continue;
      this.#running += 1;
      const release = (): void => {
        this.#running -= 1;
        this.#startWork();
      };
      let promise: Promise<unknown>;
      try {
        promise = item.work();
      } catch (error) {
        promise = Promise.reject(error);
      }
      promise.then(
        (value) => (item.future.setResult(value), release()),
        (error: unknown) => (item.future.setException(error), release()),
      );
    }
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    }
  }
}

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
