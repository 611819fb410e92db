/** What the panels' marks mean, one line each (mark, then meaning), shown under `?` below the keys. */
export const LEGEND: readonly (readonly [string, string])[] = [
  ['✓ 50ms ×20', 'delivered: latency, items · ✗ failed, and why'],
  ['held / LOST', 'arrived, not yet delivered / then dropped by the model'],
  ['━━ bars', 'each endpoint, first start to last result, one shared axis'],
  ['▁▃█ p50 p95', 'round times since variant or faults last changed (≤30)'],
];
