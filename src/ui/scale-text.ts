import { ENDPOINTS } from '../domain/endpoints.js';
import type { FailureReason } from '../domain/events.js';
import { rowCounts } from '../streams/endpoint-row.js';
import { latencySummary } from '../streams/latency-histogram.js';
import { requestsPerSecond, type ModelPanel } from '../streams/model-panel.js';
import { formatMs } from './format-ms.js';

/** Joins `parts` with spaces, up to the first that does not fit in `width` (the first part always). */
const fitParts = ([first = '', ...rest]: readonly string[], width: number): string => {
  let line = first;
  for (const part of rest) {
    if (line.length + 1 + part.length > width) break;
    line = `${line} ${part}`;
  }
  return line;
};

/**
 * A panel's throughput and latency spread at scale, most telling first, with as many whole parts
 * as fit in `width`: requests per second, the histogram's range, then p50 and p99 of the delivered
 * responses. Before the first delivery it says how many responses arrived and are held (gather
 * delivers them all at the end), or `no response`; a response a naive load dropped is lost, not held.
 *
 * @example rateText(panel, 2000, 40) // '412/s 5ms‥80ms p50 12ms p99 70ms'
 */
export const rateText = (panel: ModelPanel, elapsedMs: number, width: number): string => {
  const rate = `${Math.round(requestsPerSecond(panel, elapsedMs))}/s`;
  const latency = latencySummary(panel.latencies);
  if (latency === undefined) {
    const held = ENDPOINTS.reduce((sum, endpoint) => sum + rowCounts(panel.rows[endpoint]).held, 0); // arrived, not yet delivered nor lost
    return fitParts([rate, held > 0 ? `${held} held` : 'no response'], width);
  }
  return fitParts([rate, `${formatMs(latency.minMs)}‥${formatMs(latency.maxMs)}`, `p50 ${formatMs(latency.p50Ms)}`, `p99 ${formatMs(latency.p99Ms)}`], width);
};

/**
 * The round's final failures by reason, most frequent first, e.g. `✗ timeout 12 reset 3`;
 * `no failures` when there are none.
 */
export const failuresText = (panel: ModelPanel): string => {
  const reasons = (Object.entries(panel.failureReasons) as [FailureReason, number][]).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  return reasons.length === 0 ? 'no failures' : `✗ ${reasons.map(([reason, count]) => `${reason} ${count}`).join(' ')}`;
};
