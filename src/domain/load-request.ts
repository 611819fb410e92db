import type { Variant } from './models.js';

/** Exponential backoff with full jitter: delay = random(0, min(maxMs, baseMs · 2^(attempt-1))). */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Where a thread-pool model (callbacks, futures) runs each request attempt: `loop`, slots on the event loop; `threads`, worker threads. */
export const EXECUTOR_KINDS = ['loop', 'threads'] as const;

/** `loop` or `threads`. */
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

/** What every model is asked to do: the same options, each expressed in the model's own idiom. */
export interface LoadRequest {
  /** Requests in the load, spread round-robin over the three endpoints (3 = the EcoMarket page). */
  readonly requests: number;
  /** Total deadline of one attempt (connect + headers + body), ms. */
  readonly deadlineMs: number;
  /** Retries after a retryable failure (0 = none). */
  readonly retries: number;
  readonly backoff: BackoffOptions;
  /** At most this many requests in flight at once. */
  readonly maxInFlight: number;
  readonly variant: Variant;
  /** Seed of the backoff jitter, so runs are reproducible. */
  readonly seed: number;
  /** Where callbacks and futures run each attempt (`threads`: a pool of worker threads started and shut down inside the load); the other models run on the loop (default `loop`). */
  readonly executor?: ExecutorKind;
  /** Ms of deterministic CPU work on each response before it is delivered: on the event loop, or inside the worker on `threads` (default 0 = none). */
  readonly workMs?: number;
}

/** Defaults: the EcoMarket page (3 requests), 1 s deadline, no retries, at most 100 in flight, on the event loop, no CPU work. */
export const DEFAULT_LOAD_REQUEST: LoadRequest = {
  requests: 3,
  deadlineMs: 1000,
  retries: 0,
  backoff: { baseMs: 50, maxMs: 1000 },
  maxInFlight: 100,
  variant: 'correct',
  seed: 1,
  executor: 'loop',
  workMs: 0,
};

/** Builds a request from the defaults and overrides. */
export const loadRequest = (overrides: Partial<LoadRequest> = {}): LoadRequest => ({ ...DEFAULT_LOAD_REQUEST, ...overrides });
