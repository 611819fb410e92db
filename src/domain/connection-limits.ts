/**
 * The mock server's listen backlog and the transports' socket pools, sized together. A burst of new
 * connections larger than the server's accept queue overflows it, and the kernel drops the SYNs
 * that do not fit: those clients wait a 1 s SYN retry (or see a refusal). So every pool stays well
 * under the backlog, and a load with more requests in flight than sockets queues them in the pool.
 */

/** Connections the mock server's accept queue holds (the kernel caps it at `net.core.somaxconn`, 4096 by default since Linux 5.4). */
export const LISTEN_BACKLOG = 2048;

/** Most sockets one transport opens to a server: half of {@link LISTEN_BACKLOG}, so a whole pool connecting at once fits in the queue with room to spare. */
export const MAX_POOL_SOCKETS = 1024;

/** The socket pool for a load of `maxInFlight` requests at once: one socket per request, at most {@link MAX_POOL_SOCKETS}. */
export const poolSize = (maxInFlight: number): number => Math.max(1, Math.min(maxInFlight, MAX_POOL_SOCKETS));
