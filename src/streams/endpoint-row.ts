import type { ArrivalEvent, FailureReason, RequestEvent } from '../domain/events.js';
import { lostCount } from '../domain/lost.js';

/**
 * Counters for one endpoint of one model in one round. The same shape serves one request or a
 * thousand (`--concurrency`): memory is O(endpoints), never O(requests).
 */
export interface EndpointRow {
  /** Requests of the round aimed at this endpoint. */
  readonly requests: number;
  /** `start` events (every attempt). */
  readonly attempts: number;
  /** `start` events of retries (attempt > 1). */
  readonly retryStarts: number;
  /** `retry` events: attempts that failed and were rescheduled. */
  readonly retries: number;
  readonly ok: number;
  /** Final `failure` events. */
  readonly failures: number;
  /** Of those, failures the model gave up on itself (`canceled`). */
  readonly canceled: number;
  /** Responses that reached the client intact (ground truth, not the model's word). */
  readonly arrived: number;
  /** Highest attempt number started. */
  readonly maxAttempt: number;
  /** When the first attempt started and the last result came, ms since the round started. */
  readonly firstStartAt?: number;
  readonly lastStartAt?: number;
  readonly lastEndAt?: number;
  /** Latency of the last delivered response. */
  readonly latencyMs?: number;
  /** Items delivered, summed. */
  readonly items: number;
  readonly lastFailure?: { readonly reason: FailureReason; readonly status?: number };
  /** The model finished its load: requests with no final event count as canceled from now on. */
  readonly settled: boolean;
  /** What happened to the row's request, in order, for the marble timeline: only for a row of one request, at most {@link MAX_MARKS}. */
  readonly marks: readonly TimelineMark[];
}

/** A moment in the life of one request: an attempt started, failed and was retried, the response arrived, was delivered, failed, or was lost. */
export type MarkKind = 'start' | 'retry' | 'arrived' | 'delivered' | 'failed' | 'lost';

/** One mark of the marble timeline: what happened, and when (ms since the round started). */
export interface TimelineMark {
  readonly kind: MarkKind;
  readonly at: number;
}

/** Marks one row keeps (a request retried many times keeps its first ones): memory stays O(endpoints). */
export const MAX_MARKS = 32;

const withMark = (row: EndpointRow, kind: MarkKind, at: number): readonly TimelineMark[] =>
  row.requests === 1 && row.marks.length < MAX_MARKS ? [...row.marks, { kind, at }] : row.marks;

/** A row before anything happened. */
export const emptyRow = (requests: number): EndpointRow => ({
  requests,
  attempts: 0,
  retryStarts: 0,
  retries: 0,
  ok: 0,
  failures: 0,
  canceled: 0,
  arrived: 0,
  maxAttempt: 0,
  items: 0,
  settled: false,
  marks: [],
});

/** Folds one request event (or arrival) into the row. */
export const reduceRow = (row: EndpointRow, event: RequestEvent | ArrivalEvent): EndpointRow => {
  switch (event.type) {
    case 'start':
      return {
        ...row,
        attempts: row.attempts + 1,
        retryStarts: row.retryStarts + (event.attempt > 1 ? 1 : 0),
        maxAttempt: Math.max(row.maxAttempt, event.attempt),
        firstStartAt: row.firstStartAt ?? event.at,
        lastStartAt: event.at,
        marks: withMark(row, 'start', event.at),
      };
    case 'arrived':
      return { ...row, arrived: row.arrived + 1, marks: withMark(row, 'arrived', event.at) };
    case 'retry':
      return { ...row, retries: row.retries + 1, marks: withMark(row, 'retry', event.at) };
    case 'success':
      return { ...row, ok: row.ok + 1, items: row.items + event.items, latencyMs: event.latencyMs, lastEndAt: Math.max(row.lastEndAt ?? 0, event.at), marks: withMark(row, 'delivered', event.at) };
    case 'failure':
      return {
        ...row,
        // A response that arrived and ends undelivered is lost (a naive variant dropped it), not failed.
        marks: withMark(row, row.arrived > row.ok ? 'lost' : 'failed', event.at),
        failures: row.failures + 1,
        canceled: row.canceled + (event.reason === 'canceled' ? 1 : 0),
        lastFailure: { reason: event.reason, status: event.status },
        lastEndAt: Math.max(row.lastEndAt ?? 0, event.at),
      };
  }
};

