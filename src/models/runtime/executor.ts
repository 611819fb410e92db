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
  /** The futures whose work runs: at most maxWorkers. Queued ones are in #queue, so nothing is kept per submitted future. */
  readonly #running = new Set<Future<unknown>>();
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

  /**
   * Accepts no more work, with Python's meaning: by default the returned promise settles once every
   * submitted future is done (`wait: false` resolves at once); `cancelFutures` (Python 3.9) first
   * cancels the work still queued. Running work is never interrupted.
   */
  shutdown({ wait: waitForWork = true, cancelFutures = false }: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    this.#shutdown = true;
    const queued = this.#queue.slice(this.#head).map((item) => (item as WorkItem).future);
    if (cancelFutures) for (const future of queued) future.cancel();
    return waitForWork ? wait([...this.#running, ...queued]).then(() => undefined) : Promise.resolve();
  }

  #startWork(): void {
    while (this.#running.size < this.maxWorkers && this.#head < this.#queue.length) {
      const item = this.#queue[this.#head] as WorkItem;
      this.#queue[this.#head++] = undefined;
      if (!item.future.setRunningOrNotifyCancel()) continue;
      this.#running.add(item.future);
      const release = (): void => {
        this.#running.delete(item.future);
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
