import { describe, expect, it } from 'vitest';
import type { RequestEvent, ArrivalEvent } from '../../src/domain/events.js';
import { emptyRow, reduceRow, settleRow, type EndpointRow } from '../../src/streams/endpoint-row.js';
import { MARBLE_GLYPH, marbleRow } from '../../src/ui/marble-row.js';
import { eventsOf } from '../streams/fixtures.js';

const e = eventsOf('futures');
const rowOf = (events: (RequestEvent | ArrivalEvent)[], requests = 1): EndpointRow => events.reduce(reduceRow, emptyRow(requests));
/** The row drawn on an axis of 1000 ms, 20 columns (50 ms each). */
const draw = (row: EndpointRow, elapsedMs = 1000): string => marbleRow(row, 1000, 20, elapsedMs).map((cell) => MARBLE_GLYPH[cell]).join('');

describe('marbleRow', () => {
  it('draws a delivered request: start, in flight, arrival and delivery in the same slice', () => {
    expect(draw(settleRow(rowOf([e.start(0, 'productos', 0), e.arrived(0, 'productos', 200), e.success(0, 'productos', 210)])))).toBe('○───✓               ');
  });

  it('shows gather’s "arrived, held": the arrival, then the delivery when the whole batch is handed over', () => {
    const row = settleRow(rowOf([e.start(0, 'productos', 0), e.arrived(0, 'productos', 100), e.success(0, 'productos', 1000)]));
    expect(draw(row)).toBe('○─●════════════════✓');
  });

  it('shows a naive variant’s "arrived, dropped": the arrival, then LOST when the model discards it', () => {
    const row = settleRow(rowOf([e.start(0, 'perfil', 0), e.arrived(0, 'perfil', 100), e.failure(0, 'perfil', 500, 'discarded')]));
    expect(draw(row)).toBe('○─●═══════L         ');
  });

  it('marks LOST when the model finishes without a word about a response that arrived', () => {
    const row = settleRow(rowOf([e.start(0, 'perfil', 0), e.arrived(0, 'perfil', 100)]), 600);
    expect(draw(row)).toBe('○─●═════════L       ');
  });

  it('shows a failure, and a retry with its wait before the next attempt', () => {
    const row = rowOf([e.start(0, 'categorias', 0), e.retry(0, 'categorias', 300, 1), e.start(0, 'categorias', 500, 2), e.failure(0, 'categorias', 900, 'timeout')]);
    expect(draw(settleRow(row))).toBe('○─────↻···○───────✗ ');
  });

  it('keeps the order events came in when the harness stamps an arrival a moment after the model’s delivery', () => {
    expect(draw(settleRow(rowOf([e.start(0, 'productos', 0), e.arrived(0, 'productos', 210.4), e.success(0, 'productos', 210)])))).toBe('○───✓               ');
  });

  it('draws a request still in flight up to the elapsed time', () => {
    expect(draw(rowOf([e.start(0, 'perfil', 100)]), 400)).toBe('  ○─────            ');
  });

  it('keeps no marks for a row of many requests (the dashboard shows rates there)', () => {
    expect(rowOf([e.start(0, 'perfil', 0), e.start(3, 'perfil', 0)], 2).marks).toEqual([]);
  });
});
