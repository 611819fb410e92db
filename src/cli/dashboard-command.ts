import { Command } from 'commander';
import { MODEL_IDS, type ModelId } from '../domain/models.js';
import { LIMITS } from '../domain/limits.js';
import { loadRequest, type ExecutorKind } from '../domain/load-request.js';
import { contendersOf } from '../domain/contender.js';
import { checkExecutors, executorsOption } from './dashboard-executors.js';
import { workMsOption } from './executor-options.js';
import { modelList } from './compare-options.js';
import type { TransportKind } from '../domain/transport.js';
import { httpUrl, integerIn, transportOption } from './options.js';
import { maxInFlightFor, openFileLimit } from './open-file-limit.js';
import { UsageError } from './usage-error.js';
import { useDashboardHeap } from './dashboard-heap.js';
import { DASHBOARD_MAX_IN_FLIGHT } from '../streams/dashboard-state.js';

interface DashboardFlags {
  target?: string;
  models?: ModelId[];
  timeout: number;
  retries: number;
  maxInFlight: number;
  concurrency: number;
  interval: number;
  seed: number;
  transport?: TransportKind;
  executors: ExecutorKind[];
  workMs: number;
}

/** The one line printed instead of a dashboard when there is no terminal to draw on. */
export const NO_TERMINAL_MESSAGE = 'the live dashboard needs a terminal (stdin and stdout must be a TTY); for scripted runs use `async-arena run` or `async-arena compare`';

/**
 * Refuses (exit 2, naming the limit) a `--max-in-flight` whose sockets, one per request in flight for
 * each model, would not fit under the open-file limit: past it, connections fail with EMFILE.
 */
export const checkOpenFiles = (maxInFlight: number, models: number, limit: number | undefined): void => {
  if (limit === undefined || maxInFlight <= maxInFlightFor(limit, models)) return;
  throw new UsageError(
    `--max-in-flight ${maxInFlight}: ${models} models × ${maxInFlight} sockets do not fit under the open-file limit of ${limit} (ulimit -n); use at most ${maxInFlightFor(limit, models)}, or raise the limit`,
  );
};

/**
 * `async-arena` / `async-arena dashboard` (the default command): the four models side by side,
 * round after round, against the mock server (or `--target`), with fault keys.
 */
export const dashboardCommand = (): Command =>
  new Command('dashboard')
    .description('The live dashboard: the models load the EcoMarket page side by side, round after round; keys inject faults (press ? for help).')
    .option('--target <url>', 'use a running server instead of starting the mock one (fault keys need its control API)', httpUrl)
    .option('--models <list>', 'models to show, comma-separated, e.g. callbacks,reactive', modelList)
    .option('--timeout <ms>', 'total deadline of each request attempt', integerIn(LIMITS.deadlineMs), 1000)
    .option('--retries <n>', 'retries after a retryable failure', integerIn(LIMITS.retries), 0)
    .option('--max-in-flight <n>', 'requests in flight at once per model', integerIn(LIMITS.dashboardMaxInFlight), DASHBOARD_MAX_IN_FLIGHT)
    .option('--concurrency <n>', 'requests per model per round (3 = the EcoMarket page)', integerIn(LIMITS.concurrency), 3)
    .option('--interval <ms>', 'pause between the end of a round and the next (auto-rerun)', integerIn(LIMITS.durationMs), 2000)
    .option('--seed <n>', 'seed of the server and of the retry jitter', integerIn(LIMITS.seed), 1)
    .addOption(transportOption())
    .addOption(executorsOption())
    .addOption(workMsOption())
    .action(async (flags: DashboardFlags) => {
      const models = flags.models ?? MODEL_IDS;
      checkExecutors(models, flags.executors);
      checkOpenFiles(flags.maxInFlight, contendersOf(models, flags.executors).length, openFileLimit());
      if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(NO_TERMINAL_MESSAGE);
      useDashboardHeap();
      // Loaded here, not at start: Ink, React and yoga cost other commands ~45 MB they never use.
      // The React mode is set before React loads.
      await import('./dashboard-react-mode.js');
      const { runDashboardSession } = await import('./dashboard-session.js');
      process.exitCode = await runDashboardSession({
        target: flags.target,
        models,
        executors: flags.executors,
        request: loadRequest({ requests: flags.concurrency, deadlineMs: flags.timeout, retries: flags.retries, maxInFlight: flags.maxInFlight, seed: flags.seed, workMs: flags.workMs }),
        intervalMs: flags.interval,
        seed: flags.seed,
        transport: flags.transport,
      });
    });
