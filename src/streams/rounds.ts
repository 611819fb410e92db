import { EMPTY, Subject, catchError, concat, defer, endWith, exhaustMap, interval, map, merge, of, switchMap, takeWhile, tap, timer, type Observable, type SchedulerLike } from 'rxjs';
import type { InstrumentedLoad } from '../domain/instrumented-load.js';
import { foldTargetVerdict, UNKNOWN_TARGET, type TargetVerdict } from '../domain/reachability.js';
import type { LoadRequest } from '../domain/load-request.js';
import { type Contender } from '../domain/contender.js';
import { narrowLabel } from './contender.js';
import type { DashboardAction } from './dashboard-actions.js';

/** How often the clock ticks while a round runs (spinners, elapsed times). */
export const TICK_MS = 100;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One round: every contender's load (a model on its executor) at the same time, framed by `round-started` and `round-ended`,
 * with clock ticks while it runs. A load that errors (a bug: failures are events) becomes a message
 * instead of ending the dashboard.
 */
export const runRound = (contenders: readonly Contender[], request: LoadRequest, load: InstrumentedLoad, scheduler: SchedulerLike, tickMs = TICK_MS): Observable<DashboardAction> =>
  defer(() => {
    const loads = merge(
      ...contenders.map(({ model, executor }) =>
        load(model, { ...request, executor }).pipe(
          map((event): DashboardAction => ({ type: 'arena-event', event, executor })),
          catchError((error: unknown) => of<DashboardAction>({ type: 'message', text: `bug: the ${narrowLabel({ model, executor })} load failed: ${describe(error)}` })),
        ),
      ),
    );
    const ticks = interval(tickMs, scheduler).pipe(map((): DashboardAction => ({ type: 'tick', at: scheduler.now() })));
    return concat(
      of<DashboardAction>({ type: 'round-started', at: scheduler.now(), variant: request.variant }),
      // The ticks stop when every load has completed.
      merge(loads.pipe(endWith(null)), ticks).pipe(takeWhile((action): action is DashboardAction => action !== null)),
      defer(() => of<DashboardAction>({ type: 'round-ended', at: scheduler.now() })),
    );
  });

/** How long after a round in which nothing answered the next auto round waits (at least the interval): 0.5 s, doubling, at most 10 s. */
export const DOWN_BACKOFF = { baseMs: 500, maxMs: 10_000 } as const;

/** The pause after the `downRounds`-th round in a row without an answer. */
export const downBackoffMs = (downRounds: number): number => Math.min(DOWN_BACKOFF.maxMs, DOWN_BACKOFF.baseMs * 2 ** Math.min(downRounds - 1, 20));

/** What starts rounds, and how. */
export interface RoundSchedule {
  /** Manual "run now" requests. */
  readonly runs: Observable<unknown>;
  /** Auto-rerun on/off, starting with the initial setting. */
  readonly auto: Observable<boolean>;
  readonly intervalMs: number;
  /** Runs one round with the variant in force when it starts (e.g. {@link runRound}). */
  readonly round: (index: number) => Observable<DashboardAction>;
  readonly scheduler: SchedulerLike;
}

/**
 * Runs rounds one at a time: one at once on subscription, one per manual run, and, while auto is
 * on, one `intervalMs` after the previous round ENDED (not on a fixed timer). Rounds never overlap:
 * a run requested while a round is going is ignored (exhaustMap), since the next auto round or key
 * press comes soon enough and queued rounds would run on stale settings. Turning auto on while idle
 * runs a round at once. A round in which nothing answered (every failure refused or unreachable, no
 * data) is followed by `target-down` and a backoff ({@link downBackoffMs}, at least the interval) before
 * the next auto round, so a dead target is not hammered (no spin at `--interval 0`); the first round
 * that gets an answer again is followed by `target-back`.
 */
export const scheduleRounds = ({ runs, auto, intervalMs, round, scheduler }: RoundSchedule): Observable<DashboardAction> =>
  defer(() => {
    const ended = new Subject<number>();
    let downRounds = 0;
    const afterEachEnd = ended.pipe(switchMap((delayMs) => timer(delayMs, scheduler)));
    const autoRuns = auto.pipe(switchMap((on, index) => (!on ? EMPTY : index === 0 ? afterEachEnd : concat(of(0), afterEachEnd))));
    /** After a round: say whether the target went down or came back, and when the next auto round may start. */
    const afterRound = (verdict: TargetVerdict): Observable<DashboardAction> =>
      defer(() => {
        const wasDown = downRounds > 0;
        downRounds = verdict.kind === 'down' ? downRounds + 1 : verdict.kind === 'answered' ? 0 : downRounds;
        const delayMs = downRounds > 0 ? Math.max(intervalMs, downBackoffMs(downRounds)) : intervalMs;
        const said: DashboardAction[] =
          verdict.kind === 'down' ? [{ type: 'target-down', why: verdict.why, retryInMs: delayMs }] : wasDown && verdict.kind === 'answered' ? [{ type: 'target-back' }] : [];
        return concat(of(...said), defer(() => (ended.next(delayMs), EMPTY)));
      });
    // autoRuns subscribes before the first round starts, so it never misses that round's end.
    return merge(autoRuns, runs, of(0)).pipe(
      exhaustMap((_, index) => {
        let verdict: TargetVerdict = UNKNOWN_TARGET;
        const watch = (action: DashboardAction): void => {
          if (action.type === 'arena-event') verdict = foldTargetVerdict(verdict, action.event);
        };
        return concat(round(index).pipe(tap(watch)), defer(() => afterRound(verdict)));
      }),
    );
  });
