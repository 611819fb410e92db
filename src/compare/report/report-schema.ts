import { z } from 'zod';
import { MODEL_IDS } from '../../domain/models.js';

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

/** How a model compares with the fastest of its variant and concurrency. */
export const comparisonSchema = z.strictObject({
  baseline: z.enum(MODEL_IDS),
  medianDiffMs: z.number(),
  ci95: interval.nullable(),
  verdict: z.enum(['fastest', 'slower', 'no meaningful difference', 'too few runs']),
});

/** One model × variant × concurrency level. */
export const resultSchema = z.strictObject({
  model: z.enum(MODEL_IDS),
  variant: z.enum(['correct', 'naive']),
  concurrency: z.number().int().positive(),
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
  comparison: comparisonSchema.nullable(),
});

/** The report of `async-arena compare --format json`. */
export const compareReportSchema = z.strictObject({
  scenario: z.string(),
  description: z.string(),
  seed: z.number().int(),
  runs: count,
  warmup: count,
  models: z.array(z.enum(MODEL_IDS)),
  variants: z.array(z.enum(['correct', 'naive'])),
  concurrency: z.array(z.number().int().positive()),
  client: z.strictObject({ deadlineMs: count, retries: count, maxInFlight: count, backoff: z.strictObject({ baseMs: count, maxMs: count }) }),
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
});

/** A comparison report. */
export type CompareReport = z.infer<typeof compareReportSchema>;

/** One row of a comparison report. */
export type CompareResult = z.infer<typeof resultSchema>;
