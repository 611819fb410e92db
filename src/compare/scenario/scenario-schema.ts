import { z } from 'zod';
import { ENDPOINTS } from '../../domain/endpoints.js';
import { faultSpecSchema } from '../../domain/fault-spec.js';
import { MODEL_IDS } from '../../domain/models.js';

/** A whole number in [min, max] whose every failure reads the same, e.g. `expected a whole number >= 0`. */
const wholeNumber = (min: number, max?: number) => {
  const error = max === undefined ? `expected a whole number >= ${min}` : `expected a whole number from ${min} to ${max}`;
  const base = z.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? base : base.max(max, { error });
};

const milliseconds = wholeNumber(0, 600_000);
const endpoint = z.enum(ENDPOINTS);

/** Faults per endpoint; endpoints left out have none. */
const faultsSchema = z.partialRecord(endpoint, faultSpecSchema);

/** Which variants to run: one of them, or both side by side. */
export const variantChoiceSchema = z.enum(['correct', 'naive', 'both']);

/** `correct`, `naive` or `both`. */
export type VariantChoice = z.infer<typeof variantChoiceSchema>;

/** The client options every model receives (see LoadRequest); each is optional in a file. */
const clientSchema = z.strictObject({
  deadlineMs: wholeNumber(1, 600_000).optional(),
  retries: wholeNumber(0).optional(),
  maxInFlight: wholeNumber(1, 100_000).optional(),
  backoff: z.strictObject({ baseMs: milliseconds.optional(), maxMs: milliseconds.optional() }).optional(),
});

/** The server's base latency of an endpoint. */
const latencySchema = z.strictObject({ ms: milliseconds, jitterMs: milliseconds.optional() });

/** From measured run `atRun` (0-based, counted per concurrency level) on, these endpoints get these faults. */
const faultChangeSchema = z.strictObject({ atRun: wholeNumber(0), faults: faultsSchema });

/**
 * A scenario file (YAML or JSON). Strict: an unknown field is an error. Everything but `name`
 * is optional and falls back to the defaults of {@link ../plan.ts}.
 */
export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lowercase letters, digits and dashes' }),
  description: z.string().optional(),
  runs: wholeNumber(1, 10_000).optional(),
  warmup: wholeNumber(0, 1_000).optional(),
  models: z.array(z.enum(MODEL_IDS)).min(1, { error: 'expected at least one model' }).optional(),
  variant: variantChoiceSchema.optional(),
  concurrency: z.array(wholeNumber(1, 100_000)).min(1, { error: 'expected at least one level' }).optional(),
  /** The in-flight sweep: levels of at most N requests in flight, each load sending 2 × N requests (replaces `concurrency`). */
  inFlight: z.array(wholeNumber(1, 50_000)).min(1, { error: 'expected at least one level' }).optional(),
  seed: wholeNumber(0, 2 ** 31 - 1).optional(),
  client: clientSchema.optional(),
  latency: z.partialRecord(endpoint, latencySchema).optional(),
  faults: faultsSchema.optional(),
  schedule: z.array(faultChangeSchema).optional(),
});

/** A validated scenario, as written (defaults not yet applied). */
export type Scenario = z.infer<typeof scenarioSchema>;
