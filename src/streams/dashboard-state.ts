import type { Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap } from '../domain/fault-spec.js';
import type { ExecutorKind, LoadRequest } from '../domain/load-request.js';
import type { ModelId, Variant } from '../domain/models.js';
import { contendersOf } from '../domain/contender.js';
import type { TerminalSize } from './dashboard-actions.js';
import { startPanelRound, type ModelPanel } from './model-panel.js';
import { emptySessionTotals, type SessionTotals } from './session-totals.js';

/** What the dashboard shows, all of it derived from actions by {@link reduceDashboard}. */
export interface DashboardState {
  /** Base URL of the server under test. */
  readonly target: string;
  readonly size: TerminalSize;
  /** Rounds started so far (0 before the first). */
  readonly round: number;
  readonly running: boolean;
  /** Scheduler time when the current (or last) round started, and the latest clock reading. */
  readonly roundStartedAt: number;
  readonly now: number;
  /** Wall time of the last finished round, all models together. */
  readonly lastRoundMs?: number;
  /** Faults in force on the server (confirmed by the control API). */
  readonly faults: FaultMap;
  /** False when the target has no control API: fault keys do nothing. */
  readonly faultControl: boolean;
  readonly selected: Endpoint;
  /** The variant the next round uses. */
  readonly variant: Variant;
  readonly auto: boolean;
  readonly intervalMs: number;
  readonly help: boolean;
  /** The footer's latest message. */
  readonly message?: string;
  /** Requests per model per round (3 = the EcoMarket page). */
  readonly requests: number;
  /** The last round got no answer at all from the target (refused, unreachable); rounds back off meanwhile. */
  readonly targetDown: boolean;
  readonly panels: readonly ModelPanel[];
  /** Every finished round of the session, summed (printed on quit). */
  readonly totals: SessionTotals;
  /**
   * The variant and faults the rounds in the panels' histories ran with: the histories (sparkline,
   * p50/p95) restart when either changes, so they never mix correct, naive and faulted rounds.
   */
  readonly historyOf?: string;
}

/** What a dashboard starts from. */
export interface DashboardSettings {
  /** Base URL of the server under test. */
  readonly target: string;
  readonly models: readonly ModelId[];
  /** Executors of the thread-capable models (callbacks, futures), one panel each (default `['loop']`); the others always run on the loop. */
  readonly executors?: readonly ExecutorKind[];
  /** The load each model runs per round; its variant is the starting one. */
  readonly request: LoadRequest;
  /** Start the next round `intervalMs` after the previous one ended. */
  readonly auto: boolean;
  readonly intervalMs: number;
  readonly size: TerminalSize;
  /** Faults already in force on the server when the dashboard starts (default: none). */
  readonly faults?: FaultMap;
}

/** The message shown when fault keys cannot work. */
export const NO_CONTROL_MESSAGE = 'target has no control API; fault keys disabled';

/** The state before the first round. */
export const initialDashboardState = (settings: DashboardSettings, faultControl: boolean): DashboardState => ({
  target: settings.target,
  size: settings.size,
  round: 0,
  running: false,
  roundStartedAt: 0,
  now: 0,
  faults: settings.faults ?? NO_FAULTS,
  faultControl,
  selected: 'productos',
  variant: settings.request.variant,
  auto: settings.auto,
  intervalMs: settings.intervalMs,
  help: false,
  message: faultControl ? undefined : NO_CONTROL_MESSAGE,
  requests: settings.request.requests,
  targetDown: false,
  panels: contendersOf(settings.models, settings.executors).map((contender) => startPanelRound(contender, settings.request.requests)),
  totals: emptySessionTotals(contendersOf(settings.models, settings.executors)),
});

/**
 * Requests in flight per model by default. The dashboard runs four models in one client at once;
 * at --concurrency 1000, 100 each (400 in all) held the event loop for 140 ms at p99, 50 each keeps
 * it under 50 ms for rounds 17% longer (`npm run bench:dashboard -- --max-in-flight N`).
 */
export const DASHBOARD_MAX_IN_FLIGHT = 50;
