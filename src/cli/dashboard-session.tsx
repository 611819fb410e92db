import { render } from 'ink';
import { BehaviorSubject, Subject, fromEvent, map, type Observable } from 'rxjs';
import { openArena, type Arena, type ArenaOptions } from '../arena/index.js';
import type { ExecutorKind, LoadRequest } from '../domain/load-request.js';
import type { ModelId } from '../domain/models.js';
import type { Command } from '../streams/commands.js';
import { contendersOf } from '../domain/contender.js';
import type { TerminalSize } from '../streams/dashboard-actions.js';
import { initialDashboardState, type DashboardSettings } from '../streams/dashboard-state.js';
import { dashboardState } from '../streams/dashboard-stream.js';
import { frameMsFor } from '../streams/frame-throttle.js';
import type { TransportKind } from '../domain/transport.js';
import { DashboardApp } from '../ui/DashboardApp.js';
import { arenaUsageError } from './arena-errors.js';
import { clearScreenOnShrink } from './clear-on-shrink.js';
import { quitSummary } from './quit-summary.js';

/** What a dashboard session runs. */
export interface DashboardSessionOptions {
  readonly target?: string;
  readonly models: readonly ModelId[];
  /** Executors of callbacks and futures, one panel each (default loop). */
  readonly executors?: readonly ExecutorKind[];
  readonly request: LoadRequest;
  readonly intervalMs: number;
  readonly seed: number;
  /** The HTTP client every model shares (default axios). */
  readonly transport?: TransportKind;
}

/** How long quitting may take once the terminal is restored: in-flight requests are cancelled, not awaited. */
const QUIT_DEADLINE_MS = 1000;

/** The terminal and process a session runs in, injected so that tests can pass fakes. */
export interface SessionIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
  /** Where SIGINT, SIGTERM, `uncaughtException` and `unhandledRejection` arrive: `process`. */
  readonly signals: NodeJS.EventEmitter;
  /** Opens the session's arena (`openArena`). */
  readonly openArena: (options: ArenaOptions) => Promise<Arena>;
  /** Ends the process with `code` after `afterMs` if clean-up has not finished by then (a no-op for fakes). */
  readonly exitAfter: (code: number, afterMs: number) => void;
  /** Ends the process with `code` now (a no-op for fakes). */
  readonly exit: (code: number) => void;
}

/** The real terminal and process. */
export const processIo = (): SessionIo => ({
  stdout: process.stdout,
  stdin: process.stdin,
  stderr: process.stderr,
  signals: process,
  openArena,
  exitAfter: (code, afterMs) => void setTimeout(() => process.exit(code), afterMs).unref(),
  exit: (code) => process.exit(code),
});

/** How a session ended: a key or signal (with its exit code), or a crash. */
type Ending = { readonly code: number } | { readonly error: unknown };

/** Resolves with the first ending: `q` (0), Ctrl+C or SIGINT (130), SIGTERM (143), or a crash. */
const firstEnding = (commands: Observable<Command>, crashes: Observable<unknown>, signals: NodeJS.EventEmitter): { ending: Promise<Ending>; dispose: () => void } => {
  let dispose = (): void => undefined;
  const ending = new Promise<Ending>((resolve) => {
    const onSigint = (): void => resolve({ code: 130 });
    const onSigterm = (): void => resolve({ code: 143 });
    const onCrash = (error: unknown): void => resolve({ error });
    const keys = commands.subscribe((command) => {
      if (command.type === 'quit') resolve({ code: command.interrupted ? 130 : 0 });
    });
    const crashed = crashes.subscribe(onCrash);
    signals.on('SIGINT', onSigint).on('SIGTERM', onSigterm).on('uncaughtException', onCrash).on('unhandledRejection', onCrash);
    dispose = () => {
      keys.unsubscribe();
      crashed.unsubscribe();
      signals.off('SIGINT', onSigint).off('SIGTERM', onSigterm).off('uncaughtException', onCrash).off('unhandledRejection', onCrash);
    };
  });
  return { ending, dispose: () => dispose() };
};

