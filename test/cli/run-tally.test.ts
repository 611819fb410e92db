import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RunTally } from '../../src/cli/run-tally.js';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import type { ArenaEvent, FailureReason } from '../../src/domain/events.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const model = 'callbacks' as const;
const endpointOf = (id: number) => ENDPOINTS[id % 3] as (typeof ENDPOINTS)[number];
const start = (id: number): ArenaEvent => ({ type: 'start', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id });
const arrived = (id: number): ArenaEvent => ({ type: 'arrived', model, requestId: id, endpoint: endpointOf(id), at: id + 1 });
const success = (id: number, latencyMs = 1, threadId?: number): ArenaEvent => ({ type: 'success', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id + 1, latencyMs, status: 200, items: 2, ...(threadId === undefined ? {} : { threadId }) });
const failure = (id: number, reason: FailureReason): ArenaEvent => ({ type: 'failure', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id + 1, latencyMs: 5, reason, message: reason });
const totalsOf = (events: readonly ArenaEvent[]) => {
  const tally = new RunTally(model);
  for (const event of events) tally.add(event);
  return tally.totals();
};

describe('RunTally, the fold behind `run` and `run --json`', () => {
  it('counts ok, failed and lost as summarizeLoad does, a response arriving after its failure included', () => {
    const events: ArenaEvent[] = [
      ...[0, 1, 2, 3, 4, 5, 6].map(start),
      arrived(0), success(0), // ok
      failure(1, 'timeout'), // failed
      arrived(2), failure(2, 'discarded'), // lost: arrived, then failed
      failure(3, 'discarded'), arrived(3), // lost: the response came after the model gave up (naive)
      arrived(4), // lost: arrived, no final event
      // 5 and 6: no final event, never arrived: failed, canceled
    ];
    const whole = summarizeLoad(model, events);
    const totals = totalsOf(events);
    expect(totals).toMatchObject({ requests: whole.requests.length, delivered: whole.delivered, failed: whole.failed, lost: whole.lost });
    expect([totals.delivered, totals.failed, totals.lost]).toEqual([1, 3, 3]);
    // perfil is requests 2 and 5: one lost, one canceled (no final event)
    expect(totals.endpoints.perfil).toMatchObject({ requests: 2, ok: 0, failed: 1, lost: 1, threadIds: [0] });
  });

  it('names the commonest reason of the undelivered, a tie going to the lowest request id, canceled counted with the rest', () => {
    // productos is requests 0, 3, 6, 9, 12: reset (9, 12), canceled (no final: 0; failed as canceled: 6), timeout (3)
    const events: ArenaEvent[] = [...[0, 3, 6, 9, 12].map(start), failure(12, 'reset'), failure(9, 'reset'), failure(3, 'timeout'), failure(6, 'canceled')];
    expect(totalsOf(events).endpoints.productos?.reason).toBe('canceled');
    const without6 = events.filter((event) => event.type === 'done' || event.requestId !== 6);
    expect(totalsOf(without6).endpoints.productos?.reason).toBe('reset'); // reset 2, canceled 1, timeout 1
    const tied = without6.filter((event) => event.type === 'done' || event.requestId !== 12);
    expect(totalsOf(tied).endpoints.productos?.reason).toBe('canceled'); // canceled 1 (request 0), reset 1 (9), timeout 1 (3)
  });

  it('keeps each endpoint’s lowest-numbered request whole, whatever order its events come in', () => {
    const totals = totalsOf([start(3), success(3, 30, 4), start(0), failure(0, 'timeout'), start(1), success(1, 10)]);
    expect(totals.endpoints.productos?.first).toEqual({ outcome: 'failed', reason: 'timeout', status: undefined, latencyMs: 5, threadId: 0 });
    expect(totals.endpoints.productos).toMatchObject({ requests: 2, items: 2, deliveredLatencies: [30], threadIds: [0, 4] });
    expect(totals.endpoints.categorias?.first).toEqual({ outcome: 'ok', status: 200, latencyMs: 10, items: 2, threadId: 0 });
  });

  it('reads the same totals twice', () => {
    const tally = new RunTally(model);
    for (const event of [start(0), start(1), arrived(1)]) tally.add(event);
    expect(tally.totals()).toEqual(tally.totals());
  });

  it('keeps no record per request: 100 000 requests folded hold well under 100 bytes each (records held ~230)', () => {
    const requests = 100_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    const tally = new RunTally(model);
    for (let id = 0; id < requests; id += 1) for (const event of [start(id), arrived(id), success(id, 1 + id / 7)]) tally.add(event);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(tally.totals().delivered).toBe(requests);
    expect(held / requests).toBeLessThan(100);
  });
});
