import type { ArenaEvent, FailureEvent, FailureReason } from './events.js';

/** Failure reasons that say nothing answered: no connection, no name, or given up because of one of those (naive). */
const NO_ANSWER_REASONS: ReadonlySet<FailureReason> = new Set(['refused', 'network', 'discarded']);

/** True when the event shows that the server answered, or at least accepted the connection. */
export const showsAnswer = (event: ArenaEvent): boolean =>
  event.type === 'arrived' || event.type === 'success' || ((event.type === 'failure' || event.type === 'retry') && !NO_ANSWER_REASONS.has(event.reason));

/**
 * Was the server reachable? A pure function of a load's events: when no event shows an answer and
 * requests failed, the reason (the first failure's own message, not a naive variant's `discarded`);
 * undefined when the server was reached.
 *
 * @example unreachableReason(events) // 'connection refused' for a server that is down
 */
export const unreachableReason = (events: readonly ArenaEvent[]): string | undefined => {
  if (events.some(showsAnswer)) return undefined;
  return events.find((event): event is FailureEvent => event.type === 'failure' && event.reason !== 'discarded')?.message;
};
