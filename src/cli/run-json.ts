import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { FailureReason } from '../domain/events.js';
import type { ExecutorKind } from '../domain/load-request.js';
import type { ModelId, Variant } from '../domain/models.js';
import type { LoadSummary, Outcome, RequestOutcome } from '../domain/outcomes.js';
import { median } from '../compare/stats/descriptive.js';

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

const single = (r: RequestOutcome): RunEndpointJson => ({ outcome: r.outcome, reason: r.reason, status: r.status, latencyMs: round(r.latencyMs), items: r.items, threadId: r.threadId ?? 0 });

const aggregate = (requests: readonly RequestOutcome[]): RunEndpointJson => {
  const count = (outcome: Outcome) => requests.filter((r) => r.outcome === outcome).length;
  const [ok, failed, lost] = [count('ok'), count('failed'), count('lost')];
  const delivered = requests.filter((r) => r.outcome === 'ok');
  const reasons = new Map<FailureReason, number>();
  for (const r of requests) if (r.outcome !== 'ok' && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const reason = [...reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    outcome: lost > 0 ? 'lost' : failed > 0 ? 'failed' : 'ok',
    reason,
    latencyMs: delivered.length > 0 ? round(median(delivered.map((r) => r.latencyMs ?? 0))) : undefined,
    items: delivered.reduce((sum, r) => sum + (r.items ?? 0), 0),
    requests: requests.length,
    ok,
    failed,
    lost,
    threadIds: [...new Set(requests.map((r) => r.threadId ?? 0))].sort((a, b) => a - b),
  };
};

/**
 * The `run --json` object of a load summary (undefined fields are left out by JSON.stringify);
 * `naiveMistake` is included when the variant is naive; `executor` says where the requests ran (default `loop`).
 */
export const runJson = (summary: LoadSummary, variant: Variant, naiveMistake?: string, executor: ExecutorKind = 'loop'): RunJson => {
  const shape = summary.requests.length > ENDPOINTS.length ? aggregate : (requests: readonly RequestOutcome[]) => single(requests[0] as RequestOutcome);
  const endpoints = Object.fromEntries(
    ENDPOINTS.flatMap((endpoint) => {
      const requests = summary.requests.filter((r) => r.endpoint === endpoint);
      return requests.length === 0 ? [] : [[endpoint, shape(requests)]];
    }),
  );
  return { model: summary.model, variant, executor, naiveMistake: variant === 'naive' ? naiveMistake : undefined, totalMs: round(summary.totalMs) as number, endpoints };
};
