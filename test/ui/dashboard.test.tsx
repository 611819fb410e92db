import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { allOk, correctWithCategoriasTimeout, naiveWithCategoriasTimeout } from '../streams/fixtures.js';
import { stateAfterRound } from './states.js';
import { NO_CONTROL_MESSAGE, type DashboardState } from '../../src/streams/dashboard-state.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';

const frameOf = (state: DashboardState): string => {
  const { lastFrame, unmount } = render(<Dashboard state={state} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};
const count = (text: string, part: string): number => text.split(part).length - 1;
const caseOn = [
  { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } } },
  { type: 'selected', endpoint: 'categorias' },
] as const;

describe('Dashboard', () => {
  it('says on screen that the target is down, and when it is back', () => {
    const refused = (model: Parameters<typeof allOk>[0]) => [{ type: 'failure', model, requestId: 0, endpoint: 'productos', attempt: 1, at: 1, latencyMs: 1, reason: 'refused', message: 'connection refused' } as const];
    const down = stateAfterRound(refused, { endAt: 1, extra: [{ type: 'target-down', why: 'connection refused', retryInMs: 4000 }] });
    expect(frameOf(down)).toContain('target down: connection refused; next round in 4.0 s');
    expect(frameOf(stateAfterRound(allOk, { endAt: 60, extra: [{ type: 'target-back' }] }))).toContain('target is back: it answers again');
  });

  it('shows a round where every endpoint answered, all four models side by side in 80×24', () => {
    const frame = frameOf(stateAfterRound((model) => allOk(model), { endAt: 60 }));
    expect(frame).toMatchInlineSnapshot(`
      "async-arena http://127.0.0.1:4000 · round 1 ○ idle · correct · auto 2.0s
      faults: ▸productos none  categorias none  perfil none
      ╭──────────────────╮╭──────────────────╮╭──────────────────╮╭──────────────────╮
      │Callbacks         ││Futures           ││Async/await       ││Reactive (RxJS)   │
      │prod ✓ 50ms ×20   ││prod ✓ 50ms ×20   ││prod ✓ 50ms ×20   ││prod ✓ 50ms ×20   │
      │cat  ✓ 48ms ×5    ││cat  ✓ 48ms ×5    ││cat  ✓ 48ms ×5    ││cat  ✓ 48ms ×5    │
      │perf ✓ 52ms ×1    ││perf ✓ 52ms ×1    ││perf ✓ 52ms ×1    ││perf ✓ 52ms ×1    │
      │52ms 3/3 delivered││52ms 3/3 delivered││52ms 3/3 delivered││52ms 3/3 delivered│
      │nothing lost      ││nothing lost      ││nothing lost      ││nothing lost      │
      │prod ○───────────✓││prod ○───────────✓││prod ○───────────✓││prod ○───────────✓│
      │cat  ○───────────✓││cat  ○───────────✓││cat  ○───────────✓││cat  ○───────────✓│
      │perf ○───────────✓││perf ○───────────✓││perf ○───────────✓││perf ○───────────✓│
      │█                 ││█                 ││█                 ││█                 │
      │p50 52ms p95 52ms ││p50 52ms p95 52ms ││p50 52ms p95 52ms ││p50 52ms p95 52ms │
      ╰──────────────────╯╰──────────────────╯╰──────────────────╯╰──────────────────╯
      1-3 endpoint · t e x m s l fault · o/0 clear · c case · n naive · r run · a aut…
      last round 60ms"
    `);
  });

  it('with the case on, every correct model fails /categorias on timeout and keeps productos and perfil', () => {
    const frame = frameOf(stateAfterRound((model) => correctWithCategoriasTimeout(model), { endAt: 1001, extra: [...caseOn] }));
    const lines = frame.split('\n');
    expect(lines[1]).toBe('faults:  productos none ▸categorias timeout  perfil none');
    expect(count(frame, 'cat  ✗ timeout')).toBe(4);
    expect(count(frame, 'prod ✓ 50ms ×20')).toBe(4);
    expect(count(frame, 'perf ✓ 52ms ×1')).toBe(4);
    expect(count(frame, '1.0s 2/3 delivered')).toBe(4);
    expect(frame).not.toContain('LOST');
  });

  it('marks data a naive model lost: LOST on the rows that arrived, and on the model', () => {
    const frame = frameOf(stateAfterRound((model) => naiveWithCategoriasTimeout(model), { endAt: 1001, variant: 'naive' }));
    expect(frame.split('\n')[0]).toContain('naive');
    expect(count(frame, 'prod LOST')).toBe(4);
    expect(count(frame, 'perf LOST')).toBe(4);
    expect(count(frame, 'DATA LOST ×2')).toBe(4);
    expect(count(frame, '0/3 delivered')).toBe(4);
  });

  it('shows a spinner and the elapsed time for requests in flight', () => {
    const frame = frameOf(stateAfterRound((model) => correctWithCategoriasTimeout(model).slice(0, 5), { extra: [{ type: 'tick', at: 420 }] }));
    expect(frame.split('\n')[0]).toContain('● running');
    expect(count(frame, 'cat  ⠼ 420ms')).toBe(4);
    expect(count(frame, '420ms 1/3 so far')).toBe(4);
  });

  it('switches to one line per model on a small terminal', () => {
    const frame = frameOf(stateAfterRound((model) => naiveWithCategoriasTimeout(model), { endAt: 1001, size: { columns: 60, rows: 10 }, extra: [...caseOn] }));
    expect(frame.split('\n')).toEqual([
      'r1 ○ correct auto on ▸categorias · categorias timeout',
      'callbacks   1.0s 0/3 LOST  prod LOST cat ✗ timeout perf LOST',
      'futures     1.0s 0/3 LOST  prod LOST cat ✗ timeout perf LOST',
      'async-await 1.0s 0/3 LOST  prod LOST cat ✗ timeout perf LOST',
      'reactive    1.0s 0/3 LOST  prod LOST cat ✗ timeout perf LOST',
      '? help · q quit',
    ]);
  });

  it('shows every key in the help overlay', () => {
    const frame = frameOf(stateAfterRound((model) => allOk(model), { endAt: 60, extra: [{ type: 'help-toggled' }] }));
    expect(frame).toContain('Keys (press ? to close)');
    for (const text of ['1 select /productos', 't timeout', 's slow body (3000 ms)', 'l add latency (+500 ms)', 'c case', 'q quit']) expect(frame).toContain(text);
    expect(frame).not.toContain('Callbacks');
  });

  it('explains the marks under ? too: ×20, held and LOST, the marbles, the sparkline and what p50/p95 are of', () => {
    const frame = frameOf(stateAfterRound((model) => allOk(model), { endAt: 60, extra: [{ type: 'help-toggled' }] }));
    expect(frame).toContain('✓ 50ms ×20   delivered: latency, items');
    expect(frame).toContain('then dropped by the model');
    expect(frame).toContain('○─●═✓ ↻ ✗ L  start, in flight, arrived, held, delivered; retry, failed, lost');
    expect(frame).toMatch(/p50 p95 +round times since variant or faults last changed/);
  });

  it('on a target without a control API hides the fault keys and the fault line, and says why', () => {
    const readOnly = (extra: DashboardAction[] = []) => frameOf({ ...stateAfterRound((model) => allOk(model), { endAt: 60, extra }), faultControl: false, message: NO_CONTROL_MESSAGE });
    const frame = readOnly();
    expect(frame).not.toContain('faults:');
    expect(frame).not.toMatch(/t e x m s l fault/);
    expect(frame.split('\n').at(-1)).toBe('read-only: the target has no control API, so no fault keys · last round 60ms');
    const help = readOnly([{ type: 'help-toggled' }]);
    expect(help).toContain('n naive');
    expect(help).not.toContain('timeout (never answers)');
  });

  it('strips control characters from messages before they reach the terminal', () => {
    const frame = frameOf(stateAfterRound((model) => allOk(model), { endAt: 60, extra: [{ type: 'message', text: 'fault not applied: \u001b[2Jevil\u0007\nline' }] }));
    expect(frame.split('\n').at(-1)).toBe('fault not applied: evil  line');
  });

  it('is never taller than the terminal nor wider than it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 160 }), fc.integer({ min: 3, max: 40 }), fc.boolean(), (columns, rows, help) => {
        const state = stateAfterRound((model) => naiveWithCategoriasTimeout(model), { endAt: 1001, size: { columns, rows }, extra: help ? [{ type: 'help-toggled' }] : [] });
        const lines = frameOf(state).split('\n');
        expect(lines.length).toBeLessThan(rows);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 40 },
    );
  });
});
