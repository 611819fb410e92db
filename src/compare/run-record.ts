import type { Endpoint } from '../domain/endpoints.js';
import type { ModelId, Variant } from '../domain/models.js';
import type { EndpointTally } from '../domain/outcomes.js';

/** What the server counted for one endpoint during one load (deltas of its stats). */
export interface ServerDelta {
  readonly received: number;
  readonly ok: number;
}

/** One measured load: the model's outcome, the server's ground truth and the client's cost. */
export interface RunRecord {
  readonly model: ModelId;
  readonly variant: Variant;
  readonly concurrency: number;
  /** Measured run index within its concurrency level (0-based). */
  readonly run: number;
  readonly totalMs: number;
  readonly firstResultMs?: number;
  readonly endpoints: Readonly<Record<Endpoint, EndpointTally>>;
  readonly delivered: number;
  readonly lost: number;
  /** Requests the client sent, retries included. */
  readonly attempts: number;
  readonly server: Readonly<Record<Endpoint, ServerDelta>>;
  /** Client CPU time (user + system) spent during the load. */
  readonly cpuMs: number;
  /** Highest resident set size sampled during the load. */
  readonly peakRssBytes: number;
}
