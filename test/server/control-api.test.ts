import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import { startServer, uniformLatency, type MockServer } from '../../src/server/index.js';
import { isLoopbackAddress, isLoopbackHost } from '../../src/server/loopback.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { observe } from './http-probe.js';

let server: MockServer;
let baseline: string[];

beforeEach(async () => {
  baseline = openHandles();
  server = await startServer({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }) });
});

afterEach(async () => {
  await server.close();
  expect(await leakedHandles(baseline)).toEqual([]);
});

const call = (method: string, path: string, body?: string | Buffer) => observe(`${server.url}${path}`, { method, body });
const json = (text: string | undefined): unknown => JSON.parse(text ?? '');

describe('control API', () => {
  it('PUT sets one endpoint\'s fault and answers the new state, which GET then shows', async () => {
    const put = await call('PUT', '/__control/faults/categorias', JSON.stringify({ kind: 'error', status: 502, times: 3 }));
    const expected = { ...NO_FAULTS, categorias: { kind: 'error', status: 502, times: 3 } };
    expect(put.status).toBe(200);
    expect(json(put.body)).toEqual(expected);
    expect(json((await call('GET', '/__control/faults')).body)).toEqual(expected);
    expect(await server.faults()).toEqual(expected);
  });

  it('DELETE clears every fault', async () => {
    await server.setFault('perfil', { kind: 'timeout' });
    await server.setFault('productos', { kind: 'reset' });
    const cleared = await call('DELETE', '/__control/faults');
    expect(cleared.status).toBe(200);
    expect(json(cleared.body)).toEqual(NO_FAULTS);
  });

  it.each([
    ['invalid JSON', 'PUT', '/__control/faults/perfil', '{"kind": ', 400, 'invalid JSON'],
    ['a spec missing a field', 'PUT', '/__control/faults/perfil', '{"kind":"error"}', 400, 'status'],
    ['a probability above 1', 'PUT', '/__control/faults/perfil', '{"kind":"reset","probability":2}', 400, 'probability'],
    ['an unknown field', 'PUT', '/__control/faults/perfil', '{"kind":"timeout","often":true}', 400, 'often'],
    ['an unknown kind', 'PUT', '/__control/faults/perfil', '{"kind":"explode"}', 400, 'kind'],
    ['an unknown endpoint', 'PUT', '/__control/faults/carrito', '{"kind":"timeout"}', 404, 'carrito'],
    ['a body over 16 KiB', 'PUT', '/__control/faults/perfil', JSON.stringify({ kind: 'timeout', pad: 'x'.repeat(17 * 1024) }), 413, '16384'],
    ['a wrong method on the fault list', 'POST', '/__control/faults', '{}', 405, 'GET, DELETE'],
    ['a wrong method on one fault', 'GET', '/__control/faults/perfil', undefined, 405, 'PUT'],
    ['an unknown control route', 'GET', '/__control/nothing', undefined, 404, '/__control/nothing'],
  ])('rejects %s with a status and a message that says why', async (_name, method, path, body, status, message) => {
    const seen = await call(method, path, body);
    expect(seen.status).toBe(status);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining(message) });
    expect(await server.faults()).toEqual(NO_FAULTS);
  });

  it('counts, per endpoint, requests received, complete 200s and faults applied', async () => {
    await server.setFault('perfil', { kind: 'error', status: 500, times: 1 });
    await server.setFault('categorias', { kind: 'malformed' });
    for (const path of ['/api/perfil', '/api/perfil', '/api/perfil', '/api/categorias', '/api/productos']) await call('GET', path);
    const stats = await call('GET', '/__control/stats');
    expect(stats.status).toBe(200);
    expect(json(stats.body)).toEqual({
      productos: { received: 1, ok: 1, faults: {} },
      categorias: { received: 1, ok: 0, faults: { malformed: 1 } },
      perfil: { received: 3, ok: 2, faults: { error: 1 } },
    });
  });
});

describe('control API: seeded loads', () => {
  it('PUT /__control/load begins a load; GET answers its seed, requests and plan digest, the same for the same seed', async () => {
    const begin = await call('PUT', '/__control/load', JSON.stringify({ seed: 99 }));
    expect(begin.status).toBe(200);
    expect(json(begin.body)).toEqual({ seed: 99, requests: { productos: 0, categorias: 0, perfil: 0 }, digest: '00000000', pending: 0 });
    for (const path of ['/api/perfil', '/api/productos']) await call('GET', path);
    const first = json((await call('GET', '/__control/load')).body);
    expect(first).toMatchObject({ seed: 99, requests: { productos: 1, categorias: 0, perfil: 1 }, digest: expect.stringMatching(/^[0-9a-f]{8}$/) });
    await call('PUT', '/__control/load', JSON.stringify({ seed: 99 }));
    for (const path of ['/api/productos', '/api/perfil']) await call('GET', path);
    expect(json((await call('GET', '/__control/load')).body)).toEqual(first);
    expect(await server.loadPlan()).toEqual({ digest: (first as { digest: string }).digest, pending: 0 });
  });

  it.each([
    ['no seed', '{}', 400, 'seed'],
    ['a fractional seed', '{"seed":1.5}', 400, 'seed'],
    ['invalid JSON', '{"seed":', 400, 'invalid JSON'],
  ])('rejects %s', async (_, body, status, message) => {
    const seen = await call('PUT', '/__control/load', body);
    expect(seen.status).toBe(status);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining(message) });
  });

  it('answers a wrong method on the load with 405', async () => {
    expect((await call('DELETE', '/__control/load')).status).toBe(405);
  });
});

describe('API routes', () => {
  it('answers an unknown path with a 404 JSON error', async () => {
    const seen = await call('GET', '/api/carrito');
    expect(seen.status).toBe(404);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining('/api/carrito') });
  });

  it('answers a non-GET on an endpoint with 405 and says which method to use', async () => {
    const seen = await call('POST', '/api/productos', '{}');
    expect(seen.status).toBe(405);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining('GET') });
  });

  it('ignores the query string', async () => {
    expect((await call('GET', '/api/perfil?fresh=1')).status).toBe(200);
  });
});

describe('loopback checks (the control API answers 403 to any other peer)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.5', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it('treats localhost as a loopback host and 0.0.0.0 as not', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });
});
