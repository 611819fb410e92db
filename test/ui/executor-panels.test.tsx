import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest, type ExecutorKind } from '../../src/domain/load-request.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import type { DashboardAction, TerminalSize } from '../../src/streams/dashboard-actions.js';
import { initialDashboardState, type DashboardState } from '../../src/streams/dashboard-state.js';
import { reduceDashboard } from '../../src/streams/reduce-dashboard.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { allOk, naiveWithCategoriasTimeout } from '../streams/fixtures.js';

const frameOf = (state: DashboardState): string => {
  const { lastFrame, unmount } = render(<Dashboard state={state} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

/** A round with futures on both executors: the loop delivers everything, the threads lose data (naive). */
const stateWithThreads = (size: TerminalSize, executors: readonly ExecutorKind[] = ['loop', 'threads']): DashboardState => {
  const initial = initialDashboardState({ target: 'http://127.0.0.1:4000', models: MODEL_IDS, executors, request: loadRequest(), auto: true, intervalMs: 2000, size }, true);
  const on = (executor: ExecutorKind, events: ArenaEvent[]): DashboardAction[] => events.map((event) => ({ type: 'arena-event', event, executor }));
  const actions: DashboardAction[] = [
    { type: 'round-started', at: 0, variant: 'correct' },
    ...on('loop', allOk('futures')),
    ...on('threads', naiveWithCategoriasTimeout('futures')),
    { type: 'round-ended', at: 1000 },
  ];
  return actions.reduce(reduceDashboard, initial);
};

describe('the dashboard with --executors loop,threads', () => {
  it('gives callbacks and futures one panel per executor, titled by it; async-await and reactive one on the loop', () => {
    const state = stateWithThreads({ columns: 132, rows: 30 });
    expect(state.panels.map((panel) => `${panel.model}/${panel.executor}`)).toEqual(['callbacks/loop', 'callbacks/threads', 'futures/loop', 'futures/threads', 'async-await/loop', 'reactive/loop']);
    const titles = frameOf(state).split('\n')[3] ?? '';
    expect(titles.split('│').map((part) => part.trim()).filter(Boolean)).toEqual(['Callbacks', 'Callbacks (threads)', 'Futures', 'Futures (threads)', 'Async/await', 'Reactive (RxJS)']);
  });

  it('keeps each executor’s counters apart: the threads panel lost data, the loop panel of the same model did not', () => {
    const frame = frameOf(stateWithThreads({ columns: 120, rows: 30 }));
    const columns = (line: string | undefined): string[] => (line ?? '').split('│').filter((_, index) => index % 2 === 1);
    const lines = frame.split('\n').map((line) => line ?? '');
    const delivered = columns(lines[7]);
    expect(delivered[2]).toContain('3/3 delivered');
    expect(delivered[3]).toContain('0/3 delivered');
    expect(columns(lines[8])[3]).toContain('DATA LOST ×2');
    expect(columns(lines[8])[2]).toContain('nothing lost');
  });

  it('falls back to one line per panel when six panels do not fit in 80 columns, each labelled by its executor', () => {
    const lines = frameOf(stateWithThreads({ columns: 80, rows: 24 })).split('\n');
    expect(lines.slice(1, 7).map((line) => line.split(' ')[0])).toEqual(['callbacks', 'callbacks·thr', 'futures', 'futures·thr', 'async-await', 'reactive']);
    expect(lines[4]).toContain('LOST');
    expect(lines[3]).not.toContain('LOST');
  });

  it('shows only the threads panels of callbacks and futures with --executors threads', () => {
    const state = stateWithThreads({ columns: 120, rows: 30 }, ['threads']);
    expect(state.panels.map((panel) => `${panel.model}/${panel.executor}`)).toEqual(['callbacks/threads', 'futures/threads', 'async-await/loop', 'reactive/loop']);
  });
});
