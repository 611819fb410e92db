import { EventEmitter } from 'node:events';

/**
 * A call's abort signal for undici, which accepts as `signal` any EventEmitter with `aborted`, `reason`
 * and an `abort` event (`Dispatcher.request` in its docs). Node 20's `AbortController` costs far more
 * per call: creating its `AbortSignal`, the EventTarget listeners undici adds and removes, and the
 * weak references those keep for the GC. Shaped like an `AbortController` (`signal`, `abort`), so
 * {@link callSignal} drives either.
 *
 * @example
 * const call = callSignal(deadlineMs, loadSignal, new AbortEmitter());
 * await agent.request({ origin, path, method: 'GET', signal: call.signal });
 */
export class AbortEmitter extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  /** What to pass as undici's `signal`: this emitter. */
  get signal(): this {
    return this;
  }

  /** Aborts once, with `reason` (an `AbortError` by default, as `AbortController.abort()`). */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    this.emit('abort');
  }
}
