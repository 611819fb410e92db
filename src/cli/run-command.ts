import { Command } from 'commander';
import { from, lastValueFrom, takeUntil, tap } from 'rxjs';
import type { Endpoint } from '../domain/endpoints.js';
import type { FailOnKind } from '../domain/fail-on.js';
import type { FaultSpec } from '../domain/fault-spec.js';
import { LIMITS } from '../domain/limits.js';
import { loadRequest, type ExecutorKind } from '../domain/load-request.js';
import { isModelId, MODEL_IDS } from '../domain/models.js';
import { showsAnswer } from '../domain/reachability.js';
import type { TransportKind } from '../domain/transport.js';
import { MODELS } from '../models/index.js';
import { arenaUsageError, openCommandArena } from './arena-errors.js';
import { applyFailOn, FAIL_ON_HELP, failOnList } from './fail-on-option.js';
import { collectFault, httpUrl, integerIn, transportOption } from './options.js';
import { checkExecutor, executorOption, workMsOption } from './executor-options.js';
import { runJson } from './run-json.js';
import { summarizeRun, type RunOutcome } from './run-summary.js';
import { heldNarration, naiveLine, summaryLine } from './run-narration.js';
import { withTlsHint } from './tls-hint.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';

interface RunFlags {
  fault?: Partial<Record<Endpoint, FaultSpec>>;
  timeout: number;
  retries: number;
  naive?: boolean;
  requests: number;
  maxInFlight: number;
  seed: number;
  target?: string;
  transport?: TransportKind;
  json?: boolean;
  failOn?: FailOnKind[];
  insecure?: boolean;
  executor: ExecutorKind;
  workMs: number;
}

/**
 * `async-arena run MODEL`: one load by one model in an arena session (the embedded mock server, or `--target`),
 * narrated line by line as events arrive, then a summary line; `--json` prints one JSON object instead.
 */
export const runCommand = (): Command =>
  new Command('run')
    .description('Run one load by one model against an embedded mock server (or --target), narrating each request.')
    .argument('<model>', `the concurrency model: ${MODEL_IDS.join(', ')}`)
    .option('--fault <spec>', 'a fault from the start, ENDPOINT=KIND[:PARAM], e.g. categorias=timeout, perfil=error:503 (repeatable; on a --target, put back on exit)', collectFault)
    .option('--timeout <ms>', 'total deadline of each attempt (connect + headers + body)', integerIn(LIMITS.deadlineMs), 1000)
    .option('--retries <n>', 'retries after a retryable failure', integerIn(LIMITS.retries), 0)
    .option('--naive', "run the model's naive variant (the common mistake that loses data)")
    .option('--requests <n>', 'requests in the load, round-robin over the three endpoints', integerIn(LIMITS.requests), 3)
    .option('--max-in-flight <n>', 'at most this many requests at once', integerIn(LIMITS.maxInFlight), 100)
    .option('--seed <n>', 'seed of the server and of the backoff jitter', integerIn(LIMITS.seed), 1)
    .addOption(transportOption())
    .addOption(executorOption())
    .addOption(workMsOption())
    .option('--target <url>', 'load from this server instead of the embedded one', httpUrl)
    .option('--insecure', "accept the --target's HTTPS certificate even if it is not trusted (self-signed)")
    .option('--json', 'print one JSON object with the outcome per endpoint, and nothing else')
    .option('--fail-on <list>', FAIL_ON_HELP, failOnList)
    .action(async (model: string, flags: RunFlags) => {
      if (!isModelId(model)) throw new UsageError(`unknown model "${model}" (expected one of: ${MODEL_IDS.join(', ')})`);
      checkExecutor(model, flags.executor);
      const variant = flags.naive ? 'naive' : 'correct';
      const request = loadRequest({ requests: flags.requests, deadlineMs: flags.timeout, retries: flags.retries, maxInFlight: flags.maxInFlight, variant, seed: flags.seed, executor: flags.executor, workMs: flags.workMs });
      // A big load gets the server its own process, so the client's event loop is not also the server's.
      const arena = await openCommandArena({ target: flags.target, embedded: flags.requests > 3 ? 'process' : 'inline', seed: flags.seed, faults: flags.fault, maxSockets: flags.maxInFlight, transport: flags.transport, insecure: flags.insecure === true });
      const write = (line: string): void => void process.stdout.write(`${line}\n`);
      // The embedded server cannot refuse: only a --target's narration waits for an answer.
      const narration = heldNarration(write, { withIds: flags.requests > 3, pathPrefix: new URL(arena.url).pathname.replace(/\/$/, '') }, flags.target !== undefined);
      if (flags.naive && !flags.json) write(naiveLine(MODELS[model].naiveMistake));
      let answered = false;
      let outcome: RunOutcome;
      const signal = untilSignal(); // Ctrl+C cancels the load in flight; exit 130 (143 for SIGTERM)
      let stoppedBy: number | undefined;
      void signal.stopped.then((code) => (stoppedBy = code));
      try {
        outcome = await lastValueFrom(
          arena.load(model, request).pipe(
            takeUntil(from(signal.stopped)),
            tap((event) => {
              if (!answered && showsAnswer(event)) {
                answered = true;
                narration.release();
              }
              if (!flags.json) narration.narrate(event);
            }),
            summarizeRun(model), // folded as they come: no event is kept

          ),
        );
      } finally {
        signal.dispose();
        await arena.close().catch((error: unknown) => {
          throw arenaUsageError(error, flags.target);
        });
      }
      if (stoppedBy !== undefined) {
        process.exitCode = stoppedBy;
        return;
      }
      const { summary, unreachable } = outcome;
      if (unreachable !== undefined) throw new UsageError(`cannot reach ${arena.url}: ${withTlsHint(unreachable)}`, 1);
      if (flags.json) write(JSON.stringify(runJson(summary, variant, MODELS[model].naiveMistake, flags.executor)));
      else {
        narration.release();
        write(summaryLine(summary, variant));
      }
      applyFailOn(flags.failOn, summary, `${model} ${variant}`);
    });
