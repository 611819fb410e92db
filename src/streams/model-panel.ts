import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { ArenaEvent, FailureReason } from '../domain/events.js';
import type { Contender } from '../domain/contender.js';
import { emptyRow, reduceRow, rowCounts, settleRow, type EndpointRow } from './endpoint-row.js';
import { pushBounded } from './round-history.js';
import { appendSample, emptySampleLog, type SampleLog } from './sample-log.js';

/** Everything one contender's panel shows (a model on one executor): this round's rows and the recent round times. */
export interface ModelPanel extends Contender {
  readonly rows: Readonly<Record<Endpoint, EndpointRow>>;
  /** The model reported `done` this round. */
  readonly done: boolean;
  /** The round time the model reported. */
  readonly totalMs?: number;
  /** Round times of recent rounds, oldest first (bounded). */
  readonly history: readonly number[];
  /** Latencies (ms) of the responses the model delivered this round, in arrival order (for the latency histogram). */
  readonly latencies: SampleLog;
  /** Final failures of this round by reason (e.g. `{ timeout: 12, reset: 3 }`). */
  readonly failureReasons: Readonly<Partial<Record<FailureReason, number>>>;
}

/** How many of `requests` (spread round-robin over the endpoints) go to each endpoint. */
export const requestsPerEndpoint = (requests: number): Record<Endpoint, number> =>
  Object.fromEntries(ENDPOINTS.map((endpoint, index) => [endpoint, Math.floor(requests / ENDPOINTS.length) + (index < requests % ENDPOINTS.length ? 1 : 0)])) as Record<Endpoint, number>;

const mapRows = (rows: Readonly<Record<Endpoint, EndpointRow>>, f: (row: EndpointRow) => EndpointRow): Record<Endpoint, EndpointRow> =>
  Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, f(rows[endpoint])])) as Record<Endpoint, EndpointRow>;

/** A panel with fresh rows for a round of `requests` requests, keeping the history. */
export const startPanelRound = ({ model, executor }: Contender, requests: number, history: readonly number[] = []): ModelPanel => {
  const perEndpoint = requestsPerEndpoint(requests);
  const rows = Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, emptyRow(perEndpoint[endpoint])])) as Record<Endpoint, EndpointRow>;
  return { model, executor, rows, done: false, history, latencies: emptySampleLog(), failureReasons: {} };
};

/** Folds one of the model's events into its panel. */
export const reducePanel = (panel: ModelPanel, event: ArenaEvent): ModelPanel => {
  if (event.type === 'done') {
    if (panel.done) return panel;
    return { ...panel, rows: mapRows(panel.rows, (row) => settleRow(row, event.at)), done: true, totalMs: event.totalMs, history: pushBounded(panel.history, event.totalMs) };
  }
  const rows = { ...panel.rows, [event.endpoint]: reduceRow(panel.rows[event.endpoint], event) };
  if (event.type === 'success') return { ...panel, rows, latencies: appendSample(panel.latencies, event.latencyMs) };
  if (event.type === 'failure') return { ...panel, rows, failureReasons: { ...panel.failureReasons, [event.reason]: (panel.failureReasons[event.reason] ?? 0) + 1 } };
  return { ...panel, rows };
};

/** Closes the round for a model that never reported `done` (its load was cut short), `at` ms after the round started. */
export const settlePanel = (panel: ModelPanel, at?: number): ModelPanel => (panel.done ? panel : { ...panel, rows: mapRows(panel.rows, (row) => settleRow(row, at)) });

/** A panel's totals: delivered out of requested, and whether data was lost. */
export const panelTotals = (panel: ModelPanel): { readonly delivered: number; readonly requests: number; readonly lost: number } => {
  let delivered = 0;
  let requests = 0;
  let lost = 0;
  for (const endpoint of ENDPOINTS) {
    const counts = rowCounts(panel.rows[endpoint]);
    delivered += counts.ok;
    lost += counts.lost;
    requests += panel.rows[endpoint].requests;
  }
  return { delivered, requests, lost };
};

/**
 * Requests the model finished (delivered or failed) per second of this round: over its round time
 * once done, over `elapsedMs` (time since the round started) while it runs; 0 before any time passed.
 */
export const requestsPerSecond = (panel: ModelPanel, elapsedMs: number): number => {
  let finished = 0;
  for (const endpoint of ENDPOINTS) finished += panel.rows[endpoint].ok + panel.rows[endpoint].failures;
  const ms = panel.done && panel.totalMs !== undefined ? panel.totalMs : elapsedMs;
  return ms > 0 ? (finished * 1000) / ms : 0;
};
