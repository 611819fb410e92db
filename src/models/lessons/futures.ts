/**
 * Futures: the load written as with Python's `concurrent.futures`.
 *
 * - Work is submitted to an `Executor` with `maxWorkers` (= maxInFlight); `submit` returns a `Future`
 *   at once: an explicit handle with a state (`done()`, `running()`, `cancelled()`).
 * - `asCompleted(futures)` hands each future back the moment it is done, whatever the order of
 *   submission, so the first result is on the page at once (Python's `for f in as_completed(fs)`;
 *   `for await` is Python's `async for`). `result()` gives the value or throws that request's own
 *   error, caught per future. It returns a promise: `await` it where Python's `.result()` would block.
 * - `executor.submit(() => fetch(x))` is Python's `executor.submit(fetch, x)`.
 * - `shutdown()` means what it means in Python: no more work, and wait for what runs. When the load
 *   ends or is cancelled, `shutdown({ wait: false, cancelFutures: true })` (Python 3.9) cancels the
 *   futures still queued; the running ones are aborted by the load.
 * - `--executor threads`: the same code over real threads. The load gets a pool of maxWorkers worker
 *   threads (Python's `with ThreadPoolExecutor(...)`, started and shut down inside the load) and each
 *   attempt `page.get` makes runs on one of them; retries and reading results stay on this thread.
 *
 * Naive variant — one `try` around reading every `.result()` in submission order: the first exception
 * jumps out of the loop and discards every result, including those read before it and those that
 * finished long ago; and a slow first request holds back the reading of all the others.
 */
import type { TransportResponse } from '../../domain/transport.js';
import { asCompleted, Executor, type Future } from '../runtime/index.js';
import { defineModel } from '../support/define-model.js';
import { fetchWithRetries } from '../support/fetch-with-retries.js';
import type { LoadPage } from '../support/load-page.js';

// #region lesson
/** Each future's result is shown the moment it is done, its error caught on its own. */
async function loadPage(page: LoadPage): Promise<void> {
  // maxWorkers: at most this many requests at once; on `threads`, each attempt runs on a free thread of the load's pool.
  const executor = new Executor(page.request.maxInFlight);
  // On cancel, queued futures never run (`void`: the promise shutdown returns is not awaited here).
  page.onTeardown(() => void executor.shutdown({ wait: false, cancelFutures: true }));
  const futures = new Map(page.requestIds.map((requestId) => [executor.submit(() => fetchWithRetries(page, requestId)), requestId]));
  const render = async (future: Future<TransportResponse>): Promise<void> => {
    const requestId = futures.get(future) as number;
    try {
      page.show(requestId, await future.result());
    } catch (error) {
      page.showError(requestId, error);
    }
  };
  // Each result goes on the page the moment its future is done, whatever the order of submission.
  for await (const future of asCompleted(futures.keys())) await render(future);
  await executor.shutdown(); // waits for running work, as in Python: here every future is done
}
// #endregion

// #region lesson
/** The mistake: one `try` around every `.result()`, read in submission order. */
async function loadPageOrNothing(page: LoadPage): Promise<void> {
  const executor = new Executor(page.request.maxInFlight);
  page.onTeardown(() => void executor.shutdown({ wait: false, cancelFutures: true }));
  const futures = page.requestIds.map((requestId) => executor.submit(() => fetchWithRetries(page, requestId)));
  try {
    const responses: TransportResponse[] = [];
    for (const future of futures) responses.push(await future.result());
    for (const [requestId, response] of responses.entries()) page.show(requestId, response);
  } catch (error) {
    page.showErrorPage(error); // one error for the whole page: every result, even those already read, is dropped
  }
  await executor.shutdown(); // the end of Python's `with` block: waits for the futures still running
}
// #endregion

/** Loads with an executor and futures; the naive variant reads every result in one `try`. */
export const loadWithFutures = defineModel('futures', { correct: loadPage, naive: loadPageOrNothing });
