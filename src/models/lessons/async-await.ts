/**
 * Async/await: the load written as async functions.
 *
 * - Each request is an async function that awaits the call and retries in a plain loop
 *   (`fetchWithRetries`). Calling an async function runs it at once, up to its first `await`, and it
 *   carries on without being awaited: like an eager `asyncio.create_task`, not like a bare coroutine
 *   object, which does nothing until awaited. So every request starts, and waits at the semaphore.
 * - `new Semaphore(maxInFlight)` is an `asyncio.Semaphore`, and `await semaphore.acquire(); try { … }
 *   finally { semaphore.release(); }` is what `async with semaphore:` does in Python: at most that many
 *   requests are past `acquire()` at once, and a failed one still gives its place back.
 * - `gather(requests, { returnExceptions: true })` waits for every request and returns every outcome in
 *   request order, errors as values: one failure cannot hide the other results. Like `asyncio.gather`,
 *   it delivers once every request has settled. It is `Promise.allSettled`, the platform's own
 *   errors-as-values, with each `{ status, value | reason }` unwrapped into the value or the error.
 *
 * Naive variant — `gather` without `returnExceptions` (which is `await Promise.all(…)`): the first
 * rejection rejects the whole `await`, the results that already arrived are thrown away with it, and
 * nothing catches it: the page shows one error.
 */
import { Semaphore } from 'es-toolkit/promise';
import type { TransportResponse } from '../../domain/transport.js';
import { gather } from '../runtime/index.js';
import { defineModel } from '../support/define-model.js';
import { fetchWithRetries } from '../support/fetch-with-retries.js';
import type { LoadPage } from '../support/load-page.js';

// #region lesson
/** One request inside `async with semaphore:`. */
async function fetchWithin(semaphore: Semaphore, page: LoadPage, requestId: number): Promise<TransportResponse> {
  await semaphore.acquire();
  try {
    return await fetchWithRetries(page, requestId); // `await`, not a bare `return`: the place is held until the request settles
  } finally {
    semaphore.release();
  }
}

/** Every request at once (at most maxInFlight past the semaphore), every outcome back as a value. */
async function loadPage(page: LoadPage): Promise<void> {
  const semaphore = new Semaphore(page.request.maxInFlight);
  const requests = page.requestIds.map((requestId) => fetchWithin(semaphore, page, requestId));
  const results = await gather(requests, { returnExceptions: true });
  for (const [requestId, result] of results.entries()) { // `entries()` is `enumerate`: request ids are 0…n−1
    if (result instanceof Error) page.showError(requestId, result);
    else page.show(requestId, result);
  }
}
// #endregion

// #region lesson
/** The mistake: all or nothing. */
async function loadPageOrNothing(page: LoadPage): Promise<void> {
  const semaphore = new Semaphore(page.request.maxInFlight);
  const requests = page.requestIds.map((requestId) => fetchWithin(semaphore, page, requestId));
  const responses = await gather(requests); // the mistake: no `returnExceptions: true`, so the first error rejects it all
  for (const [requestId, response] of responses.entries()) page.show(requestId, response);
}
// #endregion

/** Loads with async functions and `gather`; the naive variant leaves out `returnExceptions`. */
export const loadWithAsyncAwait = defineModel('async-await', { correct: loadPage, naive: loadPageOrNothing });
