import { NEVER, asyncScheduler, catchError, concatMap, defer, endWith, filter, ignoreElements, map, merge, of, scan, share, shareReplay, startWith, switchMap, take, type Observable, type ObservableInput, type SchedulerLike } from 'rxjs';
import type { Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';
import type { Variant } from '../domain/models.js';
import type { Command } from './commands.js';
import { contendersOf } from '../domain/contender.js';
import type { DashboardAction, TerminalSize } from './dashboard-actions.js';
import { initialDashboardState, NO_CONTROL_MESSAGE, type DashboardSettings, type DashboardState } from './dashboard-state.js';
import { applyFaultOp, planFault, type FaultOp } from './fault-plan.js';
import { frameMsFor, frameThrottle } from './frame-throttle.js';
import { reduceDashboard } from './reduce-dashboard.js';
import type { InstrumentedLoad } from '../domain/instrumented-load.js';
import { runRound, scheduleRounds, TICK_MS } from './rounds.js';

/** The part of a server's control the fault keys need (a subset of ServerControl). */
export interface FaultControl {
  setFault(endpoint: Endpoint, fault: FaultSpec): ObservableInput<void>;
  clearFaults(): ObservableInput<void>;
}

/** What the dashboard reads: key commands, and terminal sizes as they change. */
export interface DashboardSources {
  readonly commands: Observable<Command>;
  readonly sizes?: Observable<TerminalSize>;
}

/** The dashboard's effects and clock, injected so the stream stays pure and marble-testable. */
export interface DashboardEffects {
  readonly load: InstrumentedLoad;
  /** The target's fault control; absent when the target has no control API. */
  readonly faults?: FaultControl;
  readonly scheduler?: SchedulerLike;
  readonly tickMs?: number;
  readonly frameMs?: number;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const ofType =
  <K extends Command['type']>(type: K) =>
  (command: Command): command is Extract<Command, { type: K }> =>
    command.type === type;

/** A flag flipped by each value of the source, starting with `initial`; late subscribers get the latest. */
const toggled = <T>(source: Observable<unknown>, initial: T, flip: (value: T) => T): Observable<T> =>
  source.pipe(
    scan((value) => flip(value), initial),
    startWith(initial),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

/** The fault operations the commands ask for, tracking the selection and the intended faults. */
const faultOps = (commands: Observable<Command>, initial: FaultMap): Observable<FaultOp> =>
  commands.pipe(
    scan(
      (acc: { selected: Endpoint; faults: FaultMap; op?: FaultOp }, command) => {
        const selected = command.type === 'select' ? command.endpoint : acc.selected;
        const op = planFault(selected, acc.faults, command);
        return { selected, faults: op ? applyFaultOp(acc.faults, op) : acc.faults, op };
      },
      { selected: 'productos', faults: initial },
    ),
    map((acc) => acc.op),
    filter((op): op is FaultOp => op !== undefined),
  );

/** Applies fault operations in order; each shows in state as soon as the control confirmed it. */
const faultActions = (ops: Observable<FaultOp>, control: FaultControl | undefined): Observable<DashboardAction> =>
  control
    ? ops.pipe(
        concatMap((op) =>
          defer(() => (op.type === 'clear' ? control.clearFaults() : control.setFault(op.endpoint, op.fault))).pipe(
            ignoreElements(),
            endWith<DashboardAction>({ type: 'fault-changed', op }),
            catchError((error: unknown) => of<DashboardAction>({ type: 'message', text: `fault not applied: ${describe(error)}` })),
          ),
        ),
      )
    : ops.pipe(map((): DashboardAction => ({ type: 'message', text: NO_CONTROL_MESSAGE })));

/**
 * Every action of a dashboard: rounds (one at once, then manual runs and auto-rerun), fault
 * commands applied through the control, toggles, selection, help and resizes. Quit commands are
 * the caller's business.
 */
export const dashboardActions = (sources: DashboardSources, settings: DashboardSettings, effects: DashboardEffects): Observable<DashboardAction> =>
  defer(() => {
    const scheduler = effects.scheduler ?? asyncScheduler;
    const commands = sources.commands.pipe(share());
    const variant = toggled<Variant>(commands.pipe(filter(ofType('toggle-variant'))), settings.request.variant, (v) => (v === 'naive' ? 'correct' : 'naive'));
    const auto = toggled(commands.pipe(filter(ofType('toggle-auto'))), settings.auto, (on) => !on);
    const round = (index: number) =>
      variant.pipe(
        take(1),
        switchMap((v) => runRound(contendersOf(settings.models, settings.executors), { ...settings.request, variant: v, seed: settings.request.seed + index }, effects.load, scheduler, effects.tickMs ?? TICK_MS)),
      );
    return merge(
      variant.pipe(map((v): DashboardAction => ({ type: 'variant-changed', variant: v }))),
      auto.pipe(map((on): DashboardAction => ({ type: 'auto-changed', auto: on }))),
      commands.pipe(filter(ofType('select')), map((c): DashboardAction => ({ type: 'selected', endpoint: c.endpoint }))),
      commands.pipe(filter(ofType('toggle-help')), map((): DashboardAction => ({ type: 'help-toggled' }))),
      faultActions(faultOps(commands, settings.faults ?? NO_FAULTS), effects.faults),
      (sources.sizes ?? NEVER).pipe(map((size): DashboardAction => ({ type: 'resized', size }))),
      scheduleRounds({ runs: commands.pipe(filter(ofType('run'))), auto, intervalMs: settings.intervalMs, round, scheduler }),
    );
  });

/**
 * The dashboard's state as Ink should see it: every action folded by {@link reduceDashboard},
 * starting from the initial state, throttled to frames (first change at once; fewer frames at scale,
 * see {@link frameMsFor}).
 */
export const dashboardState = (sources: DashboardSources, settings: DashboardSettings, effects: DashboardEffects): Observable<DashboardState> => {
  const initial = initialDashboardState(settings, effects.faults !== undefined);
  return dashboardActions(sources, settings, effects).pipe(
    scan(reduceDashboard, initial),
    startWith(initial),
    frameThrottle(effects.frameMs ?? frameMsFor(settings.request.requests), effects.scheduler ?? asyncScheduler),
  );
};
