import type { Endpoint } from '../domain/endpoints.js';
import type { ExecutorKind } from '../domain/load-request.js';
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
  /** Where the model ran its requests (`loop` for async-await and reactive, always). */
  readonly executor: ExecutorKind;
  readonly variant: Variant;
  /** Requests per load: the level. */
  readonly concurrency: number;
  /** At most this many requests in flight during the load. */
  readonly inFlight: number;
  /** The repetition (0-based, per level) this run belongs to: every contender runs once per repetition. */
  readonly repetition: number;
  /** Its place in the run order of its repetition (0-based; see schedule.ts). */
  readonly position: number;
  /**
   * Digest of the delays and faults the server planned for this load's requests (see the server's
   * `GET /__control/load`): equal across the contenders of a repetition. Null against a target
   * without seeded loads, where runs are paired by repetition order only.
   */
  readonly serverPlan: string | null;
  readonly totalMs: number;
  readonly firstResultMs?: number;
  /** When the model first reported a failure to the application (ms since start), if any. */
  readonly firstFailureMs?: number;
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
  /** 99th percentile of the event loop's delay during the load, ms. */
  readonly eventLoopP99Ms: number;
  /** What the load's worker threads cost; absent on the loop. */
  readonly threads?: ThreadRecord;
}

/** One load's worker threads: how many started, their start-up, memory and hand-over costs. */
export interface ThreadRecord {
  readonly threads: number;
  /** Median ms from handing a thread its first request to the thread running it. */
  readonly startupMs: number | null;
  /** Resident memory the load grew by (peak − at its start), per thread started, MB; null when no thread started. */
  readonly rssPerThreadMb: number | null;
  /** Median µs from a worker posting a response to the main thread receiving it. */
  readonly handoffUs: number | null;
}

/**
 * One raw-transport load (the transport alone, no model: see RawTransportLoad) of a measured
 * repetition: what the transport cost at that level, to set beside each contender's run of the
 * same repetition.
 */
export interface TransportRecord {
  readonly concurrency: number;
  readonly inFlight: number;
  readonly repetition: number;
  /** Digest of the server's plan for this load, as for a contender's run (null when pairing by order only). */
  readonly serverPlan: string | null;
  readonly totalMs: number;
  /** Client CPU time (user + system) spent during the load. */
  readonly cpuMs: number;
  /** Transport calls made: one per request, no retries. */
  readonly calls: number;
  readonly failed: number;
}

/** What a comparison measured: the contenders' runs and the raw-transport loads beside them. */
export interface ComparisonRecords {
  readonly runs: readonly RunRecord[];
  readonly transport: readonly TransportRecord[];
}
