import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';

const model = 'futures' as const;
const start = (requestId: number, endpoint: 'productos' | 'categorias' | 'perfil', attempt = 1, at = 0): ArenaEvent => ({ type: 'start', model, requestId, endpoint, attempt, at });

describe('summarizeLoad', () => {
  it('marks delivered, failed and lost requests', () => {
    const events: ArenaEvent[] = [
      start(0, 'productos'),
      start(1, 'categorias'),
      start(2, 'perfil'),
      { type: 'arrived', model, requestId: 0, endpoint: 'productos', at: 40 },
      { type: 'success', model, requestId: 0, endpoint: 'productos', attempt: 1, at: 41, latencyMs: 41, status: 200, items: 20 },
      { type: 'arrived', model, requestId: 2, endpoint: 'perfil', at: 60 },
      { type: 'failure', model, requestId: 1, endpoint: 'categorias', attempt: 1, at: 500, latencyMs: 500, reason: 'timeout', message: 'deadline' },
      { type: 'failure', model, requestId: 2, endpoint: 'perfil', attempt: 1, at: 500, latencyMs: 500, reason: 'discarded', message: 'abandoned' },
      { type: 'done', model, at: 501, totalMs: 501, delivered: 1, failed: 2 },
    ];
    const summary = summarizeLoad(model, events);
    expect(summary.requests.map((r) => r.outcome)).toEqual(['ok', 'failed', 'lost']);
    expect(summary).toMatchObject({ totalMs: 501, firstResultMs: 41, delivered: 1, failed: 1, lost: 1, attempts: 3, preserved: false });
    expect(summary.endpoints.categorias).toEqual({ ok: 0, failed: 1, lost: 0, reasons: { timeout: 1 } });
    expect(summary.endpoints.perfil).toEqual({ ok: 0, failed: 0, lost: 1, reasons: { discarded: 1 } });
  });

  it('counts retries as attempts and the last outcome as final', () => {
    const events: ArenaEvent[] = [
      start(0, 'perfil'),
      { type: 'retry', model, requestId: 0, endpoint: 'perfil', attempt: 1, at: 5, delayMs: 20, reason: 'http' },
      start(0, 'perfil', 2, 25),
      { type: 'arrived', model, requestId: 0, endpoint: 'perfil', at: 70 },
      { type: 'success', model, requestId: 0, endpoint: 'perfil', attempt: 2, at: 70, latencyMs: 45, status: 200, items: 1 },
      { type: 'done', model, at: 70, totalMs: 70, delivered: 1, failed: 0 },
    ];
    const summary = summarizeLoad(model, events);
    expect(summary.requests).toEqual([{ requestId: 0, endpoint: 'perfil', outcome: 'ok', attempts: 2, latencyMs: 45, items: 1, status: 200 }]);
    expect(summary.preserved).toBe(true);
  });

  it('treats a request with no final event as canceled', () => {
    const summary = summarizeLoad(model, [start(0, 'productos')]);
    expect(summary.requests[0]).toMatchObject({ outcome: 'failed', reason: 'canceled' });
  });
});
