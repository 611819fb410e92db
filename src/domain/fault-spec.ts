import { z } from 'zod';
import { ENDPOINTS, isEndpoint, type Endpoint } from './endpoints.js';
import { boundsMessage, LIMITS } from './limits.js';

const common = {
  /** Chance (0..1) that the fault applies to a request; decided by the server's seeded generator. */
  probability: z.number().min(0).max(1).optional(),
  /** The fault applies to the next N requests (that it hits), then clears. */
  times: z.number().int().positive().optional(),
};
const msError = boundsMessage(LIMITS.durationMs);
const ms = z.number({ error: msError }).int({ error: msError }).min(LIMITS.durationMs.min, { error: msError }).max(LIMITS.durationMs.max, { error: msError });

/** Schema of one endpoint's fault: the kinds of DESIGN.md. Unknown fields are errors. */
export const faultSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('latency'), ms, jitterMs: ms.optional(), ...common }),
  z.strictObject({ kind: z.literal('timeout'), ...common }),
  z.strictObject({ kind: z.literal('error'), status: z.number().int().min(400).max(599), ...common }),
  z.strictObject({ kind: z.literal('reset'), ...common }),
  z.strictObject({ kind: z.literal('malformed'), ...common }),
  z.strictObject({ kind: z.literal('slow-body'), ms, ...common }),
]);

/** One endpoint's fault, e.g. `{ kind: 'error', status: 503, times: 1 }`. */
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** The kind names, e.g. `'slow-body'`. */
export type FaultKind = FaultSpec['kind'];

/** Every fault kind, in the order help texts list them. */
export const FAULT_KINDS: readonly FaultKind[] = ['none', 'latency', 'timeout', 'error', 'reset', 'malformed', 'slow-body'];

/** A fault for each endpoint. */
export type FaultMap = Readonly<Record<Endpoint, FaultSpec>>;

/** No fault anywhere. */
export const NO_FAULTS: FaultMap = { productos: { kind: 'none' }, categorias: { kind: 'none' }, perfil: { kind: 'none' } };

/** The outcome of validating input: a value, or a one-line message that names the bad field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Turns zod issues into one line: `status: expected a number >= 400`. */
export const describeZodError = (error: z.ZodError): string =>
  error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');

/** Validates an unknown value (e.g. parsed JSON) as a fault spec. */
export const parseFaultSpec = (value: unknown): Parsed<FaultSpec> => {
  const result = faultSpecSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describeZodError(result.error) };
};

/**
 * Parses the CLI form `ENDPOINT=KIND[:PARAM]`, e.g. `categorias=timeout`, `perfil=error:503`,
 * `productos=latency:300`, `perfil=slow-body:2000`.
 */
export const parseFaultFlag = (text: string): Parsed<{ endpoint: Endpoint; fault: FaultSpec }> => {
  const match = /^([a-z]+)=([a-z-]+)(?::(\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, error: `bad fault "${text}": expected ENDPOINT=KIND[:PARAM], e.g. categorias=timeout or perfil=error:503` };
  const [, endpoint = '', kind = '', param] = match;
  if (!isEndpoint(endpoint)) return { ok: false, error: `bad fault "${text}": unknown endpoint "${endpoint}" (expected ${ENDPOINTS.join(', ')})` };
  const number = param === undefined ? undefined : Number(param);
  const candidate: Record<string, unknown> = { kind };
  if (kind === 'error') candidate.status = number ?? 500;
  else if (kind === 'latency' || kind === 'slow-body') candidate.ms = number ?? (kind === 'latency' ? 500 : 3000);
  else if (number !== undefined) return { ok: false, error: `bad fault "${text}": ${kind} takes no parameter` };
  const parsed = parseFaultSpec(candidate);
  if (!parsed.ok) return { ok: false, error: `bad fault "${text}": ${FAULT_KINDS.includes(kind as FaultKind) ? parsed.error : `unknown kind "${kind}" (expected ${FAULT_KINDS.join(', ')})`}` };
  return { ok: true, value: { endpoint, fault: parsed.value } };
};

/** A short label for a fault, e.g. `error 503`, `slow-body 3000ms`, `timeout ×1 p=0.5`. */
export const describeFault = (fault: FaultSpec): string => {
  const base = (() => {
    switch (fault.kind) {
      case 'latency':
        return `latency ${fault.ms}ms${fault.jitterMs ? `±${fault.jitterMs}` : ''}`;
      case 'error':
        return `error ${fault.status}`;
      case 'slow-body':
        return `slow-body ${fault.ms}ms`;
      default:
        return fault.kind;
    }
  })();
  if (fault.kind === 'none') return base;
  const times = fault.times === undefined ? '' : ` ×${fault.times}`;
  const probability = fault.probability === undefined ? '' : ` p=${fault.probability}`;
  return `${base}${times}${probability}`;
};
