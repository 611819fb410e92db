import type { EndpointRow, MarkKind, TimelineMark } from '../streams/endpoint-row.js';

/** What one column of a marble row shows: a mark, a stretch between marks, or nothing. */
export type MarbleCell = MarkKind | 'in-flight' | 'held' | 'backoff' | 'idle';

/** The character of each cell. */
export const MARBLE_GLYPH: Readonly<Record<MarbleCell, string>> = {
  start: '○',
  'in-flight': '─',
  arrived: '●',
  held: '═',
  delivered: '✓',
  retry: '↻',
  backoff: '·',
  failed: '✗',
  lost: 'L',
  idle: ' ',
};

/** Which mark a column shows when several fall in it: an outcome over an arrival over a start. */
const PRIORITY: readonly MarkKind[] = ['lost', 'failed', 'delivered', 'retry', 'arrived', 'start'];

/** The stretch that follows a mark until the next one: in flight after a start, held after an arrival, waiting after a retry. */
const AFTER: Readonly<Record<MarkKind, MarbleCell>> = { start: 'in-flight', arrived: 'held', retry: 'backoff', delivered: 'idle', failed: 'idle', lost: 'idle' };

/**
 * A row of one request as marbles on a time axis of `axisMs` shared by every panel, `width`
 * columns wide (one column per slice of time): its marks where they happened, joined by what the
 * request was doing in between — in flight (`─`), arrived and held by the model (`═`), waiting to
 * be retried (`·`) — up to `elapsedMs` while the round runs. Gather's "arrived, held" reads
 * `○──●════✓`; a naive variant's "arrived, dropped" `○──●════L`.
 */
export const marbleRow = (row: EndpointRow, axisMs: number, width: number, elapsedMs: number): MarbleCell[] => {
  const cells = new Array<MarbleCell>(Math.max(0, width)).fill('idle');
  if (width <= 0 || row.marks.length === 0) return cells;
  const column = (at: number): number => Math.min(width - 1, Math.max(0, Math.floor((at / Math.max(1, axisMs)) * width)));
  // In the order they happened: an arrival and its delivery are stamped by two clocks (the harness's
  // and the model's) and can be a fraction of a millisecond out of order, so a mark never goes back in time.
  const marks = row.marks.reduce<TimelineMark[]>((ordered, mark) => [...ordered, { kind: mark.kind, at: Math.max(mark.at, ordered.at(-1)?.at ?? 0) }], []);
  marks.forEach((mark: TimelineMark, index) => {
    const next = marks[index + 1];
    const stretch = AFTER[mark.kind];
    const until = next ? next.at : row.settled ? mark.at : Math.max(mark.at, elapsedMs);
    if (stretch !== 'idle') for (let c = column(mark.at) + 1; c < column(until); c += 1) cells[c] = stretch;
  });
  for (const mark of marks) {
    const c = column(mark.at);
    const shown = cells[c];
    if (shown === undefined || !PRIORITY.includes(shown as MarkKind) || PRIORITY.indexOf(mark.kind) < PRIORITY.indexOf(shown as MarkKind)) cells[c] = mark.kind;
  }
  return cells;
};
