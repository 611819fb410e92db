import { Command } from 'commander';
import { from, lastValueFrom, takeUntil, tap, toArray } from 'rxjs';
import type { Endpoint } from '../domain/endpoints.js';
import type { ArenaEvent, FailureReason } from '../domain/events.js';
import type { FailOnKind } from '../domain/fail-on.js';
import type { FaultSpec } from '../domain/fault-spec.js';
import { loadRequest } from '../domain/load-request.js';
import { isModelId, MODEL_IDS } from '../domain/models.js';
import { summarizeLoad, type LoadSummary } from '../domain/outcomes.js';
import { MODELS } from '../models/index.js';
import { instrumentedLoad } from '../models/instrumented-load.js';
import { isServerStartError, startServer, type MockServer } from '../server/index.js';
import { createHttpTransport } from '../transport/http-transport.js';
import { applyFailOn, FAIL_ON_HELP, failOnList } from './fail-on-option.js';
import { collectFault, httpUrl, integerIn } from './options.js';
import { runJson } from './run-json.js';
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
  json?: boolean;
  failOn?: FailOnKind[];
  insecure?: boolean;
}

/** Failure reasons that say nothing answered: no connection, no name, or given up because of one of those (naive). */
const NO_ANSWER_REASONS: ReadonlySet<FailureReason> = new Set(['refused', 'network', 'discarded']);

/** The event shows that the target answered, or at least accepted the connection. */
const targetAnswered = (event: ArenaEvent): boolean =>
  event.type === 'arrived' || event.type === 'success' || ((event.type === 'failure' || event.type === 'retry') && !NO_ANSWER_REASONS.has(event.reason));

/** Why the target could not be reached when every request failed without an answer, else undefined. */
const unreachableReason = (summary: LoadSummary): string | undefined =>
  summary.requests.every((r) => r.outcome === 'failed' && r.reason !== undefined && NO_ANSWER_REASONS.has(r.reason))
    ? summary.requests.find((r) => r.reason !== 'discarded')?.message
    : undefined;

const openEmbeddedServer = (flags: RunFlags): Promise<MockServer> =>
  startServer({ host: '127.0.0.1', port: 0, seed: flags.seed, faults: flags.fault ?? {} }).catch((error: unknown) => {
    throw isServerStartError(error) ? new UsageError(error.message, 1) : error;
  });

/**
 * `async-arena run MODEL`: one load by one model against an embedded mock server (or `--target`),
 * narrated line by line as events arrive, then a summary line; `--json` prints one JSON object instead.
 */
export const runCommand = (): Command =>
  new Command('run')
    .description('Run one load by one model against an embedded mock server (or --target), narrating each request.')
    .argument('<model>', `the concurrency model: ${MODEL_IDS.join(', ')}`)
    .option('--fault <spec>', 'a fault on the embedded server, ENDPOINT=KIND[:PARAM], e.g. categorias=timeout, perfil=error:503 (repeatable)', collectFault)
    .option('--timeout <ms>', 'total deadline of each attempt (connect + headers + body)', integerIn(1, 600_000), 1000)
    .option('--retries <n>', 'retries after a retryable failure', integerIn(0, 20), 0)
    .option('--naive', "run the model's naive variant (the common mistake that loses data)")
    .option('--requests <n>', 'requests in the load, round-robin over the three endpoints', integerIn(1, 1_000_000), 3)
    .option('--max-in-flight <n>', 'at most this many requests at once', integerIn(1, 100_000), 100)
    .option('--seed <n>', 'seed of the server and of the backoff jitter', integerIn(0, 2_147_483_647), 1)
    .option('--target <url>', 'load from this server instead of the embedded one', httpUrl)
    .option('--insecure', "accept the --target's HTTPS certificate even if it is not trusted (self-signed)")
    .option('--json', 'print one JSON object with the outcome per endpoint, and nothing else')
    .option('--fail-on <list>', FAIL_ON_HELP, failOnList)
    .action(async (model: string, flags: RunFlags) => {
      if (!isModelId(model)) throw new UsageError(`unknown model "${model}" (expected one of: ${MODEL_IDS.join(', ')})`);
      if (flags.target !== undefined && flags.fault !== undefined) throw new UsageError('--fault applies to the embedded server only; it cannot be combined with --target');
      const variant = flags.naive ? 'naive' : 'correct';
      const request = loadRequest({ requests: flags.requests, deadlineMs: flags.timeout, retries: flags.retries, maxInFlight: flags.maxInFlight, variant, seed: flags.seed });
      const server = flags.target === undefined ? await openEmbeddedServer(flags) : undefined;
      const baseUrl = flags.target ?? (server as MockServer).url;
      // Capped: more than ~500 new connections at once overflow a Node server's listen backlog (511) and
      // wait 1 s for a SYN retry; 256 keep-alive sockets carried 2000 in flight with no timeout (measured).
      const transport = createHttpTransport({ baseUrl, maxSockets: Math.min(flags.maxInFlight, 256), insecure: flags.insecure === true });
      const write = (line: string): void => void process.stdout.write(`${line}\n`);
      // The embedded server cannot refuse: only a --target's narration waits for an answer.
      const narration = heldNarration(write, { withIds: flags.requests > 3, pathPrefix: new URL(baseUrl).pathname.replace(/\/$/, '') }, flags.target !== undefined);
      if (flags.naive && !flags.json) write(naiveLine(MODELS[model].naiveMistake));
      let answered = false;
      let events: ArenaEvent[];
      const signal = untilSignal(); // Ctrl+C cancels the load in flight; exit 130 (143 for SIGTERM)
      let stoppedBy: number | undefined;
      void signal.stopped.then((code) => (stoppedBy = code));
      try {
        events = await lastValueFrom(
          instrumentedLoad(model, transport, request).pipe(
            takeUntil(from(signal.stopped)),
            tap((event) => {
              if (!answered && targetAnswered(event)) {
                answered = true;
                narration.release();
              }
              if (!flags.json) narration.narrate(event);
            }),
            toArray(),
          ),
        );
      } finally {
        signal.dispose();
        transport.close();
        await server?.close();
      }
      if (stoppedBy !== undefined) {
        process.exitCode = stoppedBy;
        return;
      }
      const summary = summarizeLoad(model, events);
      const unreachable = answered ? undefined : unreachableReason(summary);
      if (unreachable !== undefined) throw new UsageError(`cannot reach ${baseUrl}: ${withTlsHint(unreachable)}`, 1);
      if (flags.json) write(JSON.stringify(runJson(summary, variant, MODELS[model].naiveMistake)));
      else {
        narration.release();
        write(summaryLine(summary, variant));
      }
      applyFailOn(flags.failOn, summary, `${model} ${variant}`);
    });
