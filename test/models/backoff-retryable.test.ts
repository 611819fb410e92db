import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { TransportError } from '../../src/domain/transport.js';
import { backoffDelay } from '../../src/models/support/backoff.js';
import { isRetryable } from '../../src/models/support/retryable.js';

describe('backoffDelay', () => {
  it('stays within [0, min(maxMs, baseMs * 2^(attempt-1))] for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5000 }), (seed, attempt, baseMs, maxMs) => {
        const delay = backoffDelay(attempt, { baseMs, maxMs }, seededRandom(seed));
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
      }),
    );
  });

  it('uses full jitter: the whole range, reproducibly for a seed', () => {
    const draws = (seed: number) => Array.from({ length: 200 }, ((random) => () => backoffDelay(4, { baseMs: 50, maxMs: 1000 }, random))(seededRandom(seed)));
    const delays = draws(7);
    expect(Math.min(...delays)).toBeLessThan(40);
    expect(Math.max(...delays)).toBeGreaterThan(360);
    expect(draws(7)).toEqual(delays);
  });
});

describe('isRetryable', () => {
  it.each([
    ['timeout', undefined, true],
    ['reset', undefined, true],
    ['network', undefined, true],
    ['refused', undefined, true],
    ['http', 500, true],
    ['http', 503, true],
    ['http', 429, true],
    ['http', 404, false],
    ['http', 400, false],
    ['malformed', 200, false],
    ['too-large', undefined, false],
    ['canceled', undefined, false],
  ] as const)('%s %s → %s', (reason, status, expected) => {
    expect(isRetryable(new TransportError(reason, 'x', status))).toBe(expected);
  });

  it('anything but a TransportError is not retried', () => {
    expect(isRetryable(new Error('bug'))).toBe(false);
  });
});
