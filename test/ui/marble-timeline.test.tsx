import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import type { ModelId } from '../../src/domain/models.js';
import type { TerminalSize } from '../../src/streams/dashboard-actions.js';
import type { DashboardState } from '../../src/streams/dashboard-state.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { allOk, correctWithCategoriasTimeout, gatherWithCategoriasTimeout, naiveWithCategoriasTimeout } from '../streams/fixtures.js';
import { stateAfterRound } from './states.js';

const frameOf = (state: DashboardState): string => {
  const { lastFrame, unmount } = render(<Dashboard state={state} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

/** One round, a different story per model: as they come, all fine, gathered and held, naive and dropped. */
const stories = (model: ModelId): ArenaEvent[] =>
  ({ callbacks: correctWithCategoriasTimeout, futures: allOk, 'async-await': gatherWithCategoriasTimeout, reactive: naiveWithCategoriasTimeout })[model](model);

/** The timeline rows (lines 9–11) of card `card`. */
const timelineOf = (frame: string, card: number): string[] =>
  frame
    .split('\n')
    .slice(9, 12)
    .map((line) => line.split('│').filter((_, index) => index % 2 === 1)[card] ?? '');

describe('the marble timeline of a round of three requests', () => {
  const wide: TerminalSize = { columns: 160, rows: 30 };

  it('marks each request on one time axis shared by the panels: delivered as it came, held by gather, dropped by the naive variant', () => {
    const frame = frameOf(stateAfterRound(stories, { endAt: 1000, size: wide }));
    // delivered as each response came; /categorias failed at the deadline
    expect(timelineOf(frame, 0)).toEqual([
      'productos  ○✓                         ',
      'categorias ○─────────────────────────✗',
      'perfil     ○✓                         ',
    ]);
    // gather: arrived at 50 ms, held (═) until the batch is handed over at 1000 ms
    expect(timelineOf(frame, 2)).toEqual([
      'productos  ○●════════════════════════✓',
      'categorias ○─────────────────────────✗',
      'perfil     ○●════════════════════════✓',
    ]);
    // naive: arrived at 50 ms, held, then dropped (L) when /categorias failed
    expect(timelineOf(frame, 3)).toEqual([
      'productos  ○●════════════════════════L',
      'categorias ○─────────────────────────✗',
      'perfil     ○●════════════════════════L',
    ]);
  });

  it('fits the narrow 80×24 layout with short labels', () => {
    const frame = frameOf(stateAfterRound(stories, { endAt: 1000 }));
    expect(timelineOf(frame, 2)).toEqual(['prod ●═══════════✓', 'cat  ○───────────✗', 'perf ●═══════════✓']);
    expect(timelineOf(frame, 3)).toEqual(['prod ●═══════════L', 'cat  ○───────────✗', 'perf ●═══════════L']);
  });

  it('explains the rate line instead of the marbles under ? at scale', () => {
    const help = frameOf({ ...stateAfterRound(stories, { endAt: 1000, extra: [{ type: 'help-toggled' }] }), requests: 300 });
    expect(help).toContain('requests/s; latency histogram, fastest left; failures by reason');
    expect(help).not.toContain('start, in flight');
  });
});
