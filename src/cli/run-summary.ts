import { defer, map, reduce, type Observable, type OperatorFunction } from 'rxjs';
import type { ArenaEvent } from '../domain/events.js';
import type { ModelId } from '../domain/models.js';
import { LoadSummaryFold, type LoadSummary } from '../domain/outcomes.js';
import { foldTargetVerdict, UNKNOWN_TARGET } from '../domain/reachability.js';

/** What `run` keeps of a load: its summary, and why the server could not be reached (undefined when it answered). */
export interface RunOutcome {
  readonly summary: LoadSummary;
  readonly unreachable?: string;
}

/**
 * Folds a load's events into its {@link RunOutcome} as they come, keeping no event: a load of 100 000
 * requests makes 300 000 or more, which an array would hold until the load ends. Emits once, when
 * the events complete (an empty summary if there were none).
 */
export const summarizeRun =
  (model: ModelId): OperatorFunction<ArenaEvent, RunOutcome> =>
  (events: Observable<ArenaEvent>) =>
    defer(() => {
      const fold = new LoadSummaryFold(model);
      return events.pipe(
        reduce((verdict, event) => {
          fold.add(event);
          return foldTargetVerdict(verdict, event);
        }, UNKNOWN_TARGET),
        map((verdict) => ({ summary: fold.summary(), unreachable: verdict.kind === 'down' ? verdict.why : undefined })),
      );
    });