/**
 * Runs the live dashboard until `q`, Ctrl+C, a signal or a crash, then always cleans up in order:
 * unmount Ink (raw mode off, cursor back), stop listening for signals, print the session's summary on
 * stdout — and, when nothing needs putting back (the embedded server, or a target without a control
 * API), end the process there — else abort the rounds in flight, close the arena (its transport, then
 * the target gets its faults back), then end the process without waiting for the cancelled requests to
 * unwind; past {@link QUIT_DEADLINE_MS} the process ends anyway, unless it crashed. Resolves with the exit code (0, 130 or 143); rejects with a `UsageError` (exit 1) when the
 * arena cannot open (nothing is drawn then), or with a crash after cleaning up.
 */
export const runDashboardSession = async (options: DashboardSessionOptions, io: SessionIo = processIo()): Promise<number> => {
  const terminalSize = (): TerminalSize => ({ columns: io.stdout.columns || 80, rows: io.stdout.rows || 24 });
  // Every model gets its own maxInFlight sockets: they run at the same time and must not queue behind each other.
  const arena = await io.openArena({ target: options.target, embedded: 'process', seed: options.seed, maxSockets: options.request.maxInFlight * contendersOf(options.models, options.executors).length, transport: options.transport }).catch((error: unknown) => {
    throw arenaUsageError(error, options.target);
  });
  const commands = new Subject<Command>();
  const crashes = new Subject<unknown>();
  const settings: DashboardSettings = { target: arena.url, models: options.models, executors: options.executors, request: options.request, auto: true, intervalMs: options.intervalMs, size: terminalSize(), faults: arena.faults };
  const initial = initialDashboardState(settings, arena.control !== undefined);
  const latest = new BehaviorSubject(initial);
  const sizes = fromEvent(io.stdout, 'resize').pipe(map(terminalSize));
  const { ending, dispose } = firstEnding(commands, crashes, io.signals);
  const rounds = dashboardState({ commands, sizes }, settings, { load: arena.load, faults: arena.control }).subscribe({
    next: (state) => latest.next(state),
    error: (error: unknown) => crashes.next(error),
  });
  const stopClearing = clearScreenOnShrink(io.stdout);
  const ink = render(<DashboardApp states={latest} initial={initial} onCommand={(command) => commands.next(command)} />, {
    stdout: io.stdout,
    stdin: io.stdin,
    stderr: io.stderr,
    exitOnCtrlC: false,
    // console.log lines go above the frame on the real terminal; a fake one has no console to patch.
    patchConsole: io.stdout === process.stdout,
    maxFps: 1000 / frameMsFor(settings.request.requests),
  });
  ink.waitUntilExit().catch((error: unknown) => crashes.next(error));
  const end = await ending;
  // The terminal first (raw mode off, cursor back), then the summary; what is in flight is cancelled,
  // never waited for: past QUIT_DEADLINE_MS the process exits anyway (the embedded server's process
  // follows when its stdin closes). A crash is waited for, so that its message is printed.
  ink.unmount();
  if (!('error' in end)) io.exitAfter(end.code, QUIT_DEADLINE_MS);
  await ink.waitUntilExit().catch(() => undefined);
  dispose();
  stopClearing();
  if (!('error' in end)) {
    io.stdout.write(quitSummary(latest.value.totals)); // after the terminal is restored, as oha does
    // Nothing to put back (the embedded server's process follows its parent, a target without a control
    // API was never changed): the process ends now. Cancelling 4 × 5 000 requests in flight and 100 000
    // queued futures took 0.1–0.25 s and stopping the server ~0.1 s more, work the OS does at exit.
    if (options.target === undefined || arena.control === undefined) io.exit(end.code);
  }
  rounds.unsubscribe();
  await arena.close().catch(() => undefined); // best effort: the session is over either way
  // What the cancelled loads still unwind (aborts and rejections, a turn at a time) is not waited for.
  if (!('error' in end)) io.exitAfter(end.code, 0);
  if ('error' in end) throw end.error;
  return end.code;
};
