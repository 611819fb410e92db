import { ENDPOINTS, type Endpoint } from './endpoints.js';
import type { ArenaEvent, FailureReason } from './events.js';
import { isLost } from './lost.js';
import type { ModelId } from './models.js';

/** What became of a request: delivered, failed, or answered successfully and then lost by the model. */
export type Outcome = 'ok' | 'failed' | 'lost';

/** The final state of one request of a load. */
export interface RequestOutcome {
  readonly requestId: number;
  readonly endpoint: Endpoint;
  readonly outcome: Outcome;
  /** Attempts actually sent (1 + retries used). */
  readonly attempts: number;
  readonly latencyMs?: number;
  readonly items?: number;
  readonly status?: number;
  readonly reason?: FailureReason;
  readonly message?: string;
  /** The worker thread that ran the final attempt (`threads` executor only). */
  readonly threadId?: number;
}

/** Per-endpoint totals of a load. */
export interface EndpointTally {
  readonly ok: number;
  readonly failed: number;
  readonly lost: number;
  readonly reasons: Readonly<Partial<Record<FailureReason, number>>>;
}

/** Everything one model's load came to. */
export interface LoadSummary {
  readonly model: ModelId;
  readonly totalMs: number;
  /** When the first success was delivered (ms since start), if any. */
  readonly firstResultMs?: number;
  readonly requests: readonly RequestOutcome[];
  readonly endpoints: Readonly<Record<Endpoint, EndpointTally>>;
  readonly delivered: number;
  readonly failed: number;
  readonly lost: number;
  /** Requests actually sent, retries included. */
  readonly attempts: number;
  /** True when every request that arrived intact was delivered (nothing lost). */
  readonly preserved: boolean;
}

interface Draft {
  endpoint: Endpoint;
  attempts: number;
  arrived: boolean;
  final?: RequestOutcome;
}

/**
 * The summary of a load folded event by event, so that a load of any size keeps one small draft per
 * request and never its events (a request makes 3 or more: start, arrived, success…). `add` each event
 * as it comes, then read {@link LoadSummaryFold.summary}; {@link summarizeLoad} is the same over an array.
 *
 * @example
 * const fold = new LoadSummaryFold('callbacks');
 * events$.subscribe((event) => fold.add(event));
 * fold.summary().delivered;
 */
export class LoadSummaryFold {
  private readonly drafts = new Map<number, Draft>();
  private totalMs = 0;
  private firstResultMs: number | undefined;

  constructor(readonly model: ModelId) {}

  /** Takes one more event of the load into account. */
  add(event: ArenaEvent): void {
    if (event.type === 'done') {
      this.totalMs = event.totalMs;
      return;
    }
    let d = this.drafts.get(event.requestId);
    if (!d) this.drafts.set(event.requestId, (d = { endpoint: event.endpoint, attempts: 0, arrived: false }));
    this.totalMs = Math.max(this.totalMs, event.at);
    if (event.type === 'start') d.attempts += 1;
    else if (event.type === 'arrived') d.arrived = true;
    else if (event.type === 'success') {
      this.firstResultMs ??= event.at;
      d.final = { requestId: event.requestId, endpoint: event.endpoint, outcome: 'ok', attempts: 0, latencyMs: event.latencyMs, items: event.items, status: event.status, threadId: event.threadId };
    } else if (event.type === 'failure') {
      d.final = { requestId: event.requestId, endpoint: event.endpoint, outcome: 'failed', attempts: 0, latencyMs: event.latencyMs, reason: event.reason, status: event.status, message: event.message, threadId: event.threadId };
    }
  }

  /** The summary of the events added so far (see {@link summarizeLoad}). */
  summary(): LoadSummary {
    return summaryOf(this.model, this.drafts, this.totalMs, this.firstResultMs);
  }
}

/**
 * Folds an instrumented load's events into per-request outcomes. A request is `ok` when the model
 * delivered it, `lost` when its response arrived intact but the model did not deliver it ({@link isLost}),
 * and `failed` otherwise (a request with no final event counts as `canceled`).
 */
export const summarizeLoad = (model: ModelId, events: readonly ArenaEvent[]): LoadSummary => {
  const fold = new LoadSummaryFold(model);
  for (const event of events) fold.add(event);
  return fold.summary();
};

const summaryOf = (model: ModelId, drafts: ReadonlyMap<number, Draft>, totalMs: number, firstResultMs: number | undefined): LoadSummary => {
  const requests = [...drafts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([requestId, d]): RequestOutcome => {
      const final = d.final ?? { requestId, endpoint: d.endpoint, outcome: 'failed', attempts: 0, reason: 'canceled', message: 'no result before the load ended' };
      const delivered = final.outcome === 'ok';
      const outcome = delivered ? 'ok' : isLost({ arrived: d.arrived, delivered }) ? 'lost' : 'failed';
      return { ...final, outcome, attempts: d.attempts };
    });
  const endpoints = Object.fromEntries(ENDPOINTS.map((e) => [e, { ok: 0, failed: 0, lost: 0, reasons: {} }])) as Record<Endpoint, { ok: number; failed: number; lost: number; reasons: Partial<Record<FailureReason, number>> }>;
  for (const r of requests) {
    const tally = endpoints[r.endpoint];
    tally[r.outcome] += 1;
    if (r.outcome !== 'ok' && r.reason) tally.reasons[r.reason] = (tally.reasons[r.reason] ?? 0) + 1;
  }
  const count = (o: Outcome) => requests.filter((r) => r.outcome === o).length;
  const lost = count('lost');
  return {
    model,
    totalMs,
    firstResultMs,
    requests,
    endpoints,
    delivered: count('ok'),
    failed: count('failed'),
    lost,
    attempts: requests.reduce((sum, r) => sum + r.attempts, 0),
    preserved: lost === 0,
  };
};
