import type { Subscriber } from 'rxjs';
import type { LoadEvent } from '../domain/events.js';
import type { LoadEvents } from './load-events.js';

/**
 * Ends a promise-based load's stream: when `load` settles, emit `done` and complete; if it rejects,
 * that is a bug (failures are events), so the stream errors.
 */
export const completeWhen = (load: Promise<void>, subscriber: Subscriber<LoadEvent>, events: LoadEvents): void => {
  load.then(
    () => {
      subscriber.next(events.done());
      subscriber.complete();
    },
    (bug: unknown) => subscriber.error(bug),
  );
};
