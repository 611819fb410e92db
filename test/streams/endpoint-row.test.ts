import { describe, expect, it } from 'vitest';
import type { ArenaEvent, RequestEvent, ArrivalEvent } from '../../src/domain/events.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import { emptyRow, reduceRow, rowCounts, rowStatus, settleRow, type EndpointRow } from '../../src/streams/endpoint-row.js';
import { correctWithCategoriasTimeout, eventsOf, naiveWithCategoriasTimeout } from './fixtures.js';

const e = eventsOf('callbacks');
const fold = (events: ArenaEvent[], requests = 1): EndpointRow =>
  events.reduce((row, event) => (event.type === 'done' ? settleRow(row) : reduceRow(row, event as RequestEvent | ArrivalEvent)), emptyRow(requests));

describe('a one-request row', () => {
  it('goes waiting → in flight → ok with latency and items', () => {
    expect(rowStatus(emptyRow(1))).toEqual({ kind: 'waiting' });
    expect(rowStatus(fold([e.start(0, 'perfil', 3)]))).toEqual({ kind: 'in-flight', startedAt: 3, attempt: 1 });
    expect(rowStatus(fold([e.start(0, 'perfil'), e.arrived(0, 'perfil', 40), e.success(0, 'perfil', 40, 1)]))).toEqual({ kind: 'ok', latencyMs: 40, items: 1 });
  });

  it('shows a retry pending, then the retry in flight', () => {
    const retried = [e.start(0, 'perfil'), e.retry(0, 'perfil', 5)];
    expect(rowStatus(fold(retried))).toEqual({ kind: 'retrying', attempt: 2 });
    expect(rowStatus(fold([...retried, e.start(0, 'perfil', 15, 2)]))).toEqual({ kind: 'in-flight', startedAt: 15, attempt: 2 });
  });

  it('is held when the response arrived and the model has not delivered it yet', () => {
    expect(rowStatus(fold([e.start(0, 'perfil'), e.arrived(0, 'perfil', 40)]))).toEqual({ kind: 'held' });
  });

  it('shows the failure reason and status', () => {
    expect(rowStatus(fold([e.start(0, 'perfil'), e.failure(0, 'perfil', 9, 'http', 500)]))).toEqual({ kind: 'failed', reason: 'http', status: 500 });
  });

  it('is lost when the response arrived and the model did not deliver it', () => {
    expect(rowStatus(fold([e.start(0, 'perfil'), e.arrived(0, 'perfil', 40), e.failure(0, 'perfil', 900, 'discarded')]))).toEqual({ kind: 'lost' });
  });

  it('is cancelled when the model ended without a result for it', () => {
    expect(rowStatus(fold([e.start(0, 'perfil'), e.done(10, 0, 0)]))).toEqual({ kind: 'cancelled' });
    expect(rowStatus(fold([e.start(0, 'perfil'), e.failure(0, 'perfil', 9, 'canceled')]))).toEqual({ kind: 'cancelled' });
  });
});

describe('rowCounts', () => {
  it('aggregates many requests in constant space', () => {
    const events: ArenaEvent[] = [];
    for (let i = 0; i < 1000; i += 1) events.push(e.start(i * 3, 'productos'));
    for (let i = 0; i < 600; i += 1) events.push(e.arrived(i * 3, 'productos', 10), e.success(i * 3, 'productos', 10, 2));
    for (let i = 600; i < 700; i += 1) events.push(e.failure(i * 3, 'productos', 20, 'timeout'));
    const row = fold(events, 1000);
    expect(Object.keys(row).length).toBeLessThan(20);
    expect(rowCounts(row)).toEqual({ waiting: 0, inFlight: 300, held: 0, retrying: 0, ok: 600, failed: 100, cancelled: 0, lost: 0 });
    expect(row.items).toBe(1200);
  });

  it('counts requests not yet started as waiting', () => {
    expect(rowCounts(fold([e.start(0, 'productos')], 4))).toMatchObject({ waiting: 3, inFlight: 1 });
  });

  it.each([
    ['correct', correctWithCategoriasTimeout('futures')],
    ['naive', naiveWithCategoriasTimeout('futures')],
  ])('agrees with summarizeLoad on a %s load', (_, events) => {
    const summary = summarizeLoad('futures', events);
    for (const endpoint of ENDPOINTS) {
      const mine = events.filter((event) => event.type === 'done' || event.endpoint === endpoint);
      const counts = rowCounts(fold(mine));
      const tally = summary.endpoints[endpoint];
      expect({ ok: counts.ok, failed: counts.failed + counts.cancelled, lost: counts.lost }).toEqual({ ok: tally.ok, failed: tally.failed, lost: tally.lost });
    }
  });
});
