import type { ArenaEvent, FailureReason } from './events.js';

/** Failure reasons that say nothing answered: no connection, no name, or given up because of one of those (naive). */
const NO_ANSWER_REASONS: ReadonlySet<FailureReason> = new Set(['refused', 'network', 'discarded']);

/** True when the event shows that the server answered, or at least accepted the connection. */
export const showsAnswer = (event: ArenaEvent): boolean =>
  event.type === 'arrived' || event.type === 'success' || ((event.type === 'failure' || event.type === 'retry') && !NO_ANSWER_REASONS.has(event.reason));

/** What a round (or a load) showed about its server: it answered, nothing answered (why), or it cannot tell yet (no failure seen). */
export type TargetVerdict = { readonly kind: 'answered' } | { readonly kind: 'down'; readonly why: string } | { readonly kind: 'unknown' };

/** The verdict before any event. */
export const UNKNOWN_TARGET: TargetVerdict = { kind: 'unknown' };

/** Folds events into a {@link TargetVerdict}: one answer is enough for `answered`; `down` needs a no-answer failure and no answer. */
export const foldTargetVerdict = (verdict: TargetVerdict, event: ArenaEvent): TargetVerdict => {
  if (verdict.kind === 'answered' || showsAnswer(event)) return { kind: 'answered' };
  if (verdict.kind === 'unknown' && event.type === 'failure' && event.reason !== 'discarded') return { kind: 'down', why: event.message };
  return verdict;
};

/**
 * Was the server reachable? A pure function of a load's events: when no event shows an answer and
 * requests failed, the reason (the first failure's own message, not a naive variant's `discarded`);
 * undefined when the server was reached.
 *
 * @example unreachableReason(events) // 'connection refused' for a server that is down
 */
export const unreachableReason = (events: readonly ArenaEvent[]): string | undefined => {
  const verdict = events.reduce(foldTargetVerdict, UNKNOWN_TARGET);
  return verdict.kind === 'down' ? verdict.why : undefined;
};
