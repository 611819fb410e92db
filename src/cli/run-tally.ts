import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { ArenaEvent, FailureEvent, FailureReason, SuccessEvent } from '../domain/events.js';
import type { ModelId } from '../domain/models.js';
import type { Outcome } from '../domain/outcomes.js';

/** One request as `run` reports it alone (a load of at most one request per endpoint). */
export interface RunRequest {
  readonly outcome: Outcome;
  readonly reason?: FailureReason;
  readonly status?: number;
  readonly latencyMs?: number;
  readonly items?: number;
  /** The thread that ran the final attempt (0: the event loop, or no thread said). */
  readonly threadId: number;
}

/** One endpoint's requests in a `run`, as counts and the few values its report needs. */
export interface RunEndpointTotals {
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
  readonly lost: number;
  /** Items delivered, summed. */
  readonly items: number;
  /** The latencies of the delivered requests, in no particular order (8 bytes each: the one per-request datum kept, for an exact median). */
  readonly deliveredLatencies: readonly number[];
  /** The most frequent failure reason of the requests not delivered; a tie goes to the reason of the lowest request id. */
  readonly reason?: FailureReason;
  /** The distinct threads that ran the requests' final attempts, ascending (0: the event loop). */
  readonly threadIds: readonly number[];
  /** The endpoint's lowest-numbered request, in full. */
  readonly first: RunRequest;
}

/** What `run` prints of a load: its totals, and per endpoint that received requests, {@link RunEndpointTotals}. */
export interface RunTotals {
  readonly model: ModelId;
  readonly totalMs: number;
  /** Requests that had at least one event. */
  readonly requests: number;
  readonly delivered: number;
  readonly failed: number;
  readonly lost: number;
  readonly endpoints: Readonly<Partial<Record<Endpoint, RunEndpointTotals>>>;
}

// One small integer of state per request: all `run` keeps of a request until the load ends, since a
// naive load's response may arrive after the request has failed (which makes it lost, not failed).
const ARRIVED = 1;
const DELIVERED = 2;
const FAILED = 4;
/** The request's endpoint, as its index in ENDPOINTS, sits above the flags. */
const ENDPOINT_SHIFT = 3;

/** What a request with no final event reports: the load ended (or was cancelled) first. */
const NO_FINAL = { reason: 'canceled', threadId: 0 } as const satisfies Omit<RunRequest, 'outcome'>;

/** A request's final outcome from its state: the `isLost` rule (arrived, then not delivered). */
const outcomeOf = (state: number): Outcome => (state & DELIVERED ? 'ok' : state & ARRIVED ? 'lost' : 'failed');

/** What only the end of the load tells about one endpoint: each request's outcome, and the requests with no final event. */
interface EndpointEnd {
  readonly outcomes: Record<Outcome, number>;
  /** The state of the endpoint's lowest-numbered request. */
  firstState: number;
  canceled: number;
  canceledLowestId: number;
}

/** One endpoint's running counts. */
class EndpointTally {
  requests = 0;
  items = 0;
  readonly deliveredLatencies: number[] = [];
  readonly reasons = new Map<FailureReason, { count: number; lowestId: number }>();
  readonly threadIds = new Set<number>();
  firstId = Number.POSITIVE_INFINITY;
  firstFinal?: { readonly requestId: number; readonly request: Omit<RunRequest, 'outcome'> };

  /** A delivered request. */
  success(event: SuccessEvent): void {
    this.items += event.items;
    this.deliveredLatencies.push(event.latencyMs);
    this.final(event, () => ({ status: event.status, latencyMs: event.latencyMs, items: event.items, threadId: event.threadId ?? 0 }));
  }

  /** A request's final failure (failed, or lost if its response arrived). */
  failure(event: FailureEvent): void {
    const seen = this.reasons.get(event.reason);
    if (seen) {
      seen.count += 1;
      seen.lowestId = Math.min(seen.lowestId, event.requestId);
    } else this.reasons.set(event.reason, { count: 1, lowestId: event.requestId });
    this.final(event, () => ({ reason: event.reason, status: event.status, latencyMs: event.latencyMs, threadId: event.threadId ?? 0 }));
  }

  /** Any final event: its thread, and the whole request if it is the lowest-numbered so far. */
  private final({ requestId, threadId = 0 }: SuccessEvent | FailureEvent, request: () => Omit<RunRequest, 'outcome'>): void {
    this.threadIds.add(threadId);
    if (requestId < (this.firstFinal?.requestId ?? Number.POSITIVE_INFINITY)) this.firstFinal = { requestId, request: request() };
  }

