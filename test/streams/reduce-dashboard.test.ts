import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';
import { initialDashboardState, NO_CONTROL_MESSAGE, type DashboardState } from '../../src/streams/dashboard-state.js';
import { panelTotals } from '../../src/streams/model-panel.js';
import { reduceDashboard } from '../../src/streams/reduce-dashboard.js';
import { rowStatus } from '../../src/streams/endpoint-row.js';
import { allOk, correctWithCategoriasTimeout, eventsOf, naiveWithCategoriasTimeout } from './fixtures.js';

const settings = { target: 'http://127.0.0.1:1', models: ['callbacks', 'reactive'] as const, request: loadRequest(), auto: true, intervalMs: 2000, size: { columns: 80, rows: 24 } };
const initial = initialDashboardState(settings, true);
const run = (state: DashboardState, actions: DashboardAction[]): DashboardState => actions.reduce(reduceDashboard, state);
const events = (list: ArenaEvent[]): DashboardAction[] => list.map((event) => ({ type: 'arena-event', event }));
const round = (list: ArenaEvent[], at = 0, endAt = at + 1000): DashboardAction[] => [{ type: 'round-started', at, variant: 'correct' }, ...events(list), { type: 'round-ended', at: endAt }];

describe('reduceDashboard', () => {
  it('says when the target is down, when the next round comes, and when it is back', () => {
    const down = run(initial, [{ type: 'target-down', why: 'connection refused', retryInMs: 2000 }]);
    expect(down).toMatchObject({ targetDown: true, message: 'target down: connection refused; next round in 2.0 s' });
    expect(run(down, [{ type: 'target-back' }])).toMatchObject({ targetDown: false, message: 'target is back: it answers again' });
  });

  it('numbers rounds and tracks whether one is running', () => {
    const started = run(initial, [{ type: 'round-started', at: 500, variant: 'correct' }]);
    expect(started).toMatchObject({ round: 1, running: true, roundStartedAt: 500 });
    const ended = run(started, [{ type: 'round-ended', at: 1700 }]);
    expect(ended).toMatchObject({ round: 1, running: false, lastRoundMs: 1200 });
  });

  it("moves the round clock with the results: it counts from the round's start, not from the last tick", () => {
    const e = eventsOf('callbacks');
    const state = run(initial, [{ type: 'round-started', at: 500, variant: 'correct' }, ...events([e.start(0, 'productos'), e.arrived(0, 'productos', 60)])]);
    expect(state.now - state.roundStartedAt).toBe(60);
    // an older event never moves it back
    expect(run(state, [{ type: 'tick', at: 580 }, ...events([e.start(1, 'categorias', 20)])]).now).toBe(580);
  });

  it('routes each event to its model’s panel', () => {
    const state = run(initial, round([...correctWithCategoriasTimeout('callbacks'), ...allOk('reactive')]));
    const [callbacks, reactive] = state.panels;
    expect(rowStatus(callbacks!.rows.categorias)).toEqual({ kind: 'failed', reason: 'timeout', status: undefined });
    expect(rowStatus(callbacks!.rows.productos)).toEqual({ kind: 'ok', latencyMs: 50, items: 20 });
    expect(panelTotals(callbacks!)).toEqual({ delivered: 2, requests: 3, lost: 0 });
    expect(panelTotals(reactive!)).toEqual({ delivered: 3, requests: 3, lost: 0 });
  });

  it('flags lost data for a naive model', () => {
    const state = run(initial, round(naiveWithCategoriasTimeout('callbacks')));
    expect(panelTotals(state.panels[0]!)).toEqual({ delivered: 0, requests: 3, lost: 2 });
  });

  it('keeps a bounded history of round times across rounds and resets rows', () => {
    let state = initial;
    for (let i = 0; i < 35; i += 1) state = run(state, round(allOk('callbacks', [10 + i, 5, 5])));
    const callbacks = state.panels[0]!;
    expect(callbacks.history).toHaveLength(30);
    expect(callbacks.history.at(-1)).toBe(44);
    const next = run(state, [{ type: 'round-started', at: 0, variant: 'correct' }]);
    expect(rowStatus(next.panels[0]!.rows.productos)).toEqual({ kind: 'waiting' });
    expect(next.panels[0]!.history).toEqual(callbacks.history);
  });

  it('settles models that never reported done when the round ends', () => {
    const state = run(initial, [{ type: 'round-started', at: 0, variant: 'correct' }, ...events(correctWithCategoriasTimeout('reactive').slice(0, 3)), { type: 'round-ended', at: 10 }]);
    expect(rowStatus(state.panels[1]!.rows.perfil)).toEqual({ kind: 'cancelled' });
  });

  it('shows fault changes, toggles, selection, help, messages and size', () => {
    const state = run(initial, [
      { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } } },
      { type: 'variant-changed', variant: 'naive' },
      { type: 'auto-changed', auto: false },
      { type: 'selected', endpoint: 'perfil' },
      { type: 'help-toggled' },
      { type: 'message', text: 'hello' },
      { type: 'resized', size: { columns: 60, rows: 20 } },
    ]);
    expect(state).toMatchObject({ variant: 'naive', auto: false, selected: 'perfil', help: true, message: 'hello', size: { columns: 60, rows: 20 } });
    expect(state.faults.categorias).toEqual({ kind: 'timeout' });
  });

  it('starts with the no-control message when the target has no control API', () => {
    expect(initialDashboardState(settings, false).message).toBe(NO_CONTROL_MESSAGE);
    expect(initial.message).toBeUndefined();
  });
});
