/**
 * Reactive: the load as a native RxJS pipeline.
 *
 * - Each attempt is a cold Observable that owns an AbortController and aborts on unsubscribe, as
 *   rxjs's `fromFetch` does; `defer` makes every resubscription a fresh attempt.
 * - `range` + `mergeMap(…, maxInFlight)` runs the requests with bounded concurrency (RxJS's cost per
 *   item grows with the number of concurrent inner subscriptions, so the bound matters).
 * - `retry({ count, delay })` resubscribes after a backoff `timer`; non-retryable errors go straight on.
 * - `catchError` per request turns its error into a `failure` event: one request's error cannot
 *   terminate the others. Teardown is free: unsubscribing the load unsubscribes every attempt.
 * - `start` and `retry` are side notifications of attempts, pushed to a `progress` Subject merged into
 *   the output; results flow through the pipeline.
 *
 * Naive variant — `forkJoin` without `catchError`: forkJoin emits only when every request has
 * completed, and the first error tears down every other request and drops the results that had
 * already arrived. forkJoin also subscribes to every request at once, so it ignores maxInFlight.
 */
import { catchError, concat, defer, forkJoin, from, map, merge, mergeMap, Observable, of, range, retry, Subject, throwError, timer, finalize } from 'rxjs';
import type { LoadEvent } from '../domain/events.js';
import { seededRandom } from '../domain/random.js';
import type { TransportResponse } from '../domain/transport.js';
import { backoffDelay } from './backoff.js';
import { LoadEvents } from './load-events.js';
import type { LoadFn } from './load-fn.js';
import { requestEndpoint } from './request-endpoint.js';
import { RequestFailure } from './request-failure.js';
import { isRetryable } from './retryable.js';

/** Loads with an RxJS pipeline; `request.variant === 'naive'` is `forkJoin` without `catchError`. */
export const loadWithRx: LoadFn = (transport, request) =>
  defer(() => {
    const events = new LoadEvents('reactive', request.requests);
    const random = seededRandom(request.seed);
    const progress = new Subject<LoadEvent>();
    const timed = events.timed(transport);

    /** One attempt: a cold Observable of the transport call that aborts it when unsubscribed early. */
    const call$ = (requestId: number) =>
      new Observable<TransportResponse>((subscriber) => {
        const controller = new AbortController();
        let settled = false;
        timed.get({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs, signal: controller.signal }).then(
          (response) => {
            settled = true;
            subscriber.next(response);
            subscriber.complete();
          },
          (error: unknown) => {
            settled = true;
            subscriber.error(error);
          },
        );
        return () => {
          if (!settled) controller.abort();
        };
      });

    // #region lesson
    /** One request: attempts resubscribed by `retry` with backoff until one succeeds or retrying stops. */
    const response$ = (requestId: number): Observable<TransportResponse> => {
      let attempt = 0;
      return defer(() => {
        attempt += 1;
        progress.next(events.start(requestId, attempt));
        return call$(requestId);
      }).pipe(
        retry({
          count: request.retries,
          delay: (error: unknown, failedAttempt) => {
            if (!isRetryable(error)) return throwError(() => error);
            const delayMs = backoffDelay(failedAttempt, request.backoff, random);
            progress.next(events.retry(requestId, error, delayMs));
            return timer(delayMs);
          },
        }),
      );
    };
    // #endregion

    // #region lesson
    const outcomes$: Observable<LoadEvent> =
      request.variant === 'correct'
        ? range(0, request.requests).pipe(
            mergeMap(
              (requestId) =>
                response$(requestId).pipe(
                  map((response) => events.success(requestId, response)),
                  catchError((error: unknown) => of(events.failure(requestId, error))),
                ),
              request.maxInFlight,
            ),
          )
    // #endregion
        : // The mistake: forkJoin and no catchError. (Errors are tagged with their request so the report can name it.)
          forkJoin(Array.from({ length: request.requests }, (_, requestId) => response$(requestId).pipe(catchError((error: unknown) => throwError(() => new RequestFailure(requestId, error)))))).pipe(
            mergeMap((responses) => responses.map((response, requestId) => events.success(requestId, response))),
            // The arena's boundary, not the app's fix: the stream error becomes the events of what was lost.
            catchError((failure: unknown) => from(events.abandon(failure))),
          );

    const done$ = defer(() => of(events.done()));
    return merge(progress, concat(outcomes$, done$).pipe(finalize(() => progress.complete())));
  });
