import { describe, expect, it } from 'vitest';
import type { ArenaEvent, FailureReason } from '../../src/domain/events.js';
import { unreachableReason } from '../../src/domain/reachability.js';

const model = 'callbacks' as const;
const failure = (requestId: number, reason: FailureReason, message: string): ArenaEvent => ({ type: 'failure', model, requestId, endpoint: 'productos', attempt: 1, at: 1, latencyMs: 1, reason, message });
const start: ArenaEvent = { type: 'start', model, requestId: 0, endpoint: 'productos', attempt: 1, at: 0 };

describe('unreachableReason, a pure function of the events', () => {
  it('names the first real failure when nothing answered (a naive variant discarding the rest)', () => {
    expect(unreachableReason([start, failure(0, 'refused', 'connection refused'), failure(1, 'discarded', 'discarded because …')])).toBe('connection refused');
  });

  it('is undefined once anything answered: an arrival, a success, or a failure that needed an answer', () => {
    expect(unreachableReason([start, failure(0, 'refused', 'connection refused'), failure(1, 'timeout', 'timeout after 1000 ms')])).toBeUndefined();
    expect(unreachableReason([start, { type: 'arrived', model, requestId: 0, endpoint: 'productos', at: 2 }, failure(0, 'discarded', 'x')])).toBeUndefined();
  });
});
