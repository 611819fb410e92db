import { Command } from 'commander';
import type { Endpoint } from '../domain/endpoints.js';
import type { FaultSpec } from '../domain/fault-spec.js';
import { LIMITS } from '../domain/limits.js';
import type { LatencySpec } from '../domain/server-control.js';
import { DEFAULT_LATENCY, isServerStartError, listeningLine, startServer, uniformLatency } from '../server/index.js';
import { isLoopbackHost } from '../server/loopback.js';
import { EXIT } from './exit-codes.js';
import { collectFault, collectOrigin, integerIn } from './options.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';

interface ServeFlags {
  host: string;
  port: number;
  seed: number;
  latency?: number;
  jitter?: number;
  fault?: Partial<Record<Endpoint, FaultSpec>>;
  allowRemote?: boolean;
  allowOrigin?: string[];
}

/** `--latency` replaces every endpoint's base latency (jitter 0 unless `--jitter`); `--jitter` alone keeps the default bases. */
const baseLatency = (latency: number | undefined, jitter: number | undefined): Partial<Record<Endpoint, LatencySpec>> => {
  if (latency !== undefined) return uniformLatency({ ms: latency, jitterMs: jitter ?? 0 });
  if (jitter === undefined) return {};
  return Object.fromEntries(Object.entries(DEFAULT_LATENCY).map(([endpoint, spec]) => [endpoint, { ...spec, jitterMs: jitter }]));
};

/**
 * `async-arena serve`: runs the mock EcoMarket API with fault injection until SIGINT/SIGTERM. Prints
 * exactly one line, `listening on http://HOST:PORT`, to stdout. Exit codes: 2 for a non-loopback
 * `--host` without `--allow-remote`, 1 when it cannot listen (port in use), 130 on SIGINT, 143 on SIGTERM.
 */
export const serveCommand = (): Command =>
  new Command('serve')
    .description('Run the mock EcoMarket API (/api/productos, /api/categorias, /api/perfil) with fault injection and a control API under /__control.')
    .option('--host <host>', 'interface to listen on (non-loopback needs --allow-remote)', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', integerIn(LIMITS.port), 3000)
    .option('--seed <n>', 'seed of latency jitter and fault probabilities', integerIn(LIMITS.seed), 1)
    .option('--latency <ms>', 'base latency of every endpoint (default: productos 120±30, categorias 60±20, perfil 90±25 ms)', integerIn(LIMITS.durationMs))
    .option('--jitter <ms>', 'uniform ± jitter of the base latency', integerIn(LIMITS.durationMs))
    .option('--fault <spec>', 'a fault from the start, ENDPOINT=KIND[:PARAM], e.g. categorias=timeout, perfil=error:503 (repeatable)', collectFault)
    .option('--allow-remote', 'allow listening on a non-loopback interface (the control API still answers loopback clients only)')
    .option('--allow-origin <origin>', 'let web pages from this origin, e.g. http://localhost:5173, call the control API (repeatable; default: none)', collectOrigin)
    .action(async (flags: ServeFlags) => {
      if (flags.allowRemote !== true && !isLoopbackHost(flags.host)) throw new UsageError(`host ${flags.host} is not a loopback address; pass --allow-remote to listen on it`);
      const signal = untilSignal();
      const server = await startServer({
        host: flags.host,
        port: flags.port,
        seed: flags.seed,
        latency: baseLatency(flags.latency, flags.jitter),
        faults: flags.fault ?? {},
        allowRemote: flags.allowRemote === true,
        allowOrigins: flags.allowOrigin ?? [],
      }).catch((error: unknown) => {
        signal.dispose();
        throw isServerStartError(error) ? new UsageError(error.message, EXIT.unreachable) : error;
      });
      process.stdout.write(listeningLine(server.url));
      process.exitCode = await signal.stopped;
      signal.dispose();
      await server.close();
    });
