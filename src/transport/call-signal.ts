import { setMaxListeners } from 'node:events';

/** The abort signal of one transport call: its total deadline joined with the caller's signal. */
export interface CallSignal {
  /** Aborts when the deadline expires or the caller's signal aborts, whichever comes first. */
  readonly signal: AbortSignal;
  /** True once the deadline has expired (and the caller had not canceled first). */
  deadlineExpired(): boolean;
  /** True once the caller's signal has aborted. */
  canceled(): boolean;
  /** Clears the timer and unlinks the caller's signal; call it when the call settles. */
  dispose(): void;
}

/**
 * One AbortController per call, aborted by a timer of `deadlineMs` or by `callerSignal`. Unlike
 * `AbortSignal.timeout` + `AbortSignal.any`, everything is released by {@link CallSignal.dispose}:
 * the timer does not outlive a finished call, and a long-lived caller signal (one per load, shared by
 * thousands of calls) keeps no reference to finished calls. (Node 20 keeps every `AbortSignal.any`
 * dependant registered on its source, and every timeout timer for its whole delay.)
 *
 * @example
 * const call = callSignal(500, loadSignal);
 * try { await client.get(path, { signal: call.signal }); } finally { call.dispose(); }
 */
export const callSignal = (deadlineMs: number, callerSignal?: AbortSignal): CallSignal => {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`timeout after ${deadlineMs} ms`, 'TimeoutError'));
  }, deadlineMs);
  const cancel = (): void => {
    clearTimeout(timer);
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) cancel();
  else if (callerSignal) {
    // A load's signal carries one listener per call in flight (up to maxInFlight), each removed when
    // its call settles: not the leak Node's default limit of 10 warns about.
    setMaxListeners(0, callerSignal);
    callerSignal.addEventListener('abort', cancel, { once: true });
  }
  return {
    signal: controller.signal,
    deadlineExpired: () => expired,
    canceled: () => callerSignal?.aborted ?? false,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', cancel);
    },
  };
};
