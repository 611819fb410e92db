/**
 * The mock server's listen backlog and the transports' socket pools, sized together. A burst of new
 * connections larger than the server's accept queue overflows it, and the kernel drops the SYNs
 * that do not fit: those clients wait a 1 s SYN retry (or see a refusal). So every pool stays well
 * under the backlog, and a load with more requests in flight than sockets queues them in the pool.
 */

/**
 * Connections the mock server's accept queue holds. Node's default (511) drops the SYNs of a burst of
 * thousands of new keep-alive sockets, which the client retries only after a second: an in-flight
 * sweep at 5 000 would measure SYN retransmits. The kernel caps it at `net.core.somaxconn` (4096 by
 * default since Linux 5.4).
 */
export const LISTEN_BACKLOG = 8192;

/** Most sockets one transport opens to a server: enough for the in-flight sweep's largest level (5 000), so none of its requests waits for a socket. */
export const MAX_POOL_SOCKETS = 5000;

/** The socket pool for a load of `maxInFlight` requests at once: one socket per request, at most {@link MAX_POOL_SOCKETS}. */
export const poolSize = (maxInFlight: number): number => Math.max(1, Math.min(maxInFlight, MAX_POOL_SOCKETS));