/**
 * Marks the row's load as over, `at` ms after the round started when known: a response that
 * arrived and never got a final event is marked lost then.
 */
export const settleRow = (row: EndpointRow, at?: number): EndpointRow => {
  if (row.settled) return row;
  const dropped = at !== undefined && row.arrived > row.ok && row.ok + row.failures < row.requests;
  return { ...row, settled: true, marks: dropped ? withMark(row, 'lost', at) : row.marks };
};

/** Where a row's requests stand. The counts add up to `requests` once the row is settled. */
export interface RowCounts {
  readonly waiting: number;
  readonly inFlight: number;
  /** Arrived intact at the client, not yet delivered by the model (nor final). */
  readonly held: number;
  readonly retrying: number;
  readonly ok: number;
  /** Failed, canceled excluded. */
  readonly failed: number;
  readonly cancelled: number;
  /** Arrived intact but not delivered by the model (`lostCount`, the same rule as summarizeLoad's `lost`). */
  readonly lost: number;
}

const atLeastZero = (n: number): number => Math.max(0, n);

/**
 * Derives the counts from the row, with the domain's one meaning of lost (`lostCount`): a request
 * that arrived but ended undelivered is lost; once settled, a request with no final event is
 * canceled (or lost, if it arrived). Assumes, like the transport, that a request arrives at most once.
 */
export const rowCounts = (row: EndpointRow): RowCounts => {
  const unfinished = row.settled ? atLeastZero(row.requests - row.ok - row.failures) : 0;
  const unresolved = row.failures + unfinished;
  const lost = lostCount({ arrived: row.arrived, delivered: row.ok, undelivered: unresolved });
  const cancelled = Math.min(unresolved - lost, row.canceled + unfinished);
  const retrying = row.settled ? 0 : atLeastZero(row.retries - row.retryStarts);
  const open = row.settled ? 0 : atLeastZero(row.attempts - row.retries - row.ok - row.failures);
  const held = Math.min(open, atLeastZero(row.arrived - row.ok - lost));
  const waiting = row.settled ? 0 : atLeastZero(row.requests - (row.attempts - row.retryStarts));
  return { waiting, inFlight: open - held, held, retrying, ok: row.ok, failed: unresolved - lost - cancelled, cancelled, lost };
};

/** The state of a one-request row, as the dashboard shows it. */
export type RowStatus =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'in-flight'; readonly startedAt: number; readonly attempt: number }
  | { readonly kind: 'held' }
  | { readonly kind: 'retrying'; readonly attempt: number }
  | { readonly kind: 'ok'; readonly latencyMs: number; readonly items: number }
  | { readonly kind: 'failed'; readonly reason: FailureReason; readonly status?: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'lost' };

/** The single status of a row; with several requests, the most telling one (lost, failed, in flight, …). */
export const rowStatus = (row: EndpointRow): RowStatus => {
  const counts = rowCounts(row);
  if (counts.lost > 0) return { kind: 'lost' };
  if (counts.failed > 0) return { kind: 'failed', reason: row.lastFailure?.reason ?? 'canceled', status: row.lastFailure?.status };
  if (counts.cancelled > 0) return { kind: 'cancelled' };
  if (counts.held > 0) return { kind: 'held' };
  if (counts.inFlight > 0) return { kind: 'in-flight', startedAt: row.lastStartAt ?? 0, attempt: row.maxAttempt };
  if (counts.retrying > 0) return { kind: 'retrying', attempt: row.maxAttempt + 1 };
  if (counts.ok > 0) return { kind: 'ok', latencyMs: row.latencyMs ?? 0, items: row.items };
  return { kind: 'waiting' };
};
