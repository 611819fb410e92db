/**
 * Callbacks: the load written as Node wrote I/O before promises.
 *
 * - Error-first callbacks all the way down: `(error, result) => …`. The promise transport is adapted
 *   to a callback once, at the edge (`util.callbackify`), and nothing inside sees a promise.
 * - One callback per result, and a completion counter that says when every request has answered.
 * - Retry by nesting: a failed attempt schedules the next one inside a `setTimeout`.
 * - maxInFlight as a counter of requests in flight plus a queue of those waiting (here the queue is
 *   the range of request ids not started yet, consumed from `nextInQueue`).
 *
 * Naive variant — one shared error path: a single `loadAll(callback)` that calls back once, with the
 * first error or with every result. The first error ends the load and abandons everything, including
 * the results that had already arrived: the page shows nothing although most of it came back.
 */
import { Observable } from 'rxjs';
import { callbackify } from 'node:util';
import type { LoadEvent } from '../domain/events.js';
import { seededRandom } from '../domain/random.js';
import type { TransportCall, TransportResponse } from '../domain/transport.js';
import { backoffDelay } from './backoff.js';
import { LoadEvents } from './load-events.js';
import type { LoadFn } from './load-fn.js';
import { requestEndpoint } from './request-endpoint.js';
import { RequestFailure } from './request-failure.js';
import { isRetryable } from './retryable.js';

/** Node's error-first callback. */
type Callback<T> = (error: Error | null, result?: T) => void;

/** Loads with error-first callbacks; `request.variant === 'naive'` uses one shared error path. */
export const loadWithCallbacks: LoadFn = (transport, request) =>
  // The boundary: the only place this model meets RxJS. The teardown aborts what is in flight.
  new Observable<LoadEvent>((subscriber) => {
    const events = new LoadEvents('callbacks', request.requests);
    const random = seededRandom(request.seed);
    const controller = new AbortController();
    const retryTimers = new Set<NodeJS.Timeout>();
    const timed = events.timed(transport);
    const get = callbackify((call: TransportCall) => timed.get(call));

    // #region lesson
    /** One request: calls back once with its data or its last error, retrying by nesting. */
    function fetchEndpoint(requestId: number, attempt: number, callback: Callback<TransportResponse>): void {
      subscriber.next(events.start(requestId, attempt));
      const call = { endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs, signal: controller.signal };
      get(call, (error, response) => {
        if (subscriber.closed) return; // unsubscribed: stay silent
        if (!error) return callback(null, response);
        if (attempt > request.retries || !isRetryable(error)) return callback(error);
        const delayMs = backoffDelay(attempt, request.backoff, random);
        subscriber.next(events.retry(requestId, error, delayMs));
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          fetchEndpoint(requestId, attempt + 1, callback);
        }, delayMs);
        retryTimers.add(timer);
      });
    }
    // #endregion

    /** Starts every request, at most `maxInFlight` at once, and calls `onResult` once per request. */
    function fetchAll(onResult: (requestId: number, error: Error | null, response?: TransportResponse) => void): void {
      let inFlight = 0;
      let nextInQueue = 0;
      const launch = (): void => {
        while (!subscriber.closed && inFlight < request.maxInFlight && nextInQueue < request.requests) {
          const requestId = nextInQueue++;
          inFlight += 1;
          fetchEndpoint(requestId, 1, (error, response) => {
            inFlight -= 1;
            onResult(requestId, error, response);
            launch();
          });
        }
      };
      launch();
    }

    const finish = (): void => {
      subscriber.next(events.done());
      subscriber.complete();
    };

    if (request.variant === 'correct') {
      // #region lesson
      // Each result is delivered by its own callback; the counter says when all have answered.
      let completed = 0;
      fetchAll((requestId, error, response) => {
        subscriber.next(error ? events.failure(requestId, error) : events.success(requestId, response as TransportResponse));
        completed += 1;
        if (completed === request.requests) finish();
      });
      // #endregion
    } else {
      // The mistake: every request reports to one callback, which hears the first error or all results.
      const loadAll = (callback: (error: RequestFailure | null, results?: TransportResponse[]) => void): void => {
        const results: TransportResponse[] = [];
        let remaining = request.requests;
        let finished = false;
        fetchAll((requestId, error, response) => {
          if (finished) return;
          if (error) {
            finished = true;
            return callback(new RequestFailure(requestId, error));
          }
          results[requestId] = response as TransportResponse;
          remaining -= 1;
          if (remaining === 0) {
            finished = true;
            callback(null, results);
          }
        });
      };
      loadAll((error, results = []) => {
        if (error) events.abandon(error).forEach((event) => subscriber.next(event));
        else results.forEach((response, requestId) => subscriber.next(events.success(requestId, response)));
        finish();
      });
    }

    return () => {
      controller.abort();
      retryTimers.forEach(clearTimeout);
    };
  });
