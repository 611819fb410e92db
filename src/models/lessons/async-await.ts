/**
 * Async/await: the load written as async functions.
 *
 * - Each request is an async function that awaits the call and retries in a plain loop
 *   (`fetchWithRetries`). Calling an async function starts it at once, like `asyncio.create_task`, not
 *   like a bare coroutine object: that is why the limiter takes `() => …`, a request not yet started.
 * - `pLimit(maxInFlight)` plays the part of an `asyncio.Semaphore`: `limit(() => fetch(…))` is the job
 *   `async with sem:` does in Python, at most that many requests at once.
 * - `gather(requests, { returnExceptions: true })` waits for every request and returns every outcome in
 *   request order, errors as values: one failure cannot hide the other results. Like `asyncio.gather`,
 *   it delivers once every request has settled. It is `Promise.allSettled`, the platform's own
 *   errors-as-values, with each `{ status, value | reason }` unwrapped into the value or the error.
 *
 * Naive variant — `gather` without `returnExceptions` (which is `await Promise.all(…)`): the first
 * rejection rejects the whole `await`, the results that already arrived are thrown away with it, and
 * nothing catches it: the page shows one error.
 */
import pLimit from 'p-limit';
import { gather } from '../runtime/index.js';
import { defineModel } from '../support/define-model.js';
import { fetchWithRetries } from '../support/fetch-with-retries.js';
import type { LoadPage } from '../support/load-page.js';

// #region lesson
/** Every request at once (at most maxInFlight in flight), every outcome back as a value. */
async function loadPage(page: LoadPage): Promise<void> {
  const limit = pLimit(page.request.maxInFlight);
  const requests = page.requestIds.map((requestId) => limit(() => fetchWithRetries(page, requestId)));
  const results = await gather(requests, { returnExceptions: true });
  for (const [requestId, result] of results.entries()) {
    if (result instanceof Error) page.showError(requestId, result);
    else page.show(requestId, result);
  }
}
// #endregion

// #region lesson
/** The mistake: all or nothing. */
async function loadPageOrNothing(page: LoadPage): Promise<void> {
  const limit = pLimit(page.request.maxInFlight);
  const requests = page.requestIds.map((requestId) => limit(() => fetchWithRetries(page, requestId)));
  const responses = await gather(requests); // the mistake: no `returnExceptions: true`, so the first error rejects it all
  for (const [requestId, response] of responses.entries()) page.show(requestId, response);
}
// #endregion

/** Loads with async functions and `gather`; the naive variant leaves out `returnExceptions`. */
export const loadWithAsyncAwait = defineModel('async-await', { correct: loadPage, naive: loadPageOrNothing });
