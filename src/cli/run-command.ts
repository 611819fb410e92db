import { Command } from 'commander';
import { lastValueFrom, tap, toArray } from 'rxjs';
import type { Endpoint } from '../domain/endpoints.js';
import type { ArenaEvent } from '../domain/events.js';
import type { FaultSpec } from '../domain/fault-spec.js';
import { loadRequest } from '../domain/load-request.js';
import { isModelId, MODEL_IDS } from '../domain/models.js';
import { summarizeLoad, type LoadSummary } from '../domain/outcomes.js';
import { instrumentedLoad } from '../models/instrumented-load.js';
import { isServerStartError, startServer, type MockServer } from '../server/index.js';
import { createHttpTransport } from '../transport/http-transport.js';
import { collectFault, httpUrl, integerIn } from './options.js';
import { runJson } from './run-json.js';
import { narrationLine, summaryLine } from './run-narration.js';
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
}

/** A request that reached the server has an outcome other than refused (or discarded because of one). */
const reachedServer = (event: ArenaEvent): boolean => event.type === 'success' || (event.type === 'failure' && event.reason !== 'refused' && event.reason !== 'discarded');

/** Nothing was delivered and every request was refused (or discarded after a refusal). */
const allRefused = (summary: LoadSummary): boolean =>
  summary.delivered === 0 && summary.requests.some((r) => r.reason === 'refused') && summary.requests.every((r) => r.reason === 'refused' || r.reason === 'discarded');

/**
 * Narration that waits until the server has been reached: if every request is refused, the run ends
 * with one line instead of a screenful of refusals.
 */
const heldNarration = (write: (line: string) => void, withIds: boolean) => {
  let held: string[] | undefined = [];
  const release = (): void => {
    held?.forEach(write);
    held = undefined;
  };
  return {
    narrate: (event: ArenaEvent): void => {
      if (reachedServer(event)) release();
      const line = narrationLine(event, withIds);
      if (line === undefined) return;
      if (held) held.push(line);
      else write(line);
    },
    /** Writes the lines still held (the run reached the server after all, or ended otherwise). */
    release,
  };
};

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
    .option('--json', 'print one JSON object with the outcome per endpoint, and nothing else')
    .action(async (model: string, flags: RunFlags) => {
      if (!isModelId(model)) throw new UsageError(`unknown model "${model}" (expected one of: ${MODEL_IDS.join(', ')})`);
      if (flags.target !== undefined && flags.fault !== undefined) throw new UsageError('--fault applies to the embedded server only; it cannot be combined with --target');
      const variant = flags.naive ? 'naive' : 'correct';
      const request = loadRequest({ requests: flags.requests, deadlineMs: flags.timeout, retries: flags.retries, maxInFlight: flags.maxInFlight, variant, seed: flags.seed });
      const server = flags.target === undefined ? await openEmbeddedServer(flags) : undefined;
      const baseUrl = flags.target ?? (server as MockServer).url;
      const transport = createHttpTransport({ baseUrl, maxSockets: Math.min(flags.maxInFlight, 256) });
      const narration = heldNarration((line) => process.stdout.write(`${line}\n`), flags.requests > 3);
      let events: ArenaEvent[];
      try {
        events = await lastValueFrom(instrumentedLoad(model, transport, request).pipe(tap((event) => {
            if (!flags.json) narration.narrate(event);
          }), toArray()));
      } finally {
        transport.close();
        await server?.close();
      }
      const summary = summarizeLoad(model, events);
      if (allRefused(summary)) throw new UsageError(`cannot reach ${baseUrl}: connection refused`, 1);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(runJson(summary, variant))}\n`);
        return;
      }
      narration.release();
      process.stdout.write(`${summaryLine(summary, variant)}\n`);
    });
