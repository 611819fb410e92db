import type { JudgedComparison } from '../stats/paired-comparison.js';
import type { ReportComparison } from './report-schema.js';

/** What a report adds to a comparison beyond its outcome: direction, Holm family, reachability, dropped repetitions. */
export const comparisonExtras = (judged: JudgedComparison): Pick<ReportComparison, 'direction' | 'family' | 'needsRuns' | 'dropped'> => ({
  direction: judged.direction,
  family: judged.family,
  needsRuns: judged.needsRuns,
  dropped: judged.dropped,
});

/**
 * The outcome as a table shows it, compactly: `equivalent (faster)` when an equivalent pair is still
 * detectably faster or slower, and `· needs ≥ K runs` when its pairs cannot reach α in its family.
 */
export const outcomeLabel = (c: ReportComparison): string => {
  const direction = c.outcome === 'equivalent' && c.direction !== null ? ` (${c.direction})` : '';
  return `${c.outcome}${direction}${c.needsRuns === null ? '' : ` · needs ≥ ${c.needsRuns} runs`}`;
};

/**
 * The most pairs any comparison of a contender (model, variant, level) needs to be able to reach α
 * (see `needsRuns`), or null when every one can: the CSV's per-contender form of the flag.
 */
export const runsNeededFor = (comparisons: readonly ReportComparison[], r: Pick<ReportComparison, 'variant' | 'concurrency'> & { readonly model: ReportComparison['a'] }): number | null => {
  const needed = comparisons.flatMap((c) => (c.variant === r.variant && c.concurrency === r.concurrency && (c.a === r.model || c.b === r.model) && c.needsRuns !== null ? [c.needsRuns] : []));
  return needed.length > 0 ? Math.max(...needed) : null;
};

/** The pairs of a comparison as a table shows them: `10`, or `9 (1 dropped)` when a repetition had a non-positive value. */
export const pairsLabel = (c: ReportComparison): string => (c.dropped > 0 ? `${c.pairs} (${c.dropped} dropped)` : String(c.pairs));
