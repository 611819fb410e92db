import { z } from 'zod';
import { EXECUTOR_KINDS } from '../../domain/load-request.js';
import { MODEL_IDS } from '../../domain/models.js';
import { TRANSPORT_KINDS } from '../../domain/transport.js';

const count = z.number().int().min(0);
const interval = z.tuple([z.number(), z.number()]);

/** A described sample (see stats/distribution.ts). */
export const distributionSchema = z.strictObject({
  count: count,
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  stddev: z.number().nullable(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  ci95: interval.nullable(),
});

/** One endpoint's totals over the runs of a result. */
export const endpointResultSchema = z.strictObject({
  ok: count,
  failed: count,
  lost: count,
  /** Failed or lost requests by reason, e.g. `{ timeout: 8, discarded: 16 }`. */
  reasons: z.record(z.string(), count),
  /** Successful answers the server counted (ground truth). */
  serverOk: count,
});

const model = z.enum(MODEL_IDS);
const variant = z.enum(['correct', 'naive']);
/** Where a contender ran its requests (reports written before there was a choice ran on the loop). */
const executor = z.enum(EXECUTOR_KINDS).default('loop');
/** A contender as reports name it: the model (`futures`), with `(threads)` on the threads executor. */
const contender = z.string();

/** A median over repetitions with its 95% bootstrap interval. */
export const medianWithIntervalSchema = z.strictObject({ median: z.number(), ci95: interval.nullable() });

/** A median over repetitions with its 95% bootstrap interval. */
export type MedianWithInterval = z.infer<typeof medianWithIntervalSchema>;

/** What a contender costs the client at one level (null where there was nothing to measure). */
export const costSchema = z.strictObject({
  /** Client CPU time (user + system) per request, µs: median over repetitions and its interval. */
  cpuUsPerRequest: medianWithIntervalSchema.nullable(),
  /** Event-loop delay p99 during a load, ms: median over repetitions. */
  eventLoopP99Ms: z.number().nullable(),
  /** Highest resident set size sampled during any of its loads, MB. */
  peakRssMb: z.number().nullable(),
  /** Time to the first delivered result, ms: median over the repetitions that delivered one. */
  firstResultMs: z.number().nullable(),
  /** Time until the application first heard of a failure, ms: median over the repetitions that had one. */
  firstFailureMs: z.number().nullable(),
  /**
   * The transport's share of the CPU per request, µs: per repetition, the raw-transport load's CPU per
   * call times this run's calls per request; median over repetitions and its interval (null without
   * raw-transport loads, e.g. in reports written before they were measured).
   */
  transportUsPerRequest: medianWithIntervalSchema.nullable().default(null),
  /** The model's own share, µs: per repetition, CPU per request minus the transport's share; median of those paired differences and its interval. */
  modelUsPerRequest: medianWithIntervalSchema.nullable().default(null),
  /** Threads executor only (null on the loop): worker threads started per load, median over repetitions. */
  threads: z.number().nullable().default(null),
  /** Threads only: ms from handing a new thread its first request to the thread running it (start-up + one hand-over), median over threads, then over repetitions. */
  threadStartupMs: z.number().nullable().default(null),
  /** Threads only: resident memory a load grew by, per thread it started, MB (median over repetitions). */
  rssPerThreadMb: z.number().nullable().default(null),
  /** Threads only: µs from a worker posting a response to the main thread receiving it, median over responses, then over repetitions. */
  handoffUs: z.number().nullable().default(null),
});

/** One load's worker threads (threads executor only). */
export const runThreadsSchema = z.strictObject({
  threads: count,
  startupMs: z.number().nullable(),
  rssPerThreadMb: z.number().nullable(),
  handoffUs: z.number().nullable(),
});

/** One measured run: the contender, its repetition, the server's plan digest and what it cost. */
export const runSchema = z.strictObject({
  model,
  executor,
  variant,
  concurrency: z.number().int().positive(),
  inFlight: z.number().int().positive(),
  repetition: count,
  /** Its place in the run order of its repetition (0-based; Williams design, see schedule.ts); null in reports written before it was recorded. */
  position: count.nullable().default(null),
  /** Digest of the delays and faults the server planned for this load; equal within a repetition; null when pairing by order only. */
  serverPlan: z.string().nullable(),
  totalMs: z.number(),
  cpuUsPerRequest: z.number(),
  firstResultMs: z.number().nullable(),
  firstFailureMs: z.number().nullable(),
  eventLoopP99Ms: z.number(),
  peakRssMb: z.number(),
  delivered: count,
  lost: count,
  attempts: count,
  /** What the load's worker threads cost; null on the loop. */
  threads: runThreadsSchema.nullable().default(null),
});

/** One raw-transport load (the transport alone, no model) of a measured repetition. */
export const transportRunSchema = z.strictObject({
  concurrency: z.number().int().positive(),
  inFlight: z.number().int().positive(),
  repetition: count,
  serverPlan: z.string().nullable(),
  totalMs: z.number(),
  /** Client CPU µs per transport call (one call per request: no retries). */
  cpuUsPerCall: z.number(),
  calls: count,
  failed: count,
});

/** The raw-transport loads of one level, over the repetitions: what the transport alone costs there. */
export const transportLevelSchema = z.strictObject({
  concurrency: z.number().int().positive(),
  inFlight: z.number().int().positive(),
  runs: count,
  /** Client CPU µs per call: median over repetitions and its 95% bootstrap interval (null without runs). */
  cpuUsPerCall: medianWithIntervalSchema.nullable(),
  /** Median wall time of a raw-transport load, ms (null without runs). */
  totalMs: z.number().nullable(),
  /** Calls that failed, over all runs. */
  failed: count,
});

/** A paired comparison of contender `a` with `b` (same variant and level) on one metric. */
export const comparisonSchema = z.strictObject({
  metric: z.enum(['totalMs', 'cpuUsPerRequest']),
  variant,
  concurrency: z.number().int().positive(),
  inFlight: z.number().int().positive(),
  /** Contenders, as named in reports: `futures`, `futures (threads)`. */
  a: contender,
  b: contender,
  /** Repetitions in which both ran. */
  pairs: count,
  /** Median of the per-repetition ratios a / b (null without pairs). */
  ratio: z.number().nullable(),
  ci95: interval.nullable(),
  /** Two-sided Wilcoxon signed-rank p-value of the log-ratios. */
  pValue: z.number(),
  /** Holm-adjusted within its family (the pairs of one metric, level and variant); null when too few pairs to test. */
  pHolm: z.number().nullable(),
  outcome: z.enum(['faster', 'slower', 'equivalent', 'inconclusive', 'too few runs']),
  /** Detectable direction whatever the margin (pHolm < α and the interval excludes 1): an `equivalent` pair can still be detectably `faster`. */
  direction: z.enum(['faster', 'slower']).nullable().default(null),
  /** Comparisons in its Holm family. */
  family: count.default(1),
  /** Null when its pairs can reach α in its family (family · 2^(1−pairs) < α); otherwise the pairs it would need. */
  needsRuns: count.nullable().default(null),
  /** Repetitions both ran but left out because a value was not positive. */
  dropped: count.default(0),
});

/** One contender (model on an executor) × variant × concurrency level. */
export const resultSchema = z.strictObject({
  model,
  executor,
  variant,
  concurrency: z.number().int().positive(),
  inFlight: z.number().int().positive(),
  runs: count,
  totalMs: distributionSchema,
  /** Mean total time divided by the requests per load. */
  msPerRequest: z.number(),
  firstResultMs: distributionSchema.nullable(),
  endpoints: z.strictObject({ productos: endpointResultSchema, categorias: endpointResultSchema, perfil: endpointResultSchema }),
  /** Runs in which every endpoint the server answered successfully was delivered. */
  preservedRuns: count,
  /** Requests the client sent over all runs, retries included. */
  attempts: count,
  retries: count,
  /** Requests the server received over all runs. */
  serverReceived: count,
  /** Runs in which, for some endpoint, the server's successful answers differ from the client's delivered + lost. */
  serverMismatchRuns: count,
  cpuMs: distributionSchema,
  peakRssMb: z.number(),
  cost: costSchema,
});

/** The report of `async-arena compare --format json`. */
export const compareReportSchema = z.strictObject({
  scenario: z.string(),
  description: z.string(),
  seed: z.number().int(),
  runs: count,
  warmup: count,
  models: z.array(z.enum(MODEL_IDS)),
  /** Executors of callbacks and futures: each is its own contender (async-await and reactive always ran on the loop). */
  executors: z.array(z.enum(EXECUTOR_KINDS)).default(['loop']),
  /** Ms of CPU work on each response before it was delivered. */
  workMs: count.default(0),
  variants: z.array(z.enum(['correct', 'naive'])),
  concurrency: z.array(z.number().int().positive()),
  /** The in-flight sweep, parallel to `concurrency` (empty: every level at `client.maxInFlight`). */
  inFlight: z.array(z.number().int().positive()),
  /** `server-plan`: the contenders of a repetition met the same seeded server plan; `repetition-order`: paired by order only. */
  pairing: z.enum(['server-plan', 'repetition-order']),
  /** Per level: repetitions measured, and those whose contenders' `serverPlan` digests all match (the pairing checked). */
  pairingCheck: z.array(z.strictObject({ concurrency: z.number().int().positive(), repetitions: count, matching: count })).default([]),
  /** Repetitions per whole balanced block of the run order (Williams design: contenders when even, twice that when odd); 0 in older reports. */
  orderBlock: count.default(0),
  /** Equivalence margin of the comparisons, as a fraction. */
  margin: z.number(),
  client: z.strictObject({ deadlineMs: count, retries: count, maxInFlight: count, backoff: z.strictObject({ baseMs: count, maxMs: count }) }),
  /** The HTTP client every model shared (axios in reports written before there was a choice). */
  transport: z.enum(TRANSPORT_KINDS).default('axios'),
  /**
   * `unavailable` when the target has no control API: the server's own counts (`serverOk`,
   * `serverReceived`, `serverMismatchRuns`) were not measured and read 0. (Defaults keep older reports valid.)
   */
  serverCheck: z.enum(['measured', 'unavailable']).default('measured'),
  /** True when the comparison was interrupted (Ctrl+C) before every scheduled run was measured. */
  partial: z.boolean().default(false),
  /** How each figure was computed, in words. */
  rules: z.record(z.string(), z.string()),
  results: z.array(resultSchema),
  /** Per level, the raw-transport loads measured beside the contenders (empty in reports written before they were). */
  transportLoads: z.array(transportLevelSchema).default([]),
  comparisons: z.array(comparisonSchema),
  records: z.array(runSchema),
  /** Every raw-transport load. */
  transportRecords: z.array(transportRunSchema).default([]),
});

/** A comparison report. */
export type CompareReport = z.infer<typeof compareReportSchema>;

/** One paired comparison of a report. */
export type ReportComparison = z.infer<typeof comparisonSchema>;

/** One row of a comparison report. */
export type CompareResult = z.infer<typeof resultSchema>;

/** The raw-transport loads of one level, as a report sums them up. */
export type TransportLevel = z.infer<typeof transportLevelSchema>;
