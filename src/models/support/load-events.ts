import { endpointPath } from '../../domain/endpoints.js';
import type { DoneEvent, FailureEvent, RetryEvent, StartEvent, SuccessEvent, ThreadCost } from '../../domain/events.js';
import type { ModelId } from '../../domain/models.js';
import { isTransportError, type Transport, type TransportError, type TransportResponse } from '../../domain/transport.js';
import { requestEndpoint } from './request-endpoint.js';

/** `event` with the `threadId` of the worker thread that ran the call, if one did (its response or error says so); `event` itself on the event loop. */
const onThreadOf = <E extends object>(event: E, outcome: object): E => {
  const { threadId } = outcome as { threadId?: unknown };
  return typeof threadId === 'number' ? { ...event, threadId } : event;
};

/**
 * The plumbing every model shares: builds one load's events, stamped with `at` = ms since the load
 * started (`performance.now()`), and keeps the book that guarantees exactly one final `success` or
 * `failure` per request and the `done` tally. Models decide *when* to emit; this only decides *what*.
 *
 * @example
 * const events = new LoadEvents('callbacks', 3);
 * subscriber.next(events.start(0, 1));
 * subscriber.next(events.success(0, response));
 */
export class LoadEvents {
  private readonly origin = performance.now();
  private readonly attempts: Uint32Array;
  private readonly attemptStartedAt: Float64Array;
  private readonly attemptEndedAt: Float64Array;
  private readonly settled: Uint8Array;
  private delivered = 0;
  private failed = 0;

  constructor(
    readonly model: ModelId,
    readonly requests: number,
  ) {
    this.attempts = new Uint32Array(requests);
    this.attemptStartedAt = new Float64Array(requests);
    this.attemptEndedAt = new Float64Array(requests).fill(Number.NaN);
    this.settled = new Uint8Array(requests);
  }

  /** Ms since the load started. */
  now(): number {
    return performance.now() - this.origin;
  }

  /**
   * The transport, timed: records when each call's answer (or error) came back, so `latencyMs` is the
   * attempt's own time on the wire even when the model delivers later (e.g. after gathering them all).
   */
  timed(transport: Transport): Transport {
    return {
      // then(ok, fail) rather than finally(): the same pass-through, with one promise instead of three.
      get: (call) =>
        transport.get(call).then(
          (response) => {
            this.attemptEndedAt[call.requestId] = this.now();
            return response;
          },
          (error: unknown) => {
            this.attemptEndedAt[call.requestId] = this.now();
            throw error;
          },
        ),
    };
  }

  /** Attempt number `attempt` of request `requestId` leaves the model. */
  start(requestId: number, attempt: number): StartEvent {
    const at = this.now();
    this.attempts[requestId] = attempt;
    this.attemptStartedAt[requestId] = at;
    this.attemptEndedAt[requestId] = Number.NaN;
    return { type: 'start', model: this.model, requestId, endpoint: requestEndpoint(requestId), attempt, at };
  }

  /** The request's data is delivered (final). */
  success(requestId: number, response: TransportResponse): SuccessEvent {
    this.settle(requestId);
    this.delivered += 1;
    const at = this.now();
    // The fields of base() written out: the two events of every request build no object to copy.
    const event: SuccessEvent = { type: 'success', model: this.model, requestId, endpoint: requestEndpoint(requestId), attempt: this.attempts[requestId] ?? 0, at, latencyMs: this.latency(requestId, at), status: response.status, items: response.items };
    return onThreadOf(event, response);
  }

  /**
   * The request failed for good. `error` must be a {@link TransportError}: anything else is a bug and
   * is rethrown, so the model's stream errors instead of reporting it as a failure.
   */
  failure(requestId: number, error: unknown): FailureEvent {
    if (!isTransportError(error)) throw error;
    this.settle(requestId);
    this.failed += 1;
    const at = this.now();
    const event: FailureEvent = { type: 'failure', ...this.base(requestId), at, latencyMs: this.latency(requestId, at), reason: error.reason, status: error.status, message: error.message };
    return onThreadOf(event, error);
  }

  /** The current attempt failed with `error`; the next one starts in `delayMs`. */
  retry(requestId: number, error: TransportError, delayMs: number): RetryEvent {
    return { type: 'retry', ...this.base(requestId), at: this.now(), delayMs, reason: error.reason };
  }

  /**
   * A naive load gives up after request `requestId` failed with `error`: the failure of that request
   * (unless it already has its final event), then a `discarded` failure, naming the cause, for every
   * request without one. Requests never sent report attempt 1 and latency 0.
   */
  abandon(requestId: number, error: unknown): FailureEvent[] {
    const failure = this.settled[requestId] ? undefined : this.failure(requestId, error);
    const at = this.now();
    const message = `discarded because ${endpointPath(requestEndpoint(requestId))} failed: ${failure?.message ?? String(error)}`;
    const discarded: FailureEvent[] = failure ? [failure] : [];
    for (let requestId = 0; requestId < this.requests; requestId += 1) {
      if (this.settled[requestId]) continue;
      this.settle(requestId);
      this.failed += 1;
      const latencyMs = this.attempts[requestId] ? this.latency(requestId, at) : 0;
      discarded.push({ type: 'failure', ...this.base(requestId), attempt: Math.max(1, this.attempts[requestId] ?? 0), at, latencyMs, reason: 'discarded', message });
    }
    return discarded;
  }

  /** The load is over; `threads`: what its worker threads cost, if it ran on any. */
  done(threads?: ThreadCost): DoneEvent {
    const at = this.now();
    return { type: 'done', model: this.model, at, totalMs: at, delivered: this.delivered, failed: this.failed, ...(threads ? { threads } : {}) };
  }

  private base(requestId: number) {
    return { model: this.model, requestId, endpoint: requestEndpoint(requestId), attempt: this.attempts[requestId] ?? 0 };
  }

  /** The current attempt's time on the wire: until its answer came back, or until `at` if it has not. */
  private latency(requestId: number, at: number): number {
    const ended = this.attemptEndedAt[requestId] ?? Number.NaN;
    return (Number.isNaN(ended) ? at : ended) - (this.attemptStartedAt[requestId] ?? at);
  }

  private settle(requestId: number): void {
    if (this.settled[requestId]) throw new Error(`bug: request ${requestId} already has its final event`);
    this.settled[requestId] = 1;
  }
}
