import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { FailureReason } from '../domain/events.js';
import type { ExecutorKind } from '../domain/load-request.js';
import type { ModelId, Variant } from '../domain/models.js';
import type { Outcome } from '../domain/outcomes.js';
import { median } from '../compare/stats/descriptive.js';
import type { RunEndpointTotals, RunTotals } from './run-tally.js';

/**
 * One endpoint in `run --json` (endpoints that received no request are left out). In a load of at
 * most 3 requests (the default: one per endpoint) it is that request: outcome, and
 * reason/status/latencyMs/items when known. In a larger load every endpoint aggregates its requests:
 * `outcome` is the worst (lost > failed > ok), `reason` the most frequent failure reason, `status`
 * omitted, `latencyMs` the median latency of the delivered ones, `items` the total delivered, plus
 * the counts `requests`, `ok`, `failed`, `lost`. `threadId` is the thread that ran the request's final
 * attempt (0: the event loop, or no thread said); an aggregate lists the distinct ones in `threadIds`.
 */
export interface RunEndpointJson {
  readonly outcome: Outcome;
  readonly reason?: FailureReason;
  readonly status?: number;
  readonly latencyMs?: number;
  readonly items?: number;
  readonly requests?: number;
  readonly ok?: number;
  readonly failed?: number;
  readonly lost?: number;
  readonly threadId?: number;
  readonly threadIds?: readonly number[];
}

/** What `async-arena run --json` prints; a naive run also names the mistake that makes it lose data. */
export interface RunJson {
  readonly model: ModelId;
  readonly variant: Variant;
  /** Where the requests ran: `loop` or `threads`. */
  readonly executor: ExecutorKind;
  readonly naiveMistake?: string;
  readonly totalMs: number;
  readonly endpoints: Readonly<Partial<Record<Endpoint, RunEndpointJson>>>;
}

const round = (value: number | undefined): number | undefined => (value === undefined ? undefined : Math.round(value * 10) / 10);

const single = ({ first: r }: RunEndpointTotals): RunEndpointJson => ({ outcome: r.outcome, reason: r.reason, status: r.status, latencyMs: round(r.latencyMs), items: r.items, threadId: r.threadId });

const aggregate = (totals: RunEndpointTotals): RunEndpointJson => {
  const { ok, failed, lost, deliveredLatencies } = totals;
  return {
    outcome: lost > 0 ? 'lost' : failed > 0 ? 'failed' : 'ok',
    reason: totals.reason,
    latencyMs: deliveredLatencies.length > 0 ? round(median(deliveredLatencies)) : undefined,
    items: totals.items,
    requests: totals.requests,
    ok,
    failed,
    lost,
    threadIds: totals.threadIds,
  };
};

/**
 * The `run --json` object of a load's totals (undefined fields are left out by JSON.stringify);
 * `naiveMistake` is included when the variant is naive; `executor` says where the requests ran (default `loop`).
 */
export const runJson = (totals: RunTotals, variant: Variant, naiveMistake?: string, executor: ExecutorKind = 'loop'): RunJson => {
  const shape = totals.requests > ENDPOINTS.length ? aggregate : single;
  const endpoints = Object.fromEntries(ENDPOINTS.flatMap((endpoint) => (totals.endpoints[endpoint] === undefined ? [] : [[endpoint, shape(totals.endpoints[endpoint])]])));
  return { model: totals.model, variant, executor, naiveMistake: variant === 'naive' ? naiveMistake : undefined, totalMs: round(totals.totalMs) as number, endpoints };
};
