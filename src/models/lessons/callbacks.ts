/**
 * Callbacks: the load written as Node wrote I/O before promises.
 *
 * - Error-first callbacks all the way down; the promise call is adapted once, at the edge
 *   (`util.callbackify`). Retry by nesting: a failed attempt schedules the next in a timer callback.
 * - At most maxInFlight at once: a callback work queue (`fastq`) with that concurrency.
 * - One callback per result, and a completion counter that says when every request has answered.
 * - For a Python reader: `fastq(worker, n)` ≈ `ThreadPoolExecutor(max_workers=n)`, and
 *   `queue.push(id, callback)` ≈ `executor.submit(fetch, id).add_done_callback(on_done)`, except that
 *   the callback receives `(error, result)` instead of the future: `if (error)` is the `except` around
 *   `future.result()`. `page.later(ms, fn)` is `loop.call_later(seconds, fn)`.
 * - `--executor threads`: `callbackify(page.get)` unchanged: each attempt runs on a worker thread of the
 *   load's pool (maxInFlight threads, started and shut down inside the load) and calls back here.
 *
 * Naive variant — one shared error callback: `loadAll(page, callback)` calls back once, with the first
 * error or with every result (the mistake Node code made with `async.parallel`). The first error
 * abandons everything, including the results that had already arrived: the page shows nothing
 * although most of it came back. Python's cousin of this mistake is one `try` around all the results,
 * as the futures lesson shows.
 */
import fastq from 'fastq';
import { callbackify } from 'node:util';
import type { TransportResponse } from '../../domain/transport.js';
import { defineModel } from '../support/define-model.js';
import type { LoadPage } from '../support/load-page.js';
import { isRetryable } from '../support/retryable.js';

/** Node's error-first callback. */
type Callback<T> = (error: Error | null, result?: T) => void;

/** `page.get` in callback style: `get(requestId, attempt, (error, response) => …)`. */
type CallbackGet = (requestId: number, attempt: number, callback: Callback<TransportResponse>) => void;

// #region lesson
/** One request: calls back once, with its data or its last error; a retry is nested in a timer callback. */
function fetchEndpoint(page: LoadPage, get: CallbackGet, requestId: number, attempt: number, callback: Callback<TransportResponse>): void {
  get(requestId, attempt, (error, response) => {
    if (!error) return callback(null, response);
    if (attempt > page.request.retries || !isRetryable(error)) return callback(error);
    page.later(page.backoff(requestId, attempt, error), () => fetchEndpoint(page, get, requestId, attempt + 1, callback));
  });
}

/** A queue that runs at most maxInFlight requests at once; `push(requestId, callback)` calls back with its result. */
function requestQueue(page: LoadPage) {
  const get = callbackify(page.get); // the promise call adapted once, at the edge
  const worker = (requestId: number, done: Callback<TransportResponse>) => fetchEndpoint(page, get, requestId, 1, done);
  return fastq(worker, page.request.maxInFlight);
}

/** Each result is shown by its own callback as it comes; the completion counter says when all have answered. */
function loadPage(page: LoadPage): void {
  const queue = requestQueue(page);
  let completed = 0;
  for (const requestId of page.requestIds) {
    queue.push(requestId, (error, response) => {
      if (error) page.showError(requestId, error);
      else page.show(requestId, response as TransportResponse); // `as` is `typing.cast`: no effect at run time
      completed += 1;
      if (completed === page.requestIds.length) page.finish();
    });
  }
}
// #endregion

// #region lesson
/** The mistake: one callback for the whole load, which hears the first error or every result. */
function loadAll(page: LoadPage, callback: Callback<TransportResponse[]>): void {
  const queue = requestQueue(page);
  const results: TransportResponse[] = [];
  let remaining = page.requestIds.length;
  let calledBack = false;
  for (const requestId of page.requestIds) {
    queue.push(requestId, (error, response) => {
      if (calledBack) return;
      if (error) {
        calledBack = true;
        return callback(error);
      }
      results[requestId] = response as TransportResponse;
      remaining -= 1;
      if (remaining === 0) {
        calledBack = true;
        callback(null, results);
      }
    });
  }
}

/** The mistake, used: the page shows every result or one error page, nothing in between. */
function loadPageOrNothing(page: LoadPage): void {
  loadAll(page, (error, results = []) => {
    if (error) page.showErrorPage(error); // the one shared error path: nothing else is shown
    else results.forEach((response, requestId) => page.show(requestId, response));
    page.finish();
  });
}
// #endregion

/** Loads with error-first callbacks; the naive variant has one shared error callback. */
export const loadWithCallbacks = defineModel('callbacks', { correct: loadPage, naive: loadPageOrNothing });
