import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS, type ModelId } from '../../src/domain/models.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';
import { initialDashboardState, type DashboardState } from '../../src/streams/dashboard-state.js';
import { reduceDashboard } from '../../src/streams/reduce-dashboard.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { eventsOf } from '../streams/fixtures.js';

const frameOf = (state: DashboardState): string => {
  const { lastFrame, unmount } = render(<Dashboard state={state} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

/** 30 requests per model: 27 delivered in 10..36 ms, then futures' last three time out; the others reset. */
const roundOf30 = (model: ModelId): ArenaEvent[] => {
  const e = eventsOf(model);
  const endpoint = (id: number) => ENDPOINTS[id % 3] ?? 'productos';
  return [
    ...Array.from({ length: 30 }, (_, id) => e.start(id, endpoint(id))),
    ...Array.from({ length: 27 }, (_, id) => [e.arrived(id, endpoint(id), 10 + id), e.success(id, endpoint(id), 10 + id)]).flat(),
    ...[27, 28, 29].map((id) => e.failure(id, endpoint(id), 1000, model === 'futures' ? 'timeout' : 'reset')),
    e.done(1500, 27, 3),
  ];
};

const stateAt = (events: (model: ModelId) => ArenaEvent[], until?: number): DashboardState => {
  const initial = initialDashboardState({ target: 'http://127.0.0.1:4000', models: MODEL_IDS, request: loadRequest({ requests: 30 }), auto: true, intervalMs: 2000, size: { columns: 80, rows: 24 } }, true);
  const actions: DashboardAction[] = [
    { type: 'round-started', at: 0, variant: 'correct' },
    ...MODEL_IDS.flatMap((model) => events(model).slice(0, until).map((event): DashboardAction => ({ type: 'arena-event', event }))),
  ];
  return actions.reduce(reduceDashboard, initial);
};

const cardLine = (frame: string, line: number, card: number): string => (frame.split('\n')[line] ?? '').split('│').filter((_, index) => index % 2 === 1)[card] ?? '';

describe('a panel at scale (more than one request per endpoint)', () => {
  it('shows requests per second with the latency range, a histogram of the latencies, and failures by reason', () => {
    const frame = frameOf(stateAt(roundOf30));
    expect(frame).toMatchInlineSnapshot(`
      "async-arena http://127.0.0.1:4000 · round 1 ● running · correct · auto 2.0s
      faults: ▸productos none  categorias none  perfil none
      ╭──────────────────╮╭──────────────────╮╭──────────────────╮╭──────────────────╮
      │Callbacks         ││Futures           ││Async/await       ││Reactive (RxJS)   │
      │prod ✓9 ✗1        ││prod ✓9 ✗1        ││prod ✓9 ✗1        ││prod ✓9 ✗1        │
      │cat  ✓9 ✗1        ││cat  ✓9 ✗1        ││cat  ✓9 ✗1        ││cat  ✓9 ✗1        │
      │perf ✓9 ✗1        ││perf ✓9 ✗1        ││perf ✓9 ✗1        ││perf ✓9 ✗1        │
      │1.5s 27/30 delive…││1.5s 27/30 delive…││1.5s 27/30 delive…││1.5s 27/30 delive…│
      │nothing lost      ││nothing lost      ││nothing lost      ││nothing lost      │
      │20/s 10ms‥36ms    ││20/s 10ms‥36ms    ││20/s 10ms‥36ms    ││20/s 10ms‥36ms    │
      │█▄█▄█▄█▄█▄▄█▄█▄█▄█││█▄█▄█▄█▄█▄▄█▄█▄█▄█││█▄█▄█▄█▄█▄▄█▄█▄█▄█││█▄█▄█▄█▄█▄▄█▄█▄█▄█│
      │✗ reset 3         ││✗ timeout 3       ││✗ reset 3         ││✗ reset 3         │
      │█                 ││█                 ││█                 ││█                 │
      │p50 1.5s p95 1.5s ││p50 1.5s p95 1.5s ││p50 1.5s p95 1.5s ││p50 1.5s p95 1.5s │
      ╰──────────────────╯╰──────────────────╯╰──────────────────╯╰──────────────────╯
      1-3 endpoint · t e x m s l fault · o/0 clear · c case · n naive · r run · a aut…
      first round…"
    `);
    expect(cardLine(frame, 9, 1)).toBe('20/s 10ms‥36ms    '); // 30 finished in 1.5 s; p50 does not fit in 18 columns
    expect(cardLine(frame, 10, 1)).toBe('█▄█▄█▄█▄█▄▄█▄█▄█▄█'); // 27 latencies spread evenly over 18 slices: 2, 1, 2, 1…
    expect(cardLine(frame, 11, 1)).toMatch(/^✗ timeout 3\s*$/);
    expect(cardLine(frame, 11, 0)).toMatch(/^✗ reset 3\s*$/);
  });

  it('adds p50 and p99 of the responses where the panel is wide enough', () => {
    const frame = frameOf({ ...stateAt(roundOf30), size: { columns: 160, rows: 30 } });
    expect(cardLine(frame, 9, 0)).toMatch(/^20\/s 10ms‥36ms p50 2\dms p99 3\dms\s*$/);
  });

  it('says there is no response yet and no failure before the first result', () => {
    const frame = frameOf(stateAt(roundOf30, 30));
    expect(cardLine(frame, 9, 0)).toBe('0/s no response'.padEnd(18));
    expect(cardLine(frame, 11, 0)).toMatch(/^no failures/);
  });

  it('says how many responses arrived and are held while a model delivers nothing yet (gather)', () => {
    const heldUntilTheEnd = (model: ModelId): ArenaEvent[] => {
      const e = eventsOf(model);
      return [...Array.from({ length: 30 }, (_, id) => e.start(id, ENDPOINTS[id % 3] ?? 'productos')), ...Array.from({ length: 7 }, (_, id) => e.arrived(id, ENDPOINTS[id % 3] ?? 'productos', 10 + id))];
    };
    const frame = frameOf(stateAt(heldUntilTheEnd));
    expect(cardLine(frame, 9, 2)).toBe('0/s 7 held'.padEnd(18));
  });

  it('counts what a naive load dropped as lost, not held, once it gives up', () => {
    const droppedAll = (model: ModelId): ArenaEvent[] => {
      const e = eventsOf(model);
      const endpoint = (id: number) => ENDPOINTS[id % 3] ?? 'productos';
      return [
        ...Array.from({ length: 30 }, (_, id) => e.start(id, endpoint(id))),
        ...Array.from({ length: 7 }, (_, id) => e.arrived(id, endpoint(id), 10 + id)),
        e.failure(7, endpoint(7), 20, 'reset'),
        ...Array.from({ length: 30 }, (_, id) => id).filter((id) => id !== 7).map((id) => e.failure(id, endpoint(id), 21, 'discarded')),
        e.done(25, 0, 30),
      ];
    };
    const frame = frameOf(stateAt(droppedAll));
    expect(cardLine(frame, 9, 2)).not.toMatch(/held/);
    expect(frame).toMatch(/LOST 3/); // productos: 3 of its 7 arrivals
  });
});
