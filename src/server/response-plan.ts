import type { FaultSpec } from '../domain/fault-spec.js';
import type { Random } from '../domain/random.js';
import type { LatencySpec } from '../domain/server-control.js';

/**
 * What the server does with one request. `kind` is the fault that applies (`none` when no fault hit);
 * `delayMs` is how long it waits before answering (base latency, plus a `latency` fault's extra).
 */
export type ResponsePlan =
  | { readonly kind: 'none' | 'latency' | 'malformed' | 'reset'; readonly delayMs: number }
  | { readonly kind: 'error'; readonly delayMs: number; readonly status: number }
  | { readonly kind: 'slow-body'; readonly delayMs: number; readonly bodyMs: number }
  | { readonly kind: 'timeout' };

/** A latency drawn uniformly from `ms ± jitterMs`, rounded to whole ms, never negative. Draws only when there is jitter. */
export const drawLatency = ({ ms, jitterMs }: LatencySpec, random: Random): number =>
  jitterMs > 0 ? Math.max(0, Math.round(ms + (2 * random() - 1) * jitterMs)) : ms;

/** True when a fault with this `probability` hits (always when it has none). */
const hits = (probability: number | undefined, random: Random): boolean => probability === undefined || random() < probability;

/**
 * Decides one request's fate: a pure function of the endpoint's fault, its base latency and the
 * request's seeded numbers (see `requestRandom`). Draw order: the probability roll, the base jitter,
 * then the fault's own jitter. `times` is not looked at here: the stateful fault book consumes it.
 *
 * @example planResponse({ kind: 'error', status: 503 }, { ms: 50, jitterMs: 0 }, random) // { kind: 'error', status: 503, delayMs: 50 }
 */
export const planResponse = (fault: FaultSpec, base: LatencySpec, random: Random): ResponsePlan => {
  if (fault.kind !== 'none' && !hits(fault.probability, random)) return { kind: 'none', delayMs: drawLatency(base, random) };
  if (fault.kind === 'timeout') return { kind: 'timeout' };
  const delayMs = drawLatency(base, random);
  switch (fault.kind) {
    case 'latency':
      return { kind: 'latency', delayMs: delayMs + drawLatency({ ms: fault.ms, jitterMs: fault.jitterMs ?? 0 }, random) };
    case 'error':
      return { kind: 'error', delayMs, status: fault.status };
    case 'slow-body':
      return { kind: 'slow-body', delayMs, bodyMs: fault.ms };
    default:
      return { kind: fault.kind, delayMs };
  }
};
