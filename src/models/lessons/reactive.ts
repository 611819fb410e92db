/**
 * Reactive: the load as a native RxJS pipeline.
 *
 * - Nothing runs until something subscribes: the arena subscribes to the load and shows each value
 *   (`show` / `showError`) the moment it arrives. `x$` is the naming convention for an Observable.
 * - `defer(factory)` calls the factory anew on each subscription, so every subscription is a fresh
 *   attempt; `retry({ count, delay })` resubscribes after a backoff `timer`, and a non-retryable error
 *   goes straight on.
 * - `mergeMap(fn, maxInFlight)` runs at most that many requests at once, like an `asyncio.Semaphore(n)`.
 * - `catchError((error) => of({ requestId, error }))` per request is the `try/except` that returns a
 *   result object instead of raising: one request's error cannot terminate the others. Teardown is
 *   free: unsubscribing the load unsubscribes every attempt, and the load aborts what is in flight.
 *
 * Naive variant — a bare `forkJoin(…)`, no `catchError`: forkJoin emits only when every request has
 * completed, and the first error tears down every other request and drops the results that had
 * already arrived. forkJoin also subscribes to every request at once, so it ignores maxInFlight.
 */
import { catchError, defer, forkJoin, from, map, mergeMap, of, retry, throwError, timer, type Observable } from 'rxjs';
import type { TransportResponse } from '../../domain/transport.js';
import { defineModel } from '../support/define-model.js';
import type { LoadPage, RequestResult } from '../support/load-page.js';
import { isRetryable } from '../support/retryable.js';

// #region lesson
/** One request: attempts resubscribed by `retry` with backoff until one succeeds or retrying stops. */
function response$(page: LoadPage, requestId: number): Observable<TransportResponse> {
  let attempt = 0; // shared by every subscription below: 1 on the first attempt, 2 on the first retry, …
  return defer(() => page.get(requestId, ++attempt)).pipe(
    retry({
      count: page.request.retries,
      delay: (error: unknown, failedAttempt) => (isRetryable(error) ? timer(page.backoff(requestId, failedAttempt, error)) : throwError(() => error)),
    }),
  );
}

/** Every request, at most maxInFlight at once; each result, or each error, as a value as it comes. */
const loadPage = (page: LoadPage): Observable<RequestResult> =>
  from(page.requestIds).pipe(
    mergeMap(
      (requestId) =>
        response$(page, requestId).pipe(
          map((response) => ({ requestId, response })),
          catchError((error: unknown) => of({ requestId, error })),
        ),
      page.request.maxInFlight,
    ),
  );
// #endregion

// #region lesson
/** The mistake: a bare forkJoin, no catchError. */
const loadPageOrNothing = (page: LoadPage): Observable<RequestResult> =>
  forkJoin(page.requestIds.map((requestId) => response$(page, requestId))).pipe(
    mergeMap((responses) => from(responses.map((response, requestId) => ({ requestId, response })))), // one value per response, when all are in
  );
// #endregion

/** Loads with an RxJS pipeline; the naive variant is a bare `forkJoin`. */
export const loadWithRx = defineModel('reactive', { correct: loadPage, naive: loadPageOrNothing });
