import { describe, expect, it } from 'vitest';
import { runJson } from '../../src/cli/run-json.js';
import { RunTally } from '../../src/cli/run-tally.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import { ENDPOINTS } from '../../src/domain/endpoints.js';

const model = 'callbacks' as const;
/** The totals `run` folds from these events. */
const totalsOf = (events: readonly ArenaEvent[]) => {
  const tally = new RunTally(model);
  for (const event of events) tally.add(event);
  return tally.totals();
};
const endpointOf = (id: number) => ENDPOINTS[id % 3] as (typeof ENDPOINTS)[number];
const start = (id: number): ArenaEvent => ({ type: 'start', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: 0 });
const ok = (id: number, latencyMs: number): ArenaEvent[] => [
  { type: 'arrived', model, requestId: id, endpoint: endpointOf(id), at: latencyMs },
  { type: 'success', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: latencyMs, latencyMs, status: 200, items: 2 },
];
const fail = (id: number, reason: 'timeout' | 'reset'): ArenaEvent => ({ type: 'failure', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: 9, latencyMs: 9, reason, message: reason });

describe('runJson', () => {
  it('reports each endpoint as its single request for a 3-request load', () => {
    const summary = totalsOf([start(0), start(1), start(2), ...ok(0, 12.34), fail(1, 'timeout'), ...ok(2, 20), { type: 'done', model, at: 30, totalMs: 30.04, delivered: 2, failed: 1 }]);
    expect(runJson(summary, 'correct')).toEqual({
      model,
      variant: 'correct',
      executor: 'loop',
      totalMs: 30,
      endpoints: {
        productos: { outcome: 'ok', status: 200, latencyMs: 12.3, items: 2, reason: undefined, threadId: 0 },
        categorias: { outcome: 'failed', reason: 'timeout', status: undefined, latencyMs: 9, items: undefined, threadId: 0 },
        perfil: { outcome: 'ok', status: 200, latencyMs: 20, items: 2, reason: undefined, threadId: 0 },
      },
    });
  });

  it('aggregates many requests per endpoint: worst outcome, commonest reason, median latency', () => {
    // productos is requests 0, 3, 6 and 9: two delivered (10 and 30 ms), two reset
    const events: ArenaEvent[] = [0, 3, 6, 9].map(start);
    events.push(...ok(0, 10), ...ok(3, 30), fail(6, 'reset'), fail(9, 'reset'));
    const summary = totalsOf(events);
    expect(runJson(summary, 'correct').endpoints.productos).toEqual({ outcome: 'failed', reason: 'reset', latencyMs: 20, items: 4, requests: 4, ok: 2, failed: 2, lost: 0, threadIds: [0] });
  });

  it('leaves out endpoints that received no request', () => {
    const summary = totalsOf([start(0), ...ok(0, 10)]);
    expect(Object.keys(runJson(summary, 'correct').endpoints)).toEqual(['productos']);
  });

  it('uses the aggregate shape for every endpoint once the load has more than 3 requests', () => {
    // 4 requests: productos has two, categorias and perfil one each
    const summary = totalsOf([0, 1, 2, 3].map(start).concat(...ok(0, 10), ...ok(1, 10), fail(2, 'timeout'), ...ok(3, 30)));
    const { endpoints } = runJson(summary, 'correct');
    expect(endpoints.categorias).toEqual({ outcome: 'ok', latencyMs: 10, items: 2, requests: 1, ok: 1, failed: 0, lost: 0, threadIds: [0] });
    expect(endpoints.perfil).toEqual({ outcome: 'failed', reason: 'timeout', items: 0, requests: 1, ok: 0, failed: 1, lost: 0, threadIds: [0] });
    expect(endpoints.productos).toMatchObject({ latencyMs: 20, requests: 2 });
  });

  it('reports the executor and, per request, the thread that ran it (0 on the event loop)', () => {
    const threaded = (id: number, threadId: number): ArenaEvent[] => [start(id), { type: 'success', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: 5, latencyMs: 5, status: 200, items: 2, threadId }];
    const three = runJson(totalsOf([...threaded(0, 7), ...threaded(1, 8), start(2), fail(2, 'timeout')]), 'correct', undefined, 'threads');
    expect(three.executor).toBe('threads');
    expect([three.endpoints.productos?.threadId, three.endpoints.categorias?.threadId, three.endpoints.perfil?.threadId]).toEqual([7, 8, 0]);
    const many = runJson(totalsOf([...threaded(0, 9), ...threaded(3, 7), ...threaded(6, 9), ...threaded(1, 1)]), 'correct', undefined, 'threads');
    expect(many.endpoints.productos?.threadIds).toEqual([7, 9]);
  });

  it('names the naive mistake only for a naive run', () => {
    const summary = totalsOf([start(0), ...ok(0, 10)]);
    expect(runJson(summary, 'naive', 'drops everything')).toMatchObject({ variant: 'naive', naiveMistake: 'drops everything' });
    expect(runJson(summary, 'correct', 'drops everything').naiveMistake).toBeUndefined();
  });
});
