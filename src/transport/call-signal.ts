import { TurnQueue } from './turn-queue.js';

/**
 * Most calls aborted in one event-loop turn, process-wide. Aborting an axios call costs ~0.3 ms of CPU
 * (its error, the socket's teardown): the deadlines of thousands of calls started together expire in
 * one timer phase, and cancelling a big load reaches all its calls at once; unbounded, either held the
 * event loop for seconds.
 */
export const ABORTS_PER_TURN = 64;

const aborts = new TurnQueue(ABORTS_PER_TURN);

/** What a call's abort reaches: an `AbortController`, or anything with the same two members (an `AbortEmitter`). */
export interface Abortable<S> {
  readonly signal: S;
  abort(reason?: unknown): void;
}

/** The abort signal of one transport call: its total deadline joined with the caller's signal. */
export interface CallSignal<S = AbortSignal> {
  /** Aborts when the deadline expires or the caller's signal aborts, whichever comes first. */
  readonly signal: S;
  /** True once the deadline has expired (and the caller had not canceled first). */
  deadlineExpired(): boolean;
  /** True once the caller's signal has aborted. */
  canceled(): boolean;
  /** Clears the timer and unlinks the caller's signal; call it when the call settles. */
  dispose(): void;
}

/** Per caller signal, the cancels of its calls in flight (the sets empty as calls settle; entries die with their signal). */
const callsInFlight = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Registers `cancel` to run when `signal` aborts; returns the function that unregisters it. Each signal
 * gets ONE 'abort' listener, however many calls share it, which fans out to the calls in flight: adding
 * and removing a listener on Node's EventTarget (and lifting its limit of 10 for a load's signal shared
 * by maxInFlight calls) cost every call several microseconds, a cost the raw baseline, which passes no
 * signal, never paid (seen in a CPU profile of the models benchmark).
 */
const onAbort = (signal: AbortSignal, cancel: () => void): (() => void) => {
  let cancels = callsInFlight.get(signal);
  if (cancels === undefined) {
    const fresh = new Set<() => void>();
    signal.addEventListener('abort', () => fresh.forEach((run) => run()), { once: true });
    callsInFlight.set(signal, fresh);
    cancels = fresh;
  }
  const set = cancels;
  set.add(cancel);
  return () => void set.delete(cancel);
};

/**
 * One AbortController (or the `controller` given) per call, aborted by a timer of `deadlineMs` or by `callerSignal`. The abort
 * itself waits its turn ({@link ABORTS_PER_TURN} per turn), though `deadlineExpired` and `canceled`
 * say so at once; an expired deadline aborts only after the poll phase that follows it, so a response
 * that arrived in time but waited for a busy event loop is still read (the deadline is the server's,
 * give or take one turn of this process's event loop). Unlike
 * `AbortSignal.timeout` + `AbortSignal.any`, everything is released by {@link CallSignal.dispose}:
 * the timer does not outlive a finished call, and a long-lived caller signal (one per load, shared by
 * thousands of calls) keeps no reference to finished calls. (Node 20 keeps every `AbortSignal.any`
 * dependant registered on its source, and every timeout timer for its whole delay.)
 *
 * @example
 * const call = callSignal(500, loadSignal);
 * try { await client.get(path, { signal: call.signal }); } finally { call.dispose(); }
 */
export function callSignal(deadlineMs: number, callerSignal?: AbortSignal): CallSignal;
export function callSignal<S>(deadlineMs: number, callerSignal: AbortSignal | undefined, controller: Abortable<S>): CallSignal<S>;
export function callSignal(deadlineMs: number, callerSignal?: AbortSignal, controller: Abortable<unknown> = new AbortController()): CallSignal<unknown> {
  let expired = false;
  let settled = false;
  const abort = (reason: unknown): void => {
    if (!settled) controller.abort(reason);
  };
  const timer = setTimeout(() => {
    expired = true;
    // Aborted once the I/O that is ready has been read: an answer that came in time, while this
    // process was busy (a long synchronous stretch, a GC pause), is not failed for the client's stall.
    void aborts.scheduleAfterIo(() => abort(new DOMException(`timeout after ${deadlineMs} ms`, 'TimeoutError')));
  }, deadlineMs);
  const cancel = (): void => {
    clearTimeout(timer);
    void aborts.schedule(() => abort(callerSignal?.reason));
  };
  let unfollow: (() => void) | undefined;
  if (callerSignal?.aborted) {
    clearTimeout(timer);
    controller.abort(callerSignal.reason);
  } else if (callerSignal) unfollow = onAbort(callerSignal, cancel);
  return {
    signal: controller.signal,
    deadlineExpired: () => expired,
    canceled: () => callerSignal?.aborted ?? false,
    dispose: () => {
      settled = true;
      clearTimeout(timer);
      unfollow?.();
    },
  };
}
