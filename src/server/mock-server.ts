import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerControl } from '../domain/server-control.js';
import { createApiHandler } from './api-handler.js';
import { hostName, originOf, type ControlPolicy } from './control-guard.js';
import { createControlHandler } from './control-handler.js';
import { FaultBook } from './fault-book.js';
import { listen } from './listen.js';
import { LoadPlan } from './load-plan.js';
import { isLoopbackHost } from './loopback.js';
import { createRouter } from './request-router.js';
import { prepareEndpointBodies } from './response-bodies.js';
import { ServerCounters } from './server-counters.js';
import { DEFAULT_LATENCY, DEFAULT_SERVER_OPTIONS, type ServerOptions } from './server-options.js';
import { ServerStartError } from './server-start-error.js';

/** The mock EcoMarket server running in this process. */
export interface MockServer extends ServerControl {
  /** The underlying node:http server. */
  readonly server: Server;
}

/** A client must send its headers within this time, and its whole request within {@link REQUEST_TIMEOUT_MS}. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Stops accepting, destroys every connection (keep-alive, hung `timeout` requests, slow bodies) and
 * resolves once every socket has emitted 'close', i.e. its handle is gone.
 */
const closeServer = async (server: Server, sockets: ReadonlySet<Socket>): Promise<void> => {
  const closing = (emitter: Server | Socket): Promise<void> => new Promise((resolve) => emitter.once('close', () => resolve()));
  const closed = [closing(server), ...[...sockets].map(closing)];
  server.close();
  server.closeAllConnections();
  await Promise.all(closed);
};

/** The control API's policy: the `--allow-remote` interface as an extra host name, and the allowed origins. */
const controlPolicy = (host: string, allowRemote: boolean, allowOrigins: readonly string[]): ControlPolicy => {
  const name = hostName(host.includes(':') ? `[${host}]` : host);
  return { hosts: allowRemote && name !== undefined ? [name] : [], origins: allowOrigins.map((origin) => originOf(origin) ?? origin) };
};

/** The set of open sockets of a server, kept up to date. */
const trackSockets = (server: Server): ReadonlySet<Socket> => {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
};

/**
 * Starts the mock EcoMarket API (`/api/productos`, `/api/categorias`, `/api/perfil`) with per-endpoint
 * faults and the control API under `/__control`. Rejects with a `ServerStartError` for a port in use or
 * a non-loopback host without `allowRemote`.
 *
 * @example
 * const server = await startServer({ port: 0, faults: { categorias: { kind: 'timeout' } } });
 * // … GET `${server.url}/api/perfil` …
 * await server.close();
 */
export const startServer = async (options: Partial<ServerOptions> = {}): Promise<MockServer> => {
  const { host, port, seed, latency, faults, allowRemote, allowOrigins } = { ...DEFAULT_SERVER_OPTIONS, ...options };
  if (!allowRemote && !isLoopbackHost(host)) {
    throw new ServerStartError(`host ${host} is not a loopback address; pass --allow-remote to listen on it`);
  }
  const book = new FaultBook(faults);
  const counters = new ServerCounters();
  const loadPlan = new LoadPlan(seed);
  const api = createApiHandler({ loadPlan, latency: { ...DEFAULT_LATENCY, ...latency }, book, counters, bodies: prepareEndpointBodies() });
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    createRouter(api, createControlHandler({ book, counters, loadPlan, policy: controlPolicy(host, allowRemote, allowOrigins) })),
  );
  const sockets = trackSockets(server);
  const url = await listen(server, host, port);
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    setFault: async (endpoint, fault) => book.set(endpoint, fault),
    clearFaults: async () => book.clear(),
    faults: async () => book.all,
    stats: async () => counters.snapshot(),
    beginLoad: async (loadSeed) => loadPlan.begin(loadSeed),
    loadPlan: async () => {
      const { digest, pending } = loadPlan.summary();
      return { digest, pending };
    },
    close: () => (closing ??= closeServer(server, sockets)),
  };
};
