import type { ArenaEvent, FailureReason } from './events.js';

/** Failure reasons that say nothing answered: no connection, no name, or given up because of one of those (naive). */
export const NO_ANSWER_REASONS: ReadonlySet<FailureReason> = new Set(['refused', 'network', 'discarded']);

/** The event shows that the target answered, or at least accepted the connection. */
export const targetAnswered = (event: ArenaEvent): boolean =>
  event.type === 'arrived' || event.type === 'success' || ((event.type === 'failure' || event.type === 'retry') && !NO_ANSWER_REASONS.has(event.reason));

/** What a round (or a load) showed about its target: it answered, nothing answered (why), or it cannot tell (no failure seen). */
export type TargetVerdict = { readonly kind: 'answered' } | { readonly kind: 'down'; readonly why: string } | { readonly kind: 'unknown' };

/** Folds events into a {@link TargetVerdict}: one answer is enough for `answered`; `down` needs a no-answer failure and no answer. */
export const foldTargetVerdict = (verdict: TargetVerdict, event: ArenaEvent): TargetVerdict => {
  if (verdict.kind === 'answered' || targetAnswered(event)) return { kind: 'answered' };
  if (verdict.kind === 'unknown' && event.type === 'failure' && event.reason !== 'discarded') return { kind: 'down', why: event.message };
  return verdict;
};
