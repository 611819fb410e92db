import type { BackoffOptions } from '../../domain/load-request.js';
import type { Random } from '../../domain/random.js';

/**
 * How long to wait before retrying after failed attempt number `attempt` (1 = the first try):
 * exponential backoff with full jitter, a whole number of ms drawn uniformly from
 * [0, min(maxMs, baseMs · 2^(attempt-1))]. Full jitter spreads retries so they do not arrive in waves.
 *
 * @example backoffDelay(3, { baseMs: 50, maxMs: 1000 }, seededRandom(1)) // somewhere in 0..200
 */
export const backoffDelay = (attempt: number, { baseMs, maxMs }: BackoffOptions, random: Random): number =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
