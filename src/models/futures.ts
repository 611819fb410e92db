/**
 * Futures: the load written as with Python's `concurrent.futures`.
 *
 * - Work is submitted to an {@link Executor} with `maxWorkers` (= maxInFlight); `submit` returns a
 *   {@link Future} at once: an explicit handle with a state (pending, running, done, cancelled).
 * - `asCompleted(futures)` hands back each future as it finishes, so each result is delivered as soon
 *   as it is there; `result()` gives the value or throws that request's own error, caught per future.
 * - Cancelling the load shuts the executor down cancelling queued futures (a future can only be
 *   cancelled before it runs) and aborts the running ones through their AbortSignal.
 *
 * Naive variant — one `try` around reading every `.result()` in submission order: the first exception
 * jumps out of the loop and discards every result, including those read before it and those that
 * finished long ago; and a slow first request holds back the reading of all the others.
 */
import { Observable } from 'rxjs';
import type { LoadEvent } from '../domain/events.js';
import { seededRandom } from '../domain/random.js';
import type { TransportResponse } from '../domain/transport.js';
import { asCompleted, Executor } from './executor.js';
import { fetchWithRetries, type RequestContext } from './fetch-with-retries.js';
import type { Future } from './future.js';
import { LoadEvents } from './load-events.js';
import type { LoadFn } from './load-fn.js';
import { RequestFailure } from './request-failure.js';
import { completeWhen } from './complete-when.js';

/** Loads with an executor and futures; `request.variant === 'naive'` reads results in one `try`. */
export const loadWithFutures: LoadFn = (transport, request) =>
  // The boundary: the only place this model meets RxJS. The teardown cancels and aborts.
  new Observable<LoadEvent>((subscriber) => {
    const events = new LoadEvents('futures', request.requests);
    const controller = new AbortController();
    const context: RequestContext = { transport: events.timed(transport), request, events, random: seededRandom(request.seed), signal: controller.signal, emit: (event) => subscriber.next(event) };
    // #region lesson
    const executor = new Executor(request.maxInFlight);
    const futures = Array.from({ length: request.requests }, (_, requestId) => executor.submit(() => fetchWithRetries(context, requestId)));
    executor.shutdown(); // every request is submitted: no more work will come
    // #endregion

    // #region lesson
    /** Delivers each future as it completes, its error caught on its own. */
    const deliverAsCompleted = async (): Promise<void> => {
      const requestIds = new Map<Future<TransportResponse>, number>(futures.map((future, requestId) => [future, requestId]));
      for await (const future of asCompleted(futures)) {
        if (subscriber.closed) return;
        const requestId = requestIds.get(future) as number;
        let response: TransportResponse;
        try {
          response = await future.result();
        } catch (error) {
          subscriber.next(events.failure(requestId, error));
          continue;
        }
        subscriber.next(events.success(requestId, response));
      }
    };
    // #endregion

    /** The mistake: one `try` around every `.result()`, read in submission order. */
    const readAllInOrder = async (): Promise<void> => {
      const results: TransportResponse[] = [];
      let requestId = 0;
      try {
        for (; requestId < futures.length; requestId += 1) results.push(await (futures[requestId] as Future<TransportResponse>).result());
      } catch (error) {
        if (!subscriber.closed) events.abandon(new RequestFailure(requestId, error)).forEach((event) => subscriber.next(event));
        return;
      }
      results.forEach((response, index) => subscriber.next(events.success(index, response)));
    };

    completeWhen(request.variant === 'correct' ? deliverAsCompleted() : readAllInOrder(), subscriber, events);

    return () => {
      executor.shutdown({ cancelFutures: true });
      controller.abort();
    };
  });
