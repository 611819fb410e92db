import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/domain/endpoints.js';
import { LoadPlan } from '../../src/server/load-plan.js';
import { requestRandom } from '../../src/server/request-random.js';
import { planResponse } from '../../src/server/response-plan.js';

const decide = (endpoint: Endpoint) => (key: { seed: number; index: number }) =>
  planResponse({ kind: 'error', status: 503, probability: 0.5 }, { ms: 20, jitterMs: 10 }, requestRandom({ ...key, endpoint }));

const run = (seed: number, order: readonly Endpoint[]) => {
  const plan = new LoadPlan(1);
  plan.begin(seed);
  const fates = order.map((endpoint) => ({ endpoint, fate: plan.plan(endpoint, decide(endpoint)) }));
  return { summary: plan.summary(), fates };
};

describe('LoadPlan', () => {
  const order: Endpoint[] = ['productos', 'categorias', 'perfil', 'productos', 'categorias', 'perfil', 'productos'];
  const shuffled: Endpoint[] = ['perfil', 'productos', 'productos', 'categorias', 'perfil', 'categorias', 'productos'];

  it('plans the same fates per endpoint and index for the same seed, whatever the arrival order', () => {
    const a = run(42, order);
    const b = run(42, shuffled);
    expect(b.summary).toEqual(a.summary);
    for (const endpoint of ['productos', 'categorias', 'perfil'] as const) {
      expect(b.fates.filter((f) => f.endpoint === endpoint).map((f) => f.fate)).toEqual(a.fates.filter((f) => f.endpoint === endpoint).map((f) => f.fate));
    }
    expect(a.summary.requests).toEqual({ productos: 3, categorias: 2, perfil: 2 });
  });

  it('gives another seed another digest, and restarts its indices at each begin', () => {
    expect(run(43, order).summary.digest).not.toBe(run(42, order).summary.digest);
    const plan = new LoadPlan(1);
    plan.begin(42);
    for (const endpoint of order) plan.plan(endpoint, decide(endpoint));
    const first = plan.summary();
    plan.begin(42);
    for (const endpoint of order) plan.plan(endpoint, decide(endpoint));
    expect(plan.summary()).toEqual(first);
  });
});
