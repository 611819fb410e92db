import type { TransportResponse } from '../../domain/transport.js';
import type { LoadPage } from './load-page.js';
import { isRetryable } from './retryable.js';

/**
 * One request written with async/await, shared by the promise-based lessons (futures submit it to an
 * executor, async/await gathers it): attempts in a plain loop, an `await sleep(…)` of backoff between
 * them. Resolves with the data or rejects with the last attempt's `TransportError`.
 */
// #region lesson
export async function fetchWithRetries({ get, backoff, sleep, request }: LoadPage, requestId: number): Promise<TransportResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await get(requestId, attempt);
    } catch (error) {
      if (attempt > request.retries || !isRetryable(error)) throw error;
      await sleep(backoff(requestId, attempt, error));
    }
  }
}
// #endregion
