import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { MODELS } from '../../src/models/index.js';
import { ManualTransport, settle } from './manual-transport.js';

// Concurrency proven by order, not time: the fake transport answers only when the test says so.
describe.each(MODEL_IDS)('%s concurrency', (model) => {
  it.each(['correct', 'naive'] as const)('%s: every request starts before the first one completes', async (variant) => {
    const transport = new ManualTransport();
    const events: LoadEvent[] = [];
    let completed = false;
    MODELS[model].load(transport, loadRequest({ requests: 6, variant })).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    await settle();
    expect(transport.log).toEqual(['start 0', 'start 1', 'start 2', 'start 3', 'start 4', 'start 5']);
    for (const requestId of [4, 1, 0, 5, 2, 3]) transport.resolve(requestId);
    await settle();
    expect(completed).toBe(true);
    const lastStart = events.findLastIndex((e) => e.type === 'start');
    expect(events.findIndex((e) => e.type === 'success')).toBeGreaterThan(lastStart);
  });

  it('maxInFlight 1: starts and ends alternate, in request order', async () => {
    const transport = new ManualTransport();
    let completed = false;
    MODELS[model].load(transport, loadRequest({ requests: 4, maxInFlight: 1 })).subscribe({ complete: () => (completed = true) });
    for (let step = 0; step < 4; step += 1) {
      await settle();
      expect(transport.inFlight).toEqual([step]);
      transport.resolve(step);
    }
    await settle();
    expect(completed).toBe(true);
    expect(transport.log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('maxInFlight 2: never more than two in flight, a new one starts as soon as one ends', async () => {
    const transport = new ManualTransport();
    MODELS[model].load(transport, loadRequest({ requests: 5, maxInFlight: 2 })).subscribe();
    await settle();
    expect(transport.inFlight).toEqual([0, 1]);
    transport.resolve(1);
    await settle();
    expect(transport.inFlight).toEqual([0, 2]);
    transport.resolve(0);
    transport.resolve(2);
    await settle();
    expect(transport.inFlight).toEqual([3, 4]);
    transport.resolve(3);
    transport.resolve(4);
  });
});
