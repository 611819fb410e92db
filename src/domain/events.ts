import type { Endpoint } from './endpoints.js';
import type { ModelId } from './models.js';

/**
 * Why a request failed, as classified by the transport (one place), plus `discarded`:
 * the model itself gave up on this request because another one failed (naive variants only);
 * `worker`: the worker thread that ran the request threw or died (thread executor only);
 * `protocol`: the server answered, but not in HTTP (e.g. a header with a forbidden byte).
 * `reset` is a connection dropped before the answer's headers; `truncated`, one dropped after them,
 * with the body cut short.
 */
export type FailureReason =
  | 'timeout'
  | 'http'
  | 'reset'
  | 'truncated'
  | 'refused'
  | 'malformed'
  | 'too-large'
  | 'protocol'
  | 'canceled'
  | 'network'
  | 'discarded'
  | 'worker';

/** Fields every per-request event carries. `at` is ms since the load started (monotonic clock). */
interface RequestEventBase {
  readonly model: ModelId;
  /** Index of the request within the load (0-based); request i targets `ENDPOINTS[i % 3]`. */
  readonly requestId: number;
  readonly endpoint: Endpoint;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  readonly at: number;
}

/** A request (attempt) left the model. */
export interface StartEvent extends RequestEventBase {
  readonly type: 'start';
}

/** The model delivered the endpoint's data. */
export interface SuccessEvent extends RequestEventBase {
  readonly type: 'success';
  readonly latencyMs: number;
  readonly status: number;
  /** Items in the payload (array length; 1 for an object such as the profile). */
  readonly items: number;
  /** The worker thread that ran the delivered attempt (`threads` executor only; absent on the event loop). */
  readonly threadId?: number;
}

/** The request ended without data (final: no more retries). */
export interface FailureEvent extends RequestEventBase {
  readonly type: 'failure';
  readonly latencyMs: number;
  readonly reason: FailureReason;
  readonly status?: number;
  readonly message: string;
  /** The worker thread that ran the final attempt (`threads` executor only; 0 when the worker died before saying). */
  readonly threadId?: number;
}

/** An attempt failed and another one is scheduled after `delayMs`; `attempt` is the one that failed. */
export interface RetryEvent extends RequestEventBase {
  readonly type: 'retry';
  readonly delayMs: number;
  readonly reason: FailureReason;
}

/** What one load's worker threads cost (the `threads` executor only), measured on the shared `performance.now()` clock of all threads. */
export interface ThreadCost {
  /** Worker threads the load started. */
  readonly threads: number;
  /** Median, over the threads started, of the time from handing a thread its first request to the thread running it, ms (start-up plus one hand-over). */
  readonly startupMs: number | null;
  /** Median, over the responses, of the time from the worker posting its outcome to the main thread receiving it, µs. */
  readonly handoffUs: number | null;
}

/** The load is over: every request has had its final success or failure. */
export interface DoneEvent {
  readonly type: 'done';
  readonly model: ModelId;
  readonly at: number;
  readonly totalMs: number;
  readonly delivered: number;
  readonly failed: number;
  /** What the load's worker threads cost; absent on the event loop. */
  readonly threads?: ThreadCost;
}

/** Everything a model's load stream emits. Failures are events, never stream errors. */
export type LoadEvent = StartEvent | SuccessEvent | FailureEvent | RetryEvent | DoneEvent;

/** Events that belong to one request. */
export type RequestEvent = StartEvent | SuccessEvent | FailureEvent | RetryEvent;

/**
 * Ground truth recorded by the harness, not the model: a successful response for this request
 * reached the client intact. An arrival without a `success` from the model means data was lost.
 */
export interface ArrivalEvent {
  readonly type: 'arrived';
  readonly model: ModelId;
  readonly requestId: number;
  readonly endpoint: Endpoint;
  readonly at: number;
}

/** What an instrumented load emits: the model's events plus the transport's arrivals. */
export type ArenaEvent = LoadEvent | ArrivalEvent;
