import { defer, map, reduce, type Observable, type OperatorFunction } from 'rxjs';
import type { ArenaEvent } from '../domain/events.js';
import type { ModelId } from '../domain/models.js';
import { foldTargetVerdict, UNKNOWN_TARGET } from '../domain/reachability.js';
import { RunTally, type RunTotals } from './run-tally.js';

/** What `run` keeps of a load: its totals, and why the server could not be reached (undefined when it answered). */
export interface RunOutcome {
  readonly summary: RunTotals;
  readonly unreachable?: string;
}

/**
 * Folds a load's events into its {@link RunOutcome} as they come ({@link RunTally}), keeping no event
 * and no record per request: a load of 100 000 requests makes 300 000 events or more, which an array
 * would hold until the load ends, and 100 000 records, which would too. Emits once, when the events
 * complete (empty totals if there were none).
 */
export const summarizeRun =
  (model: ModelId): OperatorFunction<ArenaEvent, RunOutcome> =>
  (events: Observable<ArenaEvent>) =>
    defer(() => {
      const tally = new RunTally(model);
      return events.pipe(
        reduce((verdict, event) => {
          tally.add(event);
          return foldTargetVerdict(verdict, event);
        }, UNKNOWN_TARGET),
        map((verdict) => ({ summary: tally.totals(), unreachable: verdict.kind === 'down' ? verdict.why : undefined })),
      );
    });
