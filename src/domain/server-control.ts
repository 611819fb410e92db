import type { Endpoint } from './endpoints.js';
import type { FaultKind, FaultMap, FaultSpec } from './fault-spec.js';

/** What the server did for one endpoint since it started (or since the last reset of its counters). */
export interface EndpointStats {
  /** Requests received on the endpoint. */
  readonly received: number;
  /** Responses answered successfully: 200 with a complete, valid JSON body written. */
  readonly ok: number;
  /** How many times each fault kind was applied. */
  readonly faults: Readonly<Partial<Record<Exclude<FaultKind, 'none'>, number>>>;
}

/** The server's ground truth, per endpoint. */
export type ServerStats = Readonly<Record<Endpoint, EndpointStats>>;

/** Base latency of an endpoint's answer: `ms` plus a uniform jitter of ±`jitterMs` (seeded). */
export interface LatencySpec {
  readonly ms: number;
  readonly jitterMs: number;
}

/**
 * Control of a running mock server, the same whether it runs in this process, in a child
 * process, or is a remote `--target` that exposes the control API.
 */
export interface ServerControl {
  /** Base URL, e.g. `http://127.0.0.1:3000` (the API lives under `/api/`). */
  readonly url: string;
  setFault(endpoint: Endpoint, fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  faults(): Promise<FaultMap>;
  stats(): Promise<ServerStats>;
  /**
   * Begins a load: from now on every random decision (latency jitter, probabilistic faults) comes from a
   * stream seeded by `seed`, keyed by endpoint and that endpoint's request index within the load.
   */
  beginLoad(seed: number): Promise<void>;
  /**
   * A short digest (8 hex digits) of the delays and faults planned for the current load's requests,
   * and how many requests the server still holds open (so a runner can wait for stragglers).
   */
  loadPlan(): Promise<{ readonly digest: string; readonly pending: number }>;
  /** Stops the server (a no-op for a remote target). */
  close(): Promise<void>;
}
