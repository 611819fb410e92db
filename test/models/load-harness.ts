import { lastValueFrom, toArray, type Observable } from 'rxjs';
import { expect } from 'vitest';
import type { Endpoint } from '../../src/domain/endpoints.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import { countItems } from '../../src/domain/payloads.js';
import { requestEndpoint } from '../../src/models/index.js';
import { CATALOG } from '../../src/server/catalog.js';

/** Every event of a load, once it completes. */
export const collect = <T>(events$: Observable<T>): Promise<T[]> => lastValueFrom(events$.pipe(toArray()));

/** Items the mock server's payload for `endpoint` holds. */
export const serverItems = (endpoint: Endpoint): number => countItems(CATALOG[endpoint]);

/**
 * The boundary contract, checked on any load's events: each request has exactly one final event,
 * attributed to its own endpoint with the server's item count; `done` comes last with matching counts.
 */
export const expectWellFormed = (events: readonly ArenaEvent[], requests: number): void => {
  const finals = events.filter((e) => e.type === 'success' || e.type === 'failure');
  expect(finals.map((e) => e.requestId).sort((a, b) => a - b)).toEqual(Array.from({ length: requests }, (_, i) => i));
  for (const event of events) {
    if (event.type !== 'done') expect(event.endpoint).toBe(requestEndpoint(event.requestId));
    if (event.type === 'success') expect(event.items).toBe(serverItems(event.endpoint));
  }
  const done = events.at(-1);
  expect(done?.type).toBe('done');
  if (done?.type === 'done') {
    expect(done.delivered).toBe(finals.filter((e) => e.type === 'success').length);
    expect(done.failed).toBe(finals.filter((e) => e.type === 'failure').length);
  }
};