  totals({ outcomes, firstState, canceled, canceledLowestId }: EndpointEnd): RunEndpointTotals {
    const reasons = new Map([...this.reasons].map(([reason, { count, lowestId }]) => [reason, { count, lowestId }]));
    const threadIds = new Set(this.threadIds);
    if (canceled > 0) {
      const seen = reasons.get(NO_FINAL.reason);
      reasons.set(NO_FINAL.reason, { count: canceled + (seen?.count ?? 0), lowestId: Math.min(canceledLowestId, seen?.lowestId ?? Number.POSITIVE_INFINITY) });
      threadIds.add(NO_FINAL.threadId);
    }
    const [commonest] = [...reasons].sort(([, a], [, b]) => b.count - a.count || a.lowestId - b.lowestId);
    const first = this.firstFinal?.requestId === this.firstId ? this.firstFinal.request : NO_FINAL;
    return {
      requests: this.requests,
      ...outcomes,
      items: this.items,
      deliveredLatencies: this.deliveredLatencies,
      reason: commonest?.[0],
      threadIds: [...threadIds].sort((a, b) => a - b),
      first: { outcome: outcomeOf(firstState), ...first },
    };
  }
}

/**
 * The fold behind `run` and `run --json`: a load's events, added as they come, make its
 * {@link RunTotals}, with the outcomes of `summarizeLoad` (ok; lost: arrived, then not delivered;
 * failed; no final event: `canceled`). It keeps no event and no object per request, only a small
 * integer per request and each delivered latency (for an exact median): ~2 MB for a load of
 * 100 000 requests, where `LoadSummaryFold`'s records cost ~20 MB that stay live (and promoted to the
 * old generation) until the load ends. Relies on each request having at most one final event
 * (`success` or `failure`), which the models' `LoadEvents` guarantees.
 *
 * @example
 * const tally = new RunTally('callbacks');
 * events$.subscribe((event) => tally.add(event));
 * tally.totals().delivered;
 */
export class RunTally {
  private readonly states = new Map<number, number>();
  private readonly endpoints = ENDPOINTS.map(() => new EndpointTally());
  private totalMs = 0;

  constructor(readonly model: ModelId) {}

  /** Takes one more event of the load into account. */
  add(event: ArenaEvent): void {
    if (event.type === 'done') {
      this.totalMs = event.totalMs;
      return;
    }
    this.totalMs = Math.max(this.totalMs, event.at);
    const { requestId } = event;
    const index = ENDPOINTS.indexOf(event.endpoint);
    const tally = this.endpoints[index] as EndpointTally;
    let state = this.states.get(requestId);
    if (state === undefined) {
      state = index << ENDPOINT_SHIFT;
      tally.requests += 1;
      tally.firstId = Math.min(tally.firstId, requestId);
    }
    if (event.type === 'arrived') state |= ARRIVED;
    else if (event.type === 'success') {
      state |= DELIVERED;
      tally.success(event);
    } else if (event.type === 'failure') {
      state |= FAILED;
      tally.failure(event);
    }
    this.states.set(requestId, state);
  }

  /** The totals of the events added so far; a request with no final event counts as `canceled`. */
  totals(): RunTotals {
    const ends: EndpointEnd[] = ENDPOINTS.map(() => ({ outcomes: { ok: 0, failed: 0, lost: 0 }, firstState: 0, canceled: 0, canceledLowestId: Number.POSITIVE_INFINITY }));
    for (const [requestId, state] of this.states) {
      const index = state >> ENDPOINT_SHIFT;
      const end = ends[index] as EndpointEnd;
      end.outcomes[outcomeOf(state)] += 1;
      if (requestId === this.endpoints[index]?.firstId) end.firstState = state;
      if (!(state & (DELIVERED | FAILED))) {
        end.canceled += 1;
        end.canceledLowestId = Math.min(end.canceledLowestId, requestId);
      }
    }
    const endpoints = Object.fromEntries(
      ENDPOINTS.flatMap((endpoint, index) => {
        const tally = this.endpoints[index] as EndpointTally;
        return tally.requests === 0 ? [] : [[endpoint, tally.totals(ends[index] as EndpointEnd)]];
      }),
    ) as Partial<Record<Endpoint, RunEndpointTotals>>;
    const sum = (outcome: Outcome): number => ends.reduce((total, end) => total + end.outcomes[outcome], 0);
    return { model: this.model, totalMs: this.totalMs, requests: this.states.size, delivered: sum('ok'), failed: sum('failed'), lost: sum('lost'), endpoints };
  }
}
