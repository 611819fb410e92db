import { describe, expect, it } from 'vitest';
import { honourNoColor } from '../../src/cli/color-env.js';
import { quitSummary } from '../../src/cli/quit-summary.js';
import { loadRequest } from '../../src/domain/load-request.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';
import { initialDashboardState } from '../../src/streams/dashboard-state.js';
import { reduceDashboard } from '../../src/streams/reduce-dashboard.js';
import { allOk, correctWithCategoriasTimeout, naiveWithCategoriasTimeout } from '../streams/fixtures.js';

const settings = { target: 'http://127.0.0.1:1', models: ['callbacks', 'futures'] as const, request: loadRequest(), auto: true, intervalMs: 2000, size: { columns: 80, rows: 24 } };
const round = (at: number, endAt: number, variant: 'correct' | 'naive', events: DashboardAction[]): DashboardAction[] => [{ type: 'round-started', at, variant }, ...events, { type: 'round-ended', at: endAt }];
const arena = (list: ReturnType<typeof allOk>): DashboardAction[] => list.map((event) => ({ type: 'arena-event', event }));
const timeoutOnCategorias: DashboardAction = { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } } };

describe('the session summary printed on quit', () => {
  const state = [
    ...round(0, 100, 'correct', arena([...allOk('callbacks'), ...allOk('futures')])),
    timeoutOnCategorias,
    ...round(2100, 3100, 'correct', arena([...correctWithCategoriasTimeout('callbacks'), ...correctWithCategoriasTimeout('futures')])),
    ...round(5100, 6100, 'naive', arena([...correctWithCategoriasTimeout('callbacks'), ...naiveWithCategoriasTimeout('futures')])),
  ].reduce(reduceDashboard, initialDashboardState(settings, true));

  it('sums every finished round per model: delivered, failed, lost', () => {
    expect(state.totals).toEqual({
      rounds: 3,
      roundTimes: [100, 1000, 1000],
      models: [
        { model: 'callbacks', executor: 'loop', delivered: 7, failed: 2, lost: 0 },
        { model: 'futures', executor: 'loop', delivered: 5, failed: 2, lost: 2 },
      ],
    });
  });

  it('says it in a few lines: rounds, round time p50/p95, per model, and who lost data', () => {
    expect(quitSummary(state.totals)).toBe(
      [
        'async-arena: 3 rounds, round time p50 1.0s p95 1.0s',
        '  Callbacks  delivered 7  failed 2  lost 0',
        '  Futures    delivered 5  failed 2  lost 2',
        'data lost by: Futures',
        '',
      ].join('\n'),
    );
    expect(quitSummary(initialDashboardState(settings, true).totals)).toBe('async-arena: no round finished\n');
  });

  it('restarts the p50/p95 history when the variant or the faults change, so it never mixes them', () => {
    // three rounds, three different settings: each history holds only its own round
    expect(state.panels.map((panel) => panel.history)).toEqual([[1000], [1000]]);
    const again = round(7100, 8300, 'naive', arena([...correctWithCategoriasTimeout('callbacks'), ...naiveWithCategoriasTimeout('futures')])).reduce(reduceDashboard, state);
    expect(again.panels.map((panel) => panel.history.length)).toEqual([2, 2]);
  });
});

describe('the session summary with threads beside the loop', () => {
  const both = { ...settings, executors: ['loop', 'threads'] as const };
  const onThreads = (list: ReturnType<typeof allOk>): DashboardAction[] => list.map((event) => ({ type: 'arena-event', event, executor: 'threads' }));
  const state = round(0, 1000, 'naive', [...arena(allOk('futures')), ...onThreads(naiveWithCategoriasTimeout('futures'))]).reduce(reduceDashboard, initialDashboardState(both, true));

  it('keeps one line per executor, each with its own counts', () => {
    expect(quitSummary(state.totals)).toBe(
      [
        'async-arena: 1 round, round time p50 1.0s p95 1.0s',
        '  Callbacks            delivered 0  failed 3  lost 0',
        '  Callbacks (threads)  delivered 0  failed 3  lost 0',
        '  Futures              delivered 3  failed 0  lost 0',
        '  Futures (threads)    delivered 0  failed 1  lost 2',
        'data lost by: Futures (threads)',
        '',
      ].join('\n'),
    );
  });
});

describe('NO_COLOR', () => {
  it('turns colors off unless FORCE_COLOR says otherwise', () => {
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    honourNoColor(env);
    expect(env.FORCE_COLOR).toBe('0');
    const forced: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: '1' };
    honourNoColor(forced);
    expect(forced.FORCE_COLOR).toBe('1');
    const empty: NodeJS.ProcessEnv = { NO_COLOR: '' };
    honourNoColor(empty);
    expect(empty.FORCE_COLOR).toBeUndefined();
  });
});
