/** An inclusive range of whole numbers. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * The one table of input limits: every command-line flag and every scenario-file field that sets the
 * same thing uses the same entry, so a file can never ask for what the flag refuses (and the other
 * way round). Change a limit here, nowhere else.
 */
export const LIMITS = {
  /** Measured runs per model × variant × level (`--runs`, `runs`). */
  runs: { min: 1, max: 10_000 },
  /** Warm-up runs (`--warmup`, `warmup`). */
  warmup: { min: 0, max: 1_000 },
  /** Requests per load or round (`--concurrency`, `concurrency` levels). */
  concurrency: { min: 1, max: 100_000 },
  /** How many concurrency levels one comparison sweeps (`--concurrency a,b,…`, `concurrency: [a, b, …]`). */
  levels: { min: 1, max: 100 },
  /** Levels of the in-flight sweep: requests in flight at once, each load sending twice as many (`compare --in-flight`, `inFlight`). */
  inFlight: { min: 1, max: 50_000 },
  /** Requests in one `run` load (`run --requests`). */
  requests: { min: 1, max: 1_000_000 },
  /** Total deadline of one attempt, ms (`--timeout`, `client.deadlineMs`). */
  deadlineMs: { min: 1, max: 600_000 },
  /** Retries after a retryable failure (`--retries`, `client.retries`). */
  retries: { min: 0, max: 20 },
  /** Requests in flight at once (`--max-in-flight`, `client.maxInFlight`). */
  maxInFlight: { min: 1, max: 100_000 },
  /** Requests in flight at once per model in the live dashboard (`dashboard --max-in-flight`). */
  dashboardMaxInFlight: { min: 1, max: 10_000 },
  /** Latencies, jitters, backoffs, intervals and fault durations, ms (`--latency`, `--jitter`, `--interval`, `latency.*`, `client.backoff.*`, fault `ms`). */
  durationMs: { min: 0, max: 600_000 },
  /** CPU work on each response, ms (`run --work-ms`, `compare --work-ms`, `workMs`). */
  workMs: { min: 0, max: 60_000 },
  /** TCP port of `serve --port`; 0 picks a free one. */
  port: { min: 0, max: 65_535 },
  /** Seeds (`--seed`, `seed`). */
  seed: { min: 0, max: 2 ** 31 - 1 },
  /** Scheduled fault changes in a scenario (`schedule`). */
  scheduleChanges: { min: 0, max: 1_000 },
  /** Characters of a scenario's name. */
  nameLength: { min: 1, max: 64 },
  /** Characters of a scenario's description. */
  descriptionLength: { min: 0, max: 1_000 },
} as const satisfies Record<string, Bounds>;

/** The name of a limit, e.g. `retries`. */
export type LimitName = keyof typeof LIMITS;

/** The one way a limit is described, flag or field: `expected a whole number from 0 to 20`. */
export const boundsMessage = ({ min, max }: Bounds): string => `expected a whole number from ${min} to ${max}`;
