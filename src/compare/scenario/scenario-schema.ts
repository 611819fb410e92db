import { z } from 'zod';
import { ENDPOINTS } from '../../domain/endpoints.js';
import { boundsMessage, LIMITS, type Bounds } from '../../domain/limits.js';
import { faultSpecSchema } from '../../domain/fault-spec.js';
import { MODEL_IDS } from '../../domain/models.js';
import { TRANSPORT_KINDS } from '../../domain/transport.js';
import { EXECUTOR_KINDS } from '../../domain/load-request.js';

/** A whole number within one of the shared {@link LIMITS}, failing with the same words as the matching flag. */
const wholeNumber = (bounds: Bounds) => {
  const error = boundsMessage(bounds);
  return z.number({ error }).int({ error }).min(bounds.min, { error }).max(bounds.max, { error });
};

/** Text of at most `bounds.max` characters. */
const text = (bounds: Bounds) => z.string().min(bounds.min, { error: `expected at least ${bounds.min} characters` }).max(bounds.max, { error: `expected at most ${bounds.max} characters` });

const milliseconds = wholeNumber(LIMITS.durationMs);
const endpoint = z.enum(ENDPOINTS);

/** Faults per endpoint; endpoints left out have none. */
const faultsSchema = z.partialRecord(endpoint, faultSpecSchema);

/** Which variants to run: one of them, or both side by side. */
export const variantChoiceSchema = z.enum(['correct', 'naive', 'both']);

/** `correct`, `naive` or `both`. */
export type VariantChoice = z.infer<typeof variantChoiceSchema>;

/** The client options every model receives (see LoadRequest); each is optional in a file. */
const clientSchema = z.strictObject({
  deadlineMs: wholeNumber(LIMITS.deadlineMs).optional(),
  retries: wholeNumber(LIMITS.retries).optional(),
  maxInFlight: wholeNumber(LIMITS.maxInFlight).optional(),
  backoff: z.strictObject({ baseMs: milliseconds.optional(), maxMs: milliseconds.optional() }).optional(),
});

/** The server's base latency of an endpoint. */
const latencySchema = z.strictObject({ ms: milliseconds, jitterMs: milliseconds.optional() });

/** From measured run `atRun` (0-based, counted per concurrency level) on, these endpoints get these faults. */
const faultChangeSchema = z.strictObject({ atRun: wholeNumber({ min: 0, max: LIMITS.runs.max }), faults: faultsSchema });

/**
 * A scenario file (YAML or JSON). Strict: an unknown field is an error. Every number and text is
 * bounded by the same {@link LIMITS} entry as the matching command-line flag. Everything but `name`
 * is optional and falls back to the defaults of {@link ../plan.ts}.
 */
export const scenarioSchema = z.strictObject({
  name: text(LIMITS.nameLength).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lowercase letters, digits and dashes' }),
  description: text(LIMITS.descriptionLength).optional(),
  runs: wholeNumber(LIMITS.runs).optional(),
  warmup: wholeNumber(LIMITS.warmup).optional(),
  models: z.array(z.enum(MODEL_IDS)).min(1, { error: 'expected at least one model' }).optional(),
  /** Where callbacks and futures run: each executor listed is its own contender (async-await and reactive always run on the loop). */
  executors: z.array(z.enum(EXECUTOR_KINDS)).min(1, { error: 'expected at least one executor' }).optional(),
  /** Ms of CPU work on each response before it is delivered. */
  workMs: wholeNumber(LIMITS.workMs).optional(),
  variant: variantChoiceSchema.optional(),
  concurrency: z
    .array(wholeNumber(LIMITS.concurrency))
    .min(LIMITS.levels.min, { error: 'expected at least one level' })
    .max(LIMITS.levels.max, { error: `expected at most ${LIMITS.levels.max} levels` })
    .optional(),
  /** The in-flight sweep: levels of at most N requests in flight, each load sending 2 × N requests (replaces `concurrency`). */
  inFlight: z
    .array(wholeNumber(LIMITS.inFlight))
    .min(LIMITS.levels.min, { error: 'expected at least one level' })
    .max(LIMITS.levels.max, { error: `expected at most ${LIMITS.levels.max} levels` })
    .optional(),
  seed: wholeNumber(LIMITS.seed).optional(),
  client: clientSchema.optional(),
  transport: z.enum(TRANSPORT_KINDS).optional(),
  latency: z.partialRecord(endpoint, latencySchema).optional(),
  faults: faultsSchema.optional(),
  schedule: z.array(faultChangeSchema).max(LIMITS.scheduleChanges.max, { error: `expected at most ${LIMITS.scheduleChanges.max} changes` }).optional(),
});

/** A validated scenario, as written (defaults not yet applied). */
export type Scenario = z.infer<typeof scenarioSchema>;
