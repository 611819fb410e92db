/** Where a {@link Future} is in its life. */
export type FutureState = 'pending' | 'running' | 'done' | 'cancelled';

/** What `result()` rejects with when the future was cancelled before it ran. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * An explicit handle on work submitted to an `Executor`, after Python's
 * `concurrent.futures.Future`: inspect its state, cancel it while it is still queued, read its result.
 * The outcome is stored as a value; `result()` turns it back into a promise only when asked, so an
 * unread failure is never an unhandled rejection.
 */
export class Future<T> {
  #state: FutureState = 'pending';
  #outcome: Outcome<T> | undefined;
  /** Allocated on first use; most futures get one callback, which an array literal holds without spare room. */
  #doneCallbacks: ((future: Future<T>) => void)[] | undefined;

  /** `pending` (queued), `running`, `done` (result or exception) or `cancelled`. */
  get state(): FutureState {
    return this.#state;
  }

  /** True once the future is `done` or `cancelled`. */
  done(): boolean {
    return this.#state === 'done' || this.#state === 'cancelled';
  }

  /** True while the work runs. */
  running(): boolean {
    return this.#state === 'running';
  }

  /** True when the future was cancelled before it ran. */
  cancelled(): boolean {
    return this.#state === 'cancelled';
  }

  /** Cancels queued work. Returns false when it is already running or done: running work is not interrupted. */
  cancel(): boolean {
    if (this.#state === 'running' || this.#state === 'done') return false;
    if (this.#state === 'pending') this.#finish('cancelled', undefined);
    return true;
  }

  /** The value, or a rejection with the work's error (a {@link CancelledError} if cancelled). Waits until done. */
  result(): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.addDoneCallback(() => {
        const outcome = this.#outcome;
        if (!outcome) reject(new CancelledError('the future was cancelled'));
        else if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      }),
    );
  }

  /**
   * Calls `callback` once the future is done or cancelled (at once if it already is). As in Python, an
   * exception the callback raises is logged and ignored: it cannot stop the other callbacks.
   */
  addDoneCallback(callback: (future: Future<T>) => void): void {
    if (this.done()) this.#invoke(callback);
    else if (this.#doneCallbacks) this.#doneCallbacks.push(callback);
    else this.#doneCallbacks = [callback];
  }

  /** For executors: moves a pending future to `running`; false if it was cancelled meanwhile. */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === 'cancelled') return false;
    this.#state = 'running';
    return true;
  }

  /** For executors: the work succeeded. */
  setResult(value: T): void {
    this.#finish('done', { ok: true, value });
  }

  /** For executors: the work failed. */
  setException(error: unknown): void {
    this.#finish('done', { ok: false, error });
  }

  #finish(state: 'done' | 'cancelled', outcome: Outcome<T> | undefined): void {
    this.#state = state;
    this.#outcome = outcome;
    const callbacks = this.#doneCallbacks ?? [];
    this.#doneCallbacks = undefined;
    for (const callback of callbacks) this.#invoke(callback);
  }

  #invoke(callback: (future: Future<T>) => void): void {
    try {
      callback(this);
    } catch (error) {
      console.error('exception calling callback for a future:', error);
    }
  }
}
