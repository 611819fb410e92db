/**
 * Async/await: the load written as async functions.
 *
 * - Each request is an async function that awaits the transport and retries in a plain loop
 *   (`fetchWithRetries`).
 * - `gather(tasks, { returnExceptions: true })` runs them with at most maxInFlight at once (a small
 *   pool of async workers) and returns every outcome in request order, errors as values: one failure
 *   cannot hide the other results. Like `asyncio.gather`, it delivers once every request has settled.
 * - Cancelling the load aborts the shared AbortSignal: the attempts in flight and the backoff sleeps.
 *
 * Naive variant — `Promise.all` fail-fast (gather without `returnExceptions`): the first rejection
 * rejects the whole `await`, the results that already arrived are thrown away with it, and the
 * requests still running are abandoned.
 */
import { Observable } from 'rxjs';
import type { LoadEvent } from '../domain/events.js';
import { seededRandom } from '../domain/random.js';
import { fetchWithRetries, type RequestContext } from './fetch-with-retries.js';
import { gather } from './gather.js';
import { LoadEvents } from './load-events.js';
import type { LoadFn } from './load-fn.js';
import { RequestFailure } from './request-failure.js';
import { completeWhen } from './complete-when.js';

/** Loads with async functions and `gather`; `request.variant === 'naive'` is `Promise.all` fail-fast. */
export const loadWithAsyncAwait: LoadFn = (transport, request) =>
  // The boundary: the only place this model meets RxJS. The teardown aborts what is in flight.
  new Observable<LoadEvent>((subscriber) => {
    const events = new LoadEvents('async-await', request.requests);
    const controller = new AbortController();
    const context: RequestContext = { transport: events.timed(transport), request, events, random: seededRandom(request.seed), signal: controller.signal, emit: (event) => subscriber.next(event) };
    const requestIds = Array.from({ length: request.requests }, (_, requestId) => requestId);

    // #region lesson
    async function loadAll(): Promise<void> {
      const tasks = requestIds.map((requestId) => () => fetchWithRetries(context, requestId));
      const outcomes = await gather(tasks, { returnExceptions: true, limit: request.maxInFlight });
      if (subscriber.closed) return;
      outcomes.forEach((outcome, requestId) => subscriber.next(outcome instanceof Error ? events.failure(requestId, outcome) : events.success(requestId, outcome)));
    }
    // #endregion

    // The mistake: all or nothing. (Each rejection is tagged with its request so the report can name it.)
    async function loadAllOrNothing(): Promise<void> {
      const tasks = requestIds.map((requestId) => () => fetchWithRetries(context, requestId).catch((error: unknown) => Promise.reject(new RequestFailure(requestId, error))));
      let responses;
      try {
        responses = await gather(tasks, { limit: request.maxInFlight });
      } catch (failure) {
        if (!subscriber.closed) events.abandon(failure).forEach((event) => subscriber.next(event));
        return;
      }
      responses.forEach((response, requestId) => subscriber.next(events.success(requestId, response)));
    }

    completeWhen(request.variant === 'correct' ? loadAll() : loadAllOrNothing(), subscriber, events);

    return () => controller.abort();
  });
