import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';
import type { InstrumentedLoad } from '../domain/instrumented-load.js';
import type { RawTransportLoad } from '../domain/raw-transport-load.js';
import type { LatencySpec, ServerControl } from '../domain/server-control.js';
import { instrumentedLoad, loadTransport } from '../models/index.js';
import { connectServer, probeControlApi, startServer, startServerProcess } from '../server/index.js';
import { CONTROL_CALL_LIMITS } from '../server/http-json.js';
import { poolSize } from '../domain/connection-limits.js';
import type { TransportKind } from '../domain/transport.js';
import { importTransport } from '../transport/import-transport.js';
import { rawTransportLoad } from './raw-transport-load.js';
import { TargetError } from './target-error.js';

/** What an arena session measures against, and how. */
export interface ArenaOptions {
  /** A running server to load from instead of starting the mock one. */
  readonly target?: string;
  /**
   * Where the embedded mock server runs: `process` (its own process, so it never shares the
   * client's event loop; the dashboard and `compare`) or `inline` (this process, starts at once; `run`).
   */
  readonly embedded?: 'process' | 'inline';
  /** Seed of the embedded server's latency jitter and fault probabilities. */
  readonly seed: number;
  /** Base latencies of the embedded server (a target keeps its own). */
  readonly latency?: Partial<Record<Endpoint, LatencySpec>>;
  /** Faults in force from the start: on the embedded server, or set on the target and put back on close. */
  readonly faults?: Partial<Record<Endpoint, FaultSpec>>;
  /** The session must steer the server (e.g. `compare` sets faults per run): a target without a control API is refused. */
  readonly needsControl?: boolean;
  /** Requests the session's loads may have in flight at once: the shared transport's pool is sized from it (`poolSize`). */
  readonly maxSockets: number;
  /** The HTTP client every load shares (default axios). */
  readonly transport?: TransportKind;
  /** Accept any HTTPS certificate of the target (`--insecure`). */
  readonly insecure?: boolean;
}

/** One arena session: a server, its control, one transport, and loads over it. */
export interface Arena {
  readonly url: string;
  /** Steers the server; absent for a target without a control API. */
  readonly control?: ServerControl;
  /** Faults in force when the session opened. */
  readonly faults: FaultMap;
  /** One instrumented load of a model over the session's transport. */
  readonly load: InstrumentedLoad;
  /** The same requests over the session's transport with no model (on this thread): the transport's own cost. */
  readonly rawLoad: RawTransportLoad;
  /**
   * Closes the transport, then stops the embedded server or puts back the faults a target had when
   * the session opened (rejects with the control API's error if that fails). Idempotent.
   */
  close(): Promise<void>;
}

interface ArenaServer {
  readonly url: string;
  readonly control?: ServerControl;
  readonly faults: FaultMap;
  release(): Promise<void>;
}

/** How long closing may spend putting back a target's faults. */
const RESTORE_DEADLINE_MS = 1000;

const setFaults = async (control: ServerControl, faults: Partial<Record<Endpoint, FaultSpec>>): Promise<void> =>
  void (await Promise.all(ENDPOINTS.flatMap((endpoint) => (faults[endpoint] ? [control.setFault(endpoint, faults[endpoint])] : []))));

const startEmbedded = async ({ embedded = 'process', seed, latency = {}, faults = {} }: ArenaOptions): Promise<ArenaServer> => {
  const options = { host: '127.0.0.1', port: 0, seed, latency, faults };
  const server = embedded === 'inline' ? await startServer(options) : await startServerProcess(options);
  return { url: server.url, control: server, faults: { ...NO_FAULTS, ...faults }, release: () => server.close() };
};

/** The one `--target` policy: steer it only through its control API, and leave it as it was found. */
const openTarget = async (target: string, { faults = {}, needsControl = false }: ArenaOptions): Promise<ArenaServer> => {
  const wantsFaults = Object.keys(faults).length > 0;
  if (!(await probeControlApi(target))) {
    if (needsControl || wantsFaults) throw new TargetError(`--target ${target}: no async-arena control API answers there${wantsFaults ? ' to set --fault on' : ''} (start one with \`async-arena serve\`)`);
    return { url: target, faults: NO_FAULTS, release: async () => undefined };
  }
  const control = connectServer(target);
  const found = await control.faults();
  // Putting the faults back is bounded by its own short deadline, so quitting never waits on a slow target.
  const restorer = connectServer(target, { ...CONTROL_CALL_LIMITS, deadlineMs: RESTORE_DEADLINE_MS });
  const putBack = async (): Promise<void> => setFaults(restorer, found);
  await setFaults(control, faults).catch(async (error: unknown) => {
    await putBack().catch(() => undefined); // the first error is the one to report
    throw error;
  });
  return { url: target, control, faults: { ...found, ...faults }, release: putBack };
};

/**
 * Opens an arena session, the one way `run`, the dashboard and `compare` wire a server, a transport
 * and the instrumented loads: the mock server (in its own process or inline) or a `--target`.
 * Rejects with a `ServerStartError` when the mock server cannot start, a {@link TargetError} when a
 * target cannot be steered as asked, and a `ControlApiError` when its control API fails.
 *
 * @example
 * const arena = await openArena({ seed: 1, faults: { categorias: { kind: 'timeout' } }, maxSockets: 3 });
 * try { await lastValueFrom(arena.load('futures', loadRequest()).pipe(toArray())); } finally { await arena.close(); }
 */
export const openArena = async (options: ArenaOptions): Promise<Arena> => {
  const server = options.target === undefined ? await startEmbedded(options) : await openTarget(options.target, options);
  const transportOptions = { kind: options.transport, baseUrl: server.url, maxSockets: poolSize(options.maxSockets), insecure: options.insecure };
  // Only the client of this kind is loaded: axios and undici each keep ~4 MB of code and data live for the whole session.
  const transport = await importTransport(transportOptions);
  const threadable = loadTransport(transport, transportOptions); // a load on `threads` has its workers build the same client
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    control: server.control,
    faults: server.faults,
    load: (model, request) => instrumentedLoad(model, threadable, request),
    rawLoad: rawTransportLoad(transport),
    close: () =>
      (closing ??= (async () => {
        transport.close();
        await server.release();
      })()),
  };
};
