import Queue from 'yocto-queue';

/**
 * A number of tasks per event-loop turn, shared by the {@link TurnQueue}s built on it: together they
 * run at most `perTurn` tasks between two turns, each in its own order, and the queues with tasks
 * waiting take turns (one task each, round and round) until the budget is spent, so one busy queue
 * cannot hold the others back. A queue can leave for another budget ({@link TurnQueue.moveTo}).
 */
export class TurnBudget {
  private ranThisTurn = 0;
  private turnEnds = false;
  /** The queues with tasks waiting, in the order they are served next. */
  private readonly waiting = new Set<Queue<() => void>>();

  /** `perTurn` ≥ 1: the most tasks run between two turns, all the queues together. */
  constructor(readonly perTurn: number) {
    if (!(perTurn >= 1)) throw new RangeError(`perTurn must be at least 1, got ${perTurn}`);
  }

  /** Spends one task of this turn's budget: true if there was one left (run the task now). */
  take(): boolean {
    if (this.ranThisTurn >= this.perTurn) return false;
    this.ranThisTurn += 1;
    this.renewSoon();
    return true;
  }

  /** `tasks` has tasks waiting: they run in the next turns, taking turns with the other queues. */
  serve(tasks: Queue<() => void>): void {
    this.waiting.add(tasks);
    this.renewSoon();
  }

  /** `tasks` is served elsewhere from now on. */
  forget(tasks: Queue<() => void>): void {
    this.waiting.delete(tasks);
  }

  private renewSoon(): void {
    if (this.turnEnds) return;
    this.turnEnds = true;
    setImmediate(this.turn);
  }

  /** A new turn: a fresh budget, spent first on the tasks that wait, one queue after another. */
  private readonly turn = (): void => {
    this.turnEnds = false;
    this.ranThisTurn = 0;
    // A Set visits what is added while it is iterated: a queue put back at the end comes round again.
    for (const tasks of this.waiting) {
      if (this.ranThisTurn >= this.perTurn) break;
      this.waiting.delete(tasks);
      this.ranThisTurn += 1;
      (tasks.dequeue() as () => void)();
      if (tasks.size > 0) this.waiting.add(tasks);
    }
    if (this.ranThisTurn > 0) this.renewSoon();
  };
}

/**
 * Bounded work per event-loop turn: at most a budget of tasks run in one turn (the queue's own, or a
 * {@link TurnBudget} shared with other queues); the others wait, in order, for later turns
 * (`setImmediate`), so timers, sockets and stdin keys get through in between.
 *
 * Why: a load of thousands of requests can otherwise start all its requests, or a storm of expired
 * deadlines can abort all its calls, in ONE macrotask. An axios call costs ~0.3 ms of CPU to start or
 * to abort, so 8 000 of them held the event loop for seconds and the dashboard's `q` waited behind them.
 * A turn here is the time between two of the budget's immediates: tasks run at once (the common case,
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
  private readonly waiting = new Queue<() => void>();
  #budget: TurnBudget;

  /** `budget`: at most that many tasks per turn (≥ 1) for this queue alone, or a {@link TurnBudget} it shares. */
  constructor(budget: number | TurnBudget) {
    this.#budget = typeof budget === 'number' ? new TurnBudget(budget) : budget;
  }

  /** The budget this queue spends: its own, or one shared with other queues. */
  get budget(): TurnBudget {
    return this.#budget;
  }

  /**
   * Moves this queue and the tasks waiting in it onto `budget`, in the same order. A cancelled load's
   * queue leaves the budget the live loads share: its tasks are cheap rejections, and taking turns
   * with the live loads' starts they would slow a new round's start by as much.
   */
  moveTo(budget: TurnBudget): void {
    this.#budget.forget(this.waiting);
    this.#budget = budget;
    if (this.pending > 0) budget.serve(this.waiting);
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
    if (this.pending === 0 && this.#budget.take()) return attempt(task);
    return this.scheduleAfterIo(task);
  }

  /**
   * Runs `task` in the next turn at the earliest (after the tasks queued before it), never now: after
   * the I/O that is ready has been read, since a turn ends in the check phase, after the poll phase.
   */
  scheduleAfterIo<T>(task: () => T | PromiseLike<T>): Promise<T> {
    return new Promise<T>((resolve) => {
      this.waiting.enqueue(() => resolve(attempt(task)));
      this.#budget.serve(this.waiting);
    });
  }
}

/** `task()` as a promise: its value, or a rejection with what it threw. */
const attempt = <T>(task: () => T | PromiseLike<T>): Promise<T> => {
  try {
    return Promise.resolve(task());
  } catch (error) {
    return Promise.reject(error);
  }
};
