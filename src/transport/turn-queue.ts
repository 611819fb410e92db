import Queue from 'yocto-queue';

/**
 * Bounded work per event-loop turn: at most `perTurn` tasks run in one turn; the others wait, in
 * order, for later turns (`setImmediate`), so timers, sockets and stdin keys get through in between.
 *
 * Why: a load of thousands of requests can otherwise start all its requests, or a storm of expired
 * deadlines can abort all its calls, in ONE macrotask. An axios call costs ~0.3 ms of CPU to start or
 * to abort, so 8 000 of them held the event loop for seconds and the dashboard's `q` waited behind them.
 * A turn here is the time between two of the queue's immediates: tasks run at once (the common case,
 * no cost but a counter) until the budget is spent, and the budget is renewed in the check phase.
 *
 * A task leaves the queue when it runs, so the queue holds only the tasks that wait. (An array
 * emptied only once nothing waited kept every task that had run, with the promise of its response,
 * for as long as a load kept the queue busy: a heap snapshot of a 100 000-request `run` on a
 * CPU-starved machine showed ~50 000 parsed payloads held that way.)
 *
 * @example
 * const starts = new TurnQueue(64);
 * const response = await starts.schedule(() => transport.get(call)); // now, or in a later turn
 */
export class TurnQueue {
  private ranThisTurn = 0;
  private readonly waiting = new Queue<() => void>();
  private turnEnds = false;

  /** `perTurn` ≥ 1: the most tasks run between two turns of the queue. */
  constructor(readonly perTurn: number) {
    if (!(perTurn >= 1)) throw new RangeError(`perTurn must be at least 1, got ${perTurn}`);
  }

  /** Tasks waiting for a later turn. */
  get pending(): number {
    return this.waiting.size;
  }

  /**
   * Runs `task` now if this turn's budget allows and nothing waits, else in a later turn, after the
   * tasks queued before it. Resolves or rejects as `task` does (a throw rejects).
   */
  schedule<T>(task: () => T | PromiseLike<T>): Promise<T> {
    if (this.pending === 0 && this.ranThisTurn < this.perTurn) {
      this.ranThisTurn += 1;
      this.renewSoon();
      return attempt(task);
    }
    return this.scheduleAfterIo(task);
  }

  /**
   * Runs `task` in the next turn at the earliest (after the tasks queued before it), never now: after
   * the I/O that is ready has been read, since a turn ends in the check phase, after the poll phase.
   */
  scheduleAfterIo<T>(task: () => T | PromiseLike<T>): Promise<T> {
    return new Promise<T>((resolve) => {
      this.waiting.enqueue(() => resolve(attempt(task)));
      this.renewSoon();
    });
  }

  private renewSoon(): void {
    if (this.turnEnds) return;
    this.turnEnds = true;
    setImmediate(this.turn);
  }

  /** A new turn: a fresh budget, spent first on the tasks that wait. */
  private readonly turn = (): void => {
    this.turnEnds = false;
    this.ranThisTurn = 0;
    while (this.ranThisTurn < this.perTurn && this.pending > 0) {
      const task = this.waiting.dequeue() as () => void;
      this.ranThisTurn += 1;
      task();
    }
    if (this.ranThisTurn > 0) this.renewSoon();
  };
}

/** `task()` as a promise: its value, or a rejection with what it threw. */
const attempt = <T>(task: () => T | PromiseLike<T>): Promise<T> => {
  try {
    return Promise.resolve(task());
  } catch (error) {
    return Promise.reject(error);
  }
};
