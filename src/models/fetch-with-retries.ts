import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadEvent } from '../domain/events.js';
import type { LoadRequest } from '../domain/load-request.js';
import type { Random } from '../domain/random.js';
import type { Transport, TransportResponse } from '../domain/transport.js';
import { backoffDelay } from './backoff.js';
import type { LoadEvents } from './load-events.js';
import { requestEndpoint } from './request-endpoint.js';
import { isRetryable } from './retryable.js';

/** What one request needs from its load: the transport, the options, the event book and where to emit. */
export interface RequestContext {
  readonly transport: Transport;
  readonly request: LoadRequest;
  readonly events: LoadEvents;
  readonly random: Random;
  /** Aborts the attempt in flight and the backoff sleep. */
  readonly signal: AbortSignal;
  /** Emits a progress event (`start`, `retry`). */
  readonly emit: (event: LoadEvent) => void;
}

/**
 * One request written with async/await, shared by the promise-based models (futures run it in a
 * worker, async-await gathers it): attempts in a plain loop, a backoff `await sleep(…)` between them.
 * Resolves with the data or rejects with the last attempt's `TransportError` (an `AbortError` once the
 * load is canceled).
 */
// #region lesson
export const fetchWithRetries = async (context: RequestContext, requestId: number): Promise<TransportResponse> => {
  const { transport, request, events, random, signal, emit } = context;
  for (let attempt = 1; ; attempt += 1) {
    signal.throwIfAborted(); // a canceled load starts no attempt
    emit(events.start(requestId, attempt));
    try {
      return await transport.get({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs, signal });
    } catch (error) {
      if (attempt > request.retries || !isRetryable(error)) throw error;
      const delayMs = backoffDelay(attempt, request.backoff, random);
      emit(events.retry(requestId, error, delayMs));
      await sleep(delayMs, undefined, { signal });
    }
  }
};
// #endregion
