import type { EndpointRow } from '../streams/endpoint-row.js';

/** Where an endpoint's bar sits on a timeline `width` columns wide. */
export interface TimelineSpan {
  readonly offset: number;
  readonly length: number;
}

/**
 * Places a row's activity (first start to last result, or to `elapsedMs` while in flight) on a
 * shared axis of `axisMs`, so bars of all models line up: parallel loads start together, serial
 * ones step down. Every started row gets at least one column.
 */
export const timelineSpan = (row: EndpointRow, axisMs: number, width: number, elapsedMs: number): TimelineSpan | undefined => {
  if (row.firstStartAt === undefined || width <= 0) return undefined;
  const end = row.settled ? (row.lastEndAt ?? row.firstStartAt) : Math.max(row.lastEndAt ?? 0, elapsedMs);
  const scale = width / Math.max(1, axisMs);
  const offset = Math.min(width - 1, Math.floor(row.firstStartAt * scale));
  const length = Math.max(1, Math.min(width - offset, Math.round((end - row.firstStartAt) * scale)));
  return { offset, length };
};
