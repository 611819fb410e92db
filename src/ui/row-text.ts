import { rowCounts, rowStatus, type EndpointRow } from '../streams/endpoint-row.js';
import { formatMs } from './format-ms.js';
import { spinnerFrame } from './spinner.js';

/** How a piece of the dashboard should look: good, bad, data lost, busy, or nothing yet. */
export type Tone = 'ok' | 'failed' | 'lost' | 'busy' | 'idle';

/** A row's status as text with its tone. */
export interface RowText {
  readonly text: string;
  readonly tone: Tone;
}

/**
 * One endpoint row as text: for one request its state (spinner and elapsed time in flight, "held"
 * when the response is at the client but the model has not delivered it yet, latency and items when
 * delivered, reason and status when failed, LOST); for many requests, the counts.
 * `elapsedMs` is the time since the round started.
 */
export const rowText = (row: EndpointRow, elapsedMs: number): RowText => (row.requests > 1 ? countsText(row) : statusText(row, elapsedMs));

const statusText = (row: EndpointRow, elapsedMs: number): RowText => {
  const status = rowStatus(row);
  switch (status.kind) {
    case 'waiting':
      return { text: '· waiting', tone: 'idle' };
    case 'in-flight': {
      const attempt = status.attempt > 1 ? ` #${status.attempt}` : '';
      return { text: `${spinnerFrame(elapsedMs)} ${formatMs(Math.max(0, elapsedMs - status.startedAt))}${attempt}`, tone: 'busy' };
    }
    case 'held':
      return { text: `${spinnerFrame(elapsedMs)} arrived, held`, tone: 'busy' };
    case 'retrying':
      return { text: `↻ retry ${status.attempt}`, tone: 'busy' };
    case 'ok':
      return { text: `✓ ${formatMs(status.latencyMs)} ×${status.items}`, tone: 'ok' };
    case 'failed':
      return { text: `✗ ${status.reason}${status.status === undefined ? '' : ` ${status.status}`}`, tone: 'failed' };
    case 'cancelled':
      return { text: '⊘ cancelled', tone: 'failed' };
    case 'lost':
      return { text: 'LOST', tone: 'lost' };
  }
};

const countsText = (row: EndpointRow): RowText => {
  const c = rowCounts(row);
  const pending = c.waiting + c.inFlight + c.held + c.retrying;
  const parts = [`✓${c.ok}`, `✗${c.failed + c.cancelled}`, ...(pending > 0 ? [`⋯${pending}`] : [])];
  if (c.lost > 0) return { text: `LOST ${c.lost} ${parts.join(' ')}`, tone: 'lost' };
  const tone: Tone = pending > 0 ? 'busy' : c.failed + c.cancelled > 0 ? 'failed' : c.ok > 0 ? 'ok' : 'idle';
  return { text: parts.join(' '), tone };
};
