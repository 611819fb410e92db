import { isContender } from '../domain/contender.js';
import type { DashboardAction } from './dashboard-actions.js';
import type { DashboardState } from './dashboard-state.js';
import { applyFaultOp } from './fault-plan.js';
import { reducePanel, settlePanel, startPanelRound } from './model-panel.js';
import { addRoundTotals } from './session-totals.js';

/** The dashboard's reducer: pure, one case per action. */
export const reduceDashboard = (state: DashboardState, action: DashboardAction): DashboardState => {
  switch (action.type) {
    case 'round-started': {
      const historyOf = `${action.variant} ${JSON.stringify(state.faults)}`;
      const keep = historyOf === state.historyOf;
      return {
        ...state,
        round: state.round + 1,
        running: true,
        roundStartedAt: action.at,
        now: action.at,
        historyOf,
        panels: state.panels.map((panel) => startPanelRound(panel, state.requests, keep ? panel.history : [])),
      };
    }
    case 'arena-event': {
      const { event, executor = 'loop' } = action;
      // An event's `at` counts from its load's start, which is the round's start: the clock moves with
      // the results, not only on the next tick (else it reads 0ms while the first results are in).
      const now = Math.max(state.now, state.roundStartedAt + event.at);
      return { ...state, now, panels: state.panels.map((panel) => (isContender(panel, event.model, executor) ? reducePanel(panel, event) : panel)) };
    }
    case 'round-ended': {
      const lastRoundMs = action.at - state.roundStartedAt;
      const panels = state.panels.map((panel) => settlePanel(panel, lastRoundMs));
      return { ...state, running: false, now: action.at, lastRoundMs, panels, totals: addRoundTotals(state.totals, panels, lastRoundMs) };
    }
    case 'tick':
      return { ...state, now: action.at };
    case 'fault-changed':
      return { ...state, faults: applyFaultOp(state.faults, action.op) };
    case 'variant-changed':
      return { ...state, variant: action.variant };
    case 'auto-changed':
      return { ...state, auto: action.auto };
    case 'selected':
      return { ...state, selected: action.endpoint };
    case 'help-toggled':
      return { ...state, help: !state.help };
    case 'message':
      return { ...state, message: action.text };
    case 'resized':
      return { ...state, size: action.size };
    case 'target-down':
      return { ...state, targetDown: true, message: `target down: ${action.why}; next round in ${(action.retryInMs / 1000).toFixed(1)} s` };
    case 'target-back':
      return { ...state, targetDown: false, message: 'target is back: it answers again' };
  }
};
