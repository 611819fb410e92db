import { contenderTitle } from '../domain/contender.js';
import { percentile } from '../streams/round-history.js';
import type { SessionTotals } from '../streams/session-totals.js';
import { formatMs } from '../ui/format-ms.js';

/**
 * What the dashboard prints on stdout once it has quit and the terminal is restored (as oha and
 * autocannon do): rounds run, round time p50/p95, per model delivered / failed / lost, and which
 * models lost data, e.g.
 *
 * ```
 * async-arena: 12 rounds, round time p50 130ms p95 1.0s
 *   Callbacks        delivered 34  failed 2  lost 0
 *   …
 * data lost by: Futures
 * ```
 */
export const quitSummary = (totals: SessionTotals): string => {
  if (totals.rounds === 0) return 'async-arena: no round finished\n';
  const p50 = percentile(totals.roundTimes, 50) ?? 0;
  const p95 = percentile(totals.roundTimes, 95) ?? 0;
  const width = Math.max(...totals.models.map((m) => contenderTitle(m).length));
  const digits = String(Math.max(...totals.models.flatMap((m) => [m.delivered, m.failed, m.lost]))).length;
  const n = (value: number): string => String(value).padStart(digits);
  const lines = [
    `async-arena: ${totals.rounds} ${totals.rounds === 1 ? 'round' : 'rounds'}, round time p50 ${formatMs(p50)} p95 ${formatMs(p95)}`,
    ...totals.models.map((m) => `  ${contenderTitle(m).padEnd(width)}  delivered ${n(m.delivered)}  failed ${n(m.failed)}  lost ${n(m.lost)}`),
  ];
  const losers = totals.models.filter((m) => m.lost > 0).map(contenderTitle);
  lines.push(losers.length === 0 ? 'no model lost data' : `data lost by: ${losers.join(', ')}`);
  return `${lines.join('\n')}\n`;
};
