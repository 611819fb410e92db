import type { LoadRequest } from './load-request.js';

/** What a raw-transport load did: the transport calls it made and how many of them failed. */
export interface RawLoadOutcome {
  /** One call per request: no retries. */
  readonly calls: number;
  readonly failed: number;
}

/**
 * The transport alone, no model: `request.requests` calls of the shared transport, round-robin over
 * the endpoints, at most `request.maxInFlight` at once, one attempt each (its retries, backoff,
 * variant and executor are ignored). What `compare` measures as the transport's share of a request's
 * cost. An arena session provides it (`openArena(…).rawLoad`).
 */
export type RawTransportLoad = (request: LoadRequest) => Promise<RawLoadOutcome>;
