import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointPath } from '../../src/domain/endpoints.js';
import type { FaultSpec } from '../../src/domain/fault-spec.js';
import { payloadSchemas } from '../../src/domain/payloads.js';
import { startServer, uniformLatency, type MockServer } from '../../src/server/index.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { isJson, observe, type Observed } from './http-probe.js';

const NO_LATENCY = uniformLatency({ ms: 0, jitterMs: 0 });
let server: MockServer;
let baseline: string[];

beforeEach(async () => {
  baseline = openHandles();
  server = await startServer({ port: 0, latency: NO_LATENCY });
});

afterEach(async () => {
  await server.close();
  expect(server.server.listening).toBe(false);
  expect(await leakedHandles(baseline)).toEqual([]);
});

const perfil = () => `${server.url}${endpointPath('perfil')}`;

describe('each fault kind, seen by a real node:http client', () => {
  it.each<[string, FaultSpec, Parameters<typeof observe>[1], (seen: Observed) => void]>([
    ['none answers 200 with the profile as JSON', { kind: 'none' }, {}, (seen) => {
      expect(seen.status).toBe(200);
      expect(seen.contentType).toMatch(/^application\/json/);
      expect(payloadSchemas.perfil.parse(JSON.parse(seen.body ?? ''))).toMatchObject({ id: expect.any(Number) });
    }],
    ['latency still answers 200 with valid JSON', { kind: 'latency', ms: 50, jitterMs: 10 }, {}, (seen) => {
      expect(seen.status).toBe(200);
      expect(isJson(seen.body)).toBe(true);
    }],
    ['timeout accepts and never answers within the window', { kind: 'timeout' }, { windowMs: 300 }, (seen) => {
      expect(seen).toEqual({ pending: true });
    }],
    ['error answers the status with a JSON error body', { kind: 'error', status: 503 }, {}, (seen) => {
      expect(seen.status).toBe(503);
      expect(JSON.parse(seen.body ?? '')).toEqual({ error: expect.stringContaining('503') });
    }],
    ['reset drops the connection before any byte', { kind: 'reset' }, {}, (seen) => {
      expect(seen).toEqual({ errorCode: 'ECONNRESET', pending: false });
    }],
    ['malformed answers 200 with a body that is not JSON', { kind: 'malformed' }, {}, (seen) => {
      expect(seen.status).toBe(200);
      expect(seen.contentType).toMatch(/^application\/json/);
      expect(seen.body?.length).toBeGreaterThan(0);
      expect(isJson(seen.body)).toBe(false);
    }],
    ['slow-body sends headers at once and the whole body only at the end', { kind: 'slow-body', ms: 1500 }, { checkpointMs: 100 }, (seen) => {
      expect(seen.status).toBe(200);
      expect(seen.partialBody?.length).toBeLessThan(seen.body?.length ?? 0);
      expect(payloadSchemas.perfil.safeParse(JSON.parse(seen.body ?? '')).success).toBe(true);
    }],
  ])('%s', async (_name, fault, options, check) => {
    await server.setFault('perfil', fault);
    check(await observe(perfil(), options));
    const stats = await server.stats();
    expect(stats.perfil.received).toBe(1);
    expect(stats.perfil.faults).toEqual(fault.kind === 'none' ? {} : { [fault.kind]: 1 });
  });

  it('leaves the other endpoints alone', async () => {
    await server.setFault('perfil', { kind: 'reset' });
    const seen = await observe(`${server.url}${endpointPath('categorias')}`);
    expect(seen.status).toBe(200);
    expect(payloadSchemas.categorias.parse(JSON.parse(seen.body ?? '')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('times and probability', () => {
  const statuses = async (count: number): Promise<(number | undefined)[]> => {
    const result: (number | undefined)[] = [];
    for (let i = 0; i < count; i += 1) result.push((await observe(perfil())).status);
    return result;
  };

  it('times: 1 faults exactly the next request, then the fault clears', async () => {
    await server.setFault('perfil', { kind: 'error', status: 500, times: 1 });
    expect(await statuses(3)).toEqual([500, 200, 200]);
    expect((await server.faults()).perfil).toEqual({ kind: 'none' });
  });

  it('times counts hits: requests the probability spares do not use it up', async () => {
    await server.setFault('perfil', { kind: 'error', status: 503, probability: 0.5, times: 2 });
    const seen = await statuses(30);
    expect(seen.filter((s) => s === 503)).toHaveLength(2);
    expect(seen.filter((s) => s === 200)).toHaveLength(28);
    expect((await server.faults()).perfil).toEqual({ kind: 'none' });
  });

  it('the same seed and request order give the same faults; another seed gives others', async () => {
    const sequence = async (seed: number): Promise<(number | undefined)[]> => {
      const other = await startServer({ port: 0, seed, latency: NO_LATENCY, faults: { perfil: { kind: 'error', status: 503, probability: 0.5 } } });
      try {
        const result: (number | undefined)[] = [];
        for (let i = 0; i < 20; i += 1) result.push((await observe(`${other.url}${endpointPath('perfil')}`)).status);
        return result;
      } finally {
        await other.close();
      }
    };
    const first = await sequence(7);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(await sequence(7)).toEqual(first);
    expect(await sequence(8)).not.toEqual(first);
  });
});
