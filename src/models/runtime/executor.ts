import { Future } from './future.js';
import { wait } from './wait.js';

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
 * await executor.shutdown(); // like Python's, waits for the work still running
 */
export class Executor {
  #queue: (WorkItem | undefined)[] = [];
  #head = 0;
  #running = 0;
  #shutdown = false;
  readonly #submitted = new Set<Future<unknown>>();

  constructor(readonly maxWorkers: number) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) throw new RangeError(`maxWorkers must be a whole number >= 1, got ${maxWorkers}`);
  }

  /** Schedules `work` and returns its future at once. Throws after `shutdown()`. */
  submit<T>(work: () => Promise<T>): Future<T> {
    if (this.#shutdown) throw new Error('cannot submit after shutdown');
    const future = new Future<T>();
    const submitted = future as Future<unknown>;
    this.#submitted.add(submitted);
    future.addDoneCallback(() => this.#submitted.delete(submitted));
    this.#queue.push({ future, work } as WorkItem);
    this.#startWork();
    return future;
  }

  /**
   * Accepts no more work, with Python's meaning: by default the returned promise settles once every
   * submitted future is done (`wait: false` resolves at once); `cancelFutures` (Python 3.9) first
   * cancels the work still queued. Running work is never interrupted.
   */
  shutdown({ wait: waitForWork = true, cancelFutures = false }: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    this.#shutdown = true;
    if (cancelFutures) for (let index = this.#head; index < this.#queue.length; index += 1) this.#queue[index]?.future.cancel();
    return waitForWork ? wait([...this.#submitted]).then(() => undefined) : Promise.resolve();
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
