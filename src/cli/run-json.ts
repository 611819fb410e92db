import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { FailureReason } from '../domain/events.js';
import type { ModelId, Variant } from '../domain/models.js';
import type { LoadSummary, Outcome, RequestOutcome } from '../domain/outcomes.js';

/**
 * One endpoint in `run --json`. With one request per endpoint (the default 3 requests) it is that
 * request: outcome, and reason/status/latencyMs/items when known. With more, it aggregates the
 * endpoint's requests: `outcome` is the worst (lost > failed > ok), `reason` the most frequent failure
 * reason, `status` omitted, `latencyMs` the median latency of the delivered ones, `items` the total
 * delivered, plus the counts `requests`, `ok`, `failed`, `lost`.
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
}

/** What `async-arena run --json` prints. */
export interface RunJson {
  readonly model: ModelId;
  readonly variant: Variant;
  readonly totalMs: number;
  readonly endpoints: Readonly<Record<Endpoint, RunEndpointJson>>;
}

const round = (value: number | undefined): number | undefined => (value === undefined ? undefined : Math.round(value * 10) / 10);

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const single = (r: RequestOutcome): RunEndpointJson => ({ outcome: r.outcome, reason: r.reason, status: r.status, latencyMs: round(r.latencyMs), items: r.items });

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
    latencyMs: round(median(delivered.map((r) => r.latencyMs ?? 0))),
    items: delivered.reduce((sum, r) => sum + (r.items ?? 0), 0),
    requests: requests.length,
    ok,
    failed,
    lost,
  };
};

/** The `run --json` object of a load summary (undefined fields are left out by JSON.stringify). */
export const runJson = (summary: LoadSummary, variant: Variant): RunJson => {
  const endpoints = Object.fromEntries(
    ENDPOINTS.map((endpoint) => {
      const requests = summary.requests.filter((r) => r.endpoint === endpoint);
      return [endpoint, requests.length === 1 ? single(requests[0] as RequestOutcome) : aggregate(requests)];
    }),
  ) as Record<Endpoint, RunEndpointJson>;
  return { model: summary.model, variant, totalMs: Math.round(summary.totalMs * 10) / 10, endpoints };
};
