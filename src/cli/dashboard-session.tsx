import { render } from 'ink';
import { BehaviorSubject, Subject, fromEvent, map, type Observable } from 'rxjs';
import type { LoadRequest } from '../domain/load-request.js';
import type { ModelId } from '../domain/models.js';
import { instrumentedLoad } from '../models/instrumented-load.js';
import type { Command } from '../streams/commands.js';
import type { TerminalSize } from '../streams/dashboard-actions.js';
import { initialDashboardState, type DashboardSettings } from '../streams/dashboard-state.js';
import { dashboardState } from '../streams/dashboard-stream.js';
import { FRAME_MS } from '../streams/frame-throttle.js';
import { createHttpTransport } from '../transport/http-transport.js';
import { DashboardApp } from '../ui/DashboardApp.js';
import { clearScreenOnShrink } from './clear-on-shrink.js';
import { openDashboardServer } from './dashboard-server.js';
import { quitSummary } from './quit-summary.js';

/** What a dashboard session runs. */
export interface DashboardSessionOptions {
  readonly target?: string;
  readonly models: readonly ModelId[];
  readonly request: LoadRequest;
  readonly intervalMs: number;
  readonly seed: number;
}

/** How a session ended: a key or signal (with its exit code), or a crash. */
type Ending = { readonly code: number } | { readonly error: unknown };

const terminalSize = (): TerminalSize => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });

/** Resolves with the first ending: `q` (0), Ctrl+C or SIGINT (130), SIGTERM (143), or a crash. */
const firstEnding = (commands: Observable<Command>, crashes: Observable<unknown>): { ending: Promise<Ending>; dispose: () => void } => {
  let dispose = (): void => undefined;
  const ending = new Promise<Ending>((resolve) => {
    const onSigint = (): void => resolve({ code: 130 });
    const onSigterm = (): void => resolve({ code: 143 });
    const onCrash = (error: unknown): void => resolve({ error });
    const keys = commands.subscribe((command) => {
      if (command.type === 'quit') resolve({ code: command.interrupted ? 130 : 0 });
    });
    const crashed = crashes.subscribe(onCrash);
    process.on('SIGINT', onSigint).on('SIGTERM', onSigterm).on('uncaughtException', onCrash).on('unhandledRejection', onCrash);
    dispose = () => {
      keys.unsubscribe();
      crashed.unsubscribe();
      process.off('SIGINT', onSigint).off('SIGTERM', onSigterm).off('uncaughtException', onCrash).off('unhandledRejection', onCrash);
    };
  });
  return { ending, dispose: () => dispose() };
};

/**
 * Runs the live dashboard until `q`, Ctrl+C, a signal or a crash, then always cleans up in order:
 * abort the rounds in flight, unmount Ink (raw mode off, cursor back), close the transport, stop the
 * server; then prints the session's summary on stdout. Sets the exit code; a crash is rethrown after cleanup so the CLI prints it (exit 1).
 */
export const runDashboardSession = async (options: DashboardSessionOptions): Promise<void> => {
  const server = await openDashboardServer(options.target, options.seed);
  // Every model gets its own maxInFlight sockets: they run at the same time and must not queue behind each other.
  const transport = createHttpTransport({ baseUrl: server.url, maxSockets: options.request.maxInFlight * options.models.length });
  const commands = new Subject<Command>();
  const crashes = new Subject<unknown>();
  const settings: DashboardSettings = { target: server.url, models: options.models, request: options.request, auto: true, intervalMs: options.intervalMs, size: terminalSize(), faults: server.faults };
  const initial = initialDashboardState(settings, server.control !== undefined);
  const latest = new BehaviorSubject(initial);
  const sizes = fromEvent(process.stdout, 'resize').pipe(map(terminalSize));
  const { ending, dispose } = firstEnding(commands, crashes);
  const rounds = dashboardState({ commands, sizes }, settings, { load: (model, request) => instrumentedLoad(model, transport, request), faults: server.control }).subscribe({
    next: (state) => latest.next(state),
    error: (error: unknown) => crashes.next(error),
  });
  const stopClearing = clearScreenOnShrink(process.stdout);
  const ink = render(<DashboardApp states={latest} initial={initial} onCommand={(command) => commands.next(command)} />, { exitOnCtrlC: false, maxFps: 1000 / FRAME_MS });
  ink.waitUntilExit().catch((error: unknown) => crashes.next(error));
  const end = await ending;
  rounds.unsubscribe();
  ink.unmount();
  await ink.waitUntilExit().catch(() => undefined);
  dispose();
  stopClearing();
  transport.close();
  await server.close();
  if ('error' in end) throw end.error;
  process.stdout.write(quitSummary(latest.value.totals)); // after the terminal is restored, as oha does
  process.exitCode = end.code;
};
