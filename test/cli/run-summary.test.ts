import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { from, lastValueFrom, Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/cli/run-summary.js';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const model = 'callbacks' as const;
const endpointOf = (id: number) => ENDPOINTS[id % 3] as (typeof ENDPOINTS)[number];
/** One request's events: start, arrival, success (or a refused failure). */
const requestEvents = (id: number, refused = false): ArenaEvent[] => [
  { type: 'start', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id },
  ...(refused
    ? [{ type: 'failure', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id + 1, latencyMs: 1, reason: 'refused', message: 'connection refused' } as const]
    : [
        { type: 'arrived', model, requestId: id, endpoint: endpointOf(id), at: id + 1 } as const,
        { type: 'success', model, requestId: id, endpoint: endpointOf(id), attempt: 1, at: id + 1, latencyMs: 1, status: 200, items: 2 } as const,
      ]),
];
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('summarizeRun, the fold behind `run` and `run --json`', () => {
  it('gives the same totals as summarizing the whole array of events', async () => {
    const events = [...Array.from({ length: 30 }, (_, id) => requestEvents(id, id % 7 === 0)).flat(), { type: 'done', model, at: 40, totalMs: 40, delivered: 25, failed: 5 } as const];
    const outcome = await lastValueFrom(from(events).pipe(summarizeRun(model)));
    const whole = summarizeLoad(model, events);
    expect(outcome.summary).toMatchObject({ model, totalMs: whole.totalMs, requests: whole.requests.length, delivered: whole.delivered, failed: whole.failed, lost: whole.lost });
    expect(outcome.unreachable).toBeUndefined();
  });

  it('says why the server could not be reached when nothing answered', async () => {
    const outcome = await lastValueFrom(from([0, 1, 2].flatMap((id) => requestEvents(id, true))).pipe(summarizeRun(model)));
    expect(outcome.unreachable).toBe('connection refused');
    expect(outcome.summary.failed).toBe(3);
  });

  it('keeps no event while the load runs: the events of the requests already folded can be collected', async () => {
    const folded: WeakRef<ArenaEvent>[] = [];
    let collectedMidway = -1;
    const events = new Observable<ArenaEvent>((subscriber) => {
      void (async () => {
        for (let id = 0; id < 2000; id += 1) {
          for (const event of requestEvents(id)) {
            folded.push(new WeakRef(event));
            subscriber.next(event);
          }
        }
        await nextTurn(); // a WeakRef holds its target until the job that made it ends
        gc();
        collectedMidway = folded.filter((ref) => ref.deref() === undefined).length;
        subscriber.next({ type: 'done', model, at: 3000, totalMs: 3000, delivered: 2000, failed: 0 });
        subscriber.complete();
      })();
    });
    const outcome = await lastValueFrom(events.pipe(summarizeRun(model)));
    expect(outcome.summary.delivered).toBe(2000);
    // All but the last request's (the generator's frame may still hold its last event); an array of the events would keep every one.
    expect(collectedMidway).toBeGreaterThanOrEqual(folded.length - 3);
  });
});
