import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS, type ModelId } from '../../src/domain/models.js';
import type { DashboardAction, TerminalSize } from '../../src/streams/dashboard-actions.js';
import { initialDashboardState, type DashboardState } from '../../src/streams/dashboard-state.js';
import { reduceDashboard } from '../../src/streams/reduce-dashboard.js';

/** A dashboard state after one round (started at 0, ended at `endAt`) in which each model emitted the given events. */
export const stateAfterRound = (eventsFor: (model: ModelId) => ArenaEvent[], options: { size?: TerminalSize; variant?: 'correct' | 'naive'; endAt?: number; extra?: DashboardAction[] } = {}): DashboardState => {
  const initial = initialDashboardState(
    { target: 'http://127.0.0.1:4000', models: MODEL_IDS, request: loadRequest({ variant: options.variant ?? 'correct' }), auto: true, intervalMs: 2000, size: options.size ?? { columns: 80, rows: 24 } },
    true,
  );
  const actions: DashboardAction[] = [
    { type: 'round-started', at: 0, variant: options.variant ?? 'correct' },
    ...MODEL_IDS.flatMap((model) => eventsFor(model).map((event): DashboardAction => ({ type: 'arena-event', event }))),
    ...(options.endAt === undefined ? [] : [{ type: 'round-ended', at: options.endAt } as const]),
    ...(options.extra ?? []),
  ];
  return actions.reduce(reduceDashboard, initial);
};
