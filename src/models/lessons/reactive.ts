/**
 * Reactive: the load as a native RxJS pipeline.
 *
 * - `defer` makes every subscription a fresh attempt; `retry({ count, delay })` resubscribes after a
 *   backoff `timer`, and a non-retryable error goes straight on.
 * - `range` + `mergeMap(…, maxInFlight)` runs the requests with bounded concurrency (RxJS's cost per
 *   item grows with the number of concurrent inner subscriptions, so the bound matters).
 * - `catchError` per request turns its error into a value: one request's error cannot terminate the
 *   others. Teardown is free: unsubscribing the load unsubscribes every attempt, and the load aborts
 *   what is in flight.
 * - The deadline is the transport's (the same total deadline for every model); in an app without
 *   one, `timeout({ first: ms })` on the attempt is where it would go.
 * - The values of the pipeline are the results, nothing else. Progress (`start`, `retry`) is announced
 *   by the calls every model makes (`get`, `backoff`), not as values: mixed into the results it would
 *   need a filter before every operator that counts or collects them — `forkJoin` keeps only each
 *   source's LAST value — and a side `Subject` would be a second channel to merge and complete.
 *
 * Naive variant — a bare `forkJoin(…)`, no `catchError`: forkJoin emits only when every request has
 * completed, and the first error tears down every other request and drops the results that had
 * already arrived. forkJoin also subscribes to every request at once, so it ignores maxInFlight.
 */
import { catchError, defer, forkJoin, map, mergeMap, of, range, retry, throwError, timer, type Observable } from 'rxjs';
import type { TransportResponse } from '../../domain/transport.js';
import { defineModel } from '../support/define-model.js';
import type { LoadPage, RequestResult } from '../support/load-page.js';
import { isRetryable } from '../support/retryable.js';

// #region lesson
/** One request: attempts resubscribed by `retry` with backoff until one succeeds or retrying stops. */
function response$(page: LoadPage, requestId: number): Observable<TransportResponse> {
  let attempt = 0;
  return defer(() => page.get(requestId, ++attempt)).pipe(
    retry({
      count: page.request.retries,
      delay: (error: unknown, failedAttempt) => (isRetryable(error) ? timer(page.backoff(requestId, failedAttempt, error)) : throwError(() => error)),
    }),
  );
}

/** Every request, at most maxInFlight at once; each result, or each error, as a value as it comes. */
const loadPage = (page: LoadPage): Observable<RequestResult> =>
  range(0, page.request.requests).pipe(
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
  forkJoin(page.requestIds.map((requestId) => response$(page, requestId))).pipe(mergeMap((responses) => responses.map((response, requestId) => ({ requestId, response }))));
// #endregion

/** Loads with an RxJS pipeline; the naive variant is a bare `forkJoin`. */
export const loadWithRx = defineModel('reactive', { correct: loadPage, naive: loadPageOrNothing });
