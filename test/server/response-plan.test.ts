import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import type { FaultSpec } from '../../src/domain/fault-spec.js';
import { requestRandom } from '../../src/server/request-random.js';
import { drawLatency, planResponse } from '../../src/server/response-plan.js';

const endpoint = fc.constantFrom(...ENDPOINTS);
const key = fc.record({ seed: fc.integer(), endpoint, index: fc.nat() });
const latency = fc.record({ ms: fc.integer({ min: 0, max: 1000 }), jitterMs: fc.integer({ min: 0, max: 1000 }) });
const NO_BASE = { ms: 0, jitterMs: 0 };

describe('planResponse', () => {
  it('is a pure function of (fault, base latency, seed, endpoint, index)', () => {
    const fault: FaultSpec = { kind: 'latency', ms: 100, jitterMs: 50, probability: 0.5 };
    fc.assert(
      fc.property(key, latency, (k, base) => {
        expect(planResponse(fault, base, requestRandom(k))).toEqual(planResponse(fault, base, requestRandom(k)));
      }),
    );
  });

  it('draws base latency within ms ± jitter, never below zero', () => {
    fc.assert(
      fc.property(key, latency, (k, base) => {
        const plan = planResponse({ kind: 'none' }, base, requestRandom(k));
        if (plan.kind !== 'none') throw new Error('planned a fault without one');
        expect(plan.delayMs).toBeGreaterThanOrEqual(Math.max(0, base.ms - base.jitterMs));
        expect(plan.delayMs).toBeLessThanOrEqual(base.ms + base.jitterMs);
      }),
    );
  });

  it('adds a latency fault on top of the base', () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 0, max: 1000 }), (k, extra) => {
        expect(planResponse({ kind: 'latency', ms: extra }, { ms: 80, jitterMs: 0 }, requestRandom(k))).toEqual({ kind: 'latency', delayMs: 80 + extra });
      }),
    );
  });

  it('carries each kind\'s parameters into the plan', () => {
    const random = requestRandom({ seed: 1, endpoint: 'perfil', index: 0 });
    expect(planResponse({ kind: 'error', status: 502 }, { ms: 30, jitterMs: 0 }, random)).toEqual({ kind: 'error', status: 502, delayMs: 30 });
    expect(planResponse({ kind: 'slow-body', ms: 900 }, NO_BASE, random)).toEqual({ kind: 'slow-body', bodyMs: 900, delayMs: 0 });
    expect(planResponse({ kind: 'timeout' }, { ms: 30, jitterMs: 0 }, random)).toEqual({ kind: 'timeout' });
  });

  it('never hits with probability 0 and always hits with probability 1 (or none given)', () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(planResponse({ kind: 'reset', probability: 0 }, NO_BASE, requestRandom(k)).kind).toBe('none');
        expect(planResponse({ kind: 'reset', probability: 1 }, NO_BASE, requestRandom(k)).kind).toBe('reset');
        expect(planResponse({ kind: 'reset' }, NO_BASE, requestRandom(k)).kind).toBe('reset');
      }),
    );
  });

  it('hits about `probability` of the requests over many indexes', () => {
    const hits = Array.from({ length: 4000 }, (_, index) => planResponse({ kind: 'malformed', probability: 0.3 }, NO_BASE, requestRandom({ seed: 11, endpoint: 'categorias', index })))
      .filter((plan) => plan.kind === 'malformed').length;
    expect(hits / 4000).toBeGreaterThan(0.27);
    expect(hits / 4000).toBeLessThan(0.33);
  });
});

describe('requestRandom', () => {
  it('gives different requests different numbers', () => {
    const first = (index: number, seed = 1, e: (typeof ENDPOINTS)[number] = 'perfil') => requestRandom({ seed, endpoint: e, index })();
    const values = new Set([first(0), first(1), first(2), first(0, 2), first(0, 1, 'productos')]);
    expect(values.size).toBe(5);
  });

  it('draws nothing for a request without jitter or probability', () => {
    let draws = 0;
    const counting = () => ((draws += 1), 0.5);
    drawLatency({ ms: 40, jitterMs: 0 }, counting);
    planResponse({ kind: 'error', status: 500 }, NO_BASE, counting);
    expect(draws).toBe(0);
  });
});
