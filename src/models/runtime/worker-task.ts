import type { Endpoint } from '../../domain/endpoints.js';
import type { FailureReason } from '../../domain/events.js';
import type { TransportOptions } from '../../transport/create-transport.js';

/**
 * One request for a worker thread: plain, structured-cloneable data only. The worker builds its own
 * transport from `transport` (one per distinct options, kept for the worker's life) and performs
 * the call with the same code as the event loop does.
 */
export interface WorkerTask {
  readonly transport: TransportOptions;
  readonly endpoint: Endpoint;
  readonly requestId: number;
  readonly deadlineMs: number;
  /** Units of CPU work on the response before it is posted back (0: none); see `unitsForMs`. */
  readonly workUnits: number;
}

/** Fields every outcome carries: which thread ran it and how long the call took there. */
interface OutcomeBase {
  /** `threadId` of the worker that performed the request (≥ 1; 0 is the main thread). */
  readonly threadId: number;
  /** The attempt's time on the wire, measured in the worker (ms). */
  readonly latencyMs: number;
  /** `performance.now()` when the worker began the task and when it returned the outcome (every thread of a process shares one clock and origin). */
  readonly receivedAt: number;
  readonly postedAt: number;
  /** True for the first task this worker ran: the time before it includes the thread's start-up. */
  readonly firstTask: boolean;
}

/** What a worker posts back: the validated response, or the transport's classified failure. */
export type WorkerOutcome =
  | (OutcomeBase & { readonly ok: true; readonly status: number; readonly data: unknown; readonly items: number })
  | (OutcomeBase & { readonly ok: false; readonly reason: FailureReason; readonly message: string; readonly status?: number });
