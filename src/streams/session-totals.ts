import { ENDPOINTS } from '../domain/endpoints.js';
import { isContender, type Contender } from '../domain/contender.js';
import { rowCounts } from './endpoint-row.js';
import type { ModelPanel } from './model-panel.js';
import { pushBounded } from './round-history.js';

/** Requests of one contender (a model on one executor) over every finished round of a dashboard session. */
export interface ModelTotals extends Contender {
  readonly delivered: number;
  /** Failed or cancelled. */
  readonly failed: number;
  /** Arrived intact, then dropped by the model. */
  readonly lost: number;
}

/** What a dashboard session came to: what the summary printed on quit reports. */
export interface SessionTotals {
  /** Rounds that finished. */
  readonly rounds: number;
  /** Wall time of the finished rounds, all models together (the most recent {@link SESSION_ROUND_TIMES}). */
  readonly roundTimes: readonly number[];
  readonly models: readonly ModelTotals[];
}

/** Round times the session summary keeps: enough for hours of rounds, bounded all the same. */
export const SESSION_ROUND_TIMES = 10_000;

/** A session before any round finished. */
export const emptySessionTotals = (contenders: readonly Contender[]): SessionTotals => ({
  rounds: 0,
  roundTimes: [],
  models: contenders.map(({ model, executor }) => ({ model, executor, delivered: 0, failed: 0, lost: 0 })),
});

/** Adds a finished round (its settled panels and wall time) to the session's totals. */
export const addRoundTotals = (totals: SessionTotals, panels: readonly ModelPanel[], roundMs: number): SessionTotals => ({
  rounds: totals.rounds + 1,
  roundTimes: pushBounded(totals.roundTimes, roundMs, SESSION_ROUND_TIMES),
  models: totals.models.map((sum) => {
    const panel = panels.find((p) => isContender(p, sum.model, sum.executor));
    if (!panel) return sum;
    let { delivered, failed, lost } = sum;
    for (const endpoint of ENDPOINTS) {
      const counts = rowCounts(panel.rows[endpoint]);
      delivered += counts.ok;
      failed += counts.failed + counts.cancelled;
      lost += counts.lost;
    }
    return { model: sum.model, executor: sum.executor, delivered, failed, lost };
  }),
});
