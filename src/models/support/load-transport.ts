import type { Transport } from '../../domain/transport.js';
import type { TransportOptions } from '../../transport/create-transport.js';
import type { ThreadPool } from '../runtime/thread-pool.js';

/**
 * The transport a load is handed: calls on the event loop (`get`) and, when the HTTP client can be
 * rebuilt in a worker from plain options, the same client on the worker threads of a pool
 * (`onThreads`). A wrapper that watches the wire (arrivals, timings) wraps both, so a response that
 * comes back from a thread is seen when it reaches the main thread.
 */
export interface LoadTransport extends Transport {
  /** The same wire with every call performed on a thread of `pool`, and `workUnits` of CPU work on each response there. Absent for a transport that cannot cross threads (a test double). */
  readonly onThreads?: (pool: ThreadPool, workUnits: number) => Transport;
}

/** The {@link LoadTransport} of an HTTP transport built from `options`: its workers build the same client from the same options. */
export const loadTransport = (transport: Transport, options: TransportOptions): LoadTransport => ({
  get: (call) => transport.get(call),
  onThreads: (pool, workUnits) => pool.transport({ transport: { kind: options.kind, baseUrl: options.baseUrl, maxBodyBytes: options.maxBodyBytes }, workUnits }),
});

/** `transport` with `wrap` applied to its event-loop calls and to its thread calls alike. */
export const wrapLoadTransport = (transport: LoadTransport, wrap: (inner: Transport) => Transport): LoadTransport => {
  const { onThreads } = transport;
  return { get: wrap(transport).get, onThreads: onThreads && ((pool, workUnits) => wrap(onThreads(pool, workUnits))) };
};
