/** A mark of the panels and what it means, one line of the legend under `?`. */
export type LegendEntry = readonly [mark: string, meaning: string];

const DELIVERED: LegendEntry = ['✓ 50ms ×20', 'delivered: latency, items · ✗ failed, and why'];
const HELD: LegendEntry = ['held / LOST', 'arrived, not yet delivered / then dropped by the model'];
const MARBLES: LegendEntry = ['○─●═✓ ↻ ✗ L', 'start, in flight, arrived, held, delivered; retry, failed, lost'];
const SCALE: LegendEntry = ['9/s ▁▃█ ✗', 'requests/s; latency histogram, fastest left; failures by reason'];
const ROUND_TIMES: LegendEntry = ['▁▃█ p50 p95', 'round times since variant or faults last changed (≤30)'];

/**
 * What the panels' marks mean, shown under `?` below the keys: the timeline's marbles on a round of
 * one request per endpoint, the rate, histogram and failures line at scale (`atScale`).
 */
export const legendFor = (atScale: boolean): readonly LegendEntry[] => [DELIVERED, HELD, atScale ? SCALE : MARBLES, ROUND_TIMES];
