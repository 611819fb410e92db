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

const JSON_TYPE = { 'content-type': 'application/json' };
/** A call as the project's control client makes it: writes say their body is JSON. */
const call = (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = method === 'GET' ? {} : JSON_TYPE) =>
  observe(`${server.url}${path}`, { method, body, headers });
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

describe('control API against DNS rebinding and cross-site pages', () => {
  const putTimeout = (headers: Record<string, string>) => call('PUT', '/__control/faults/perfil', '{"kind":"timeout"}', headers);

  it.each([
    ['text/plain', 'PUT', '/__control/faults/perfil', '{"kind":"timeout"}', { 'content-type': 'text/plain' }],
    ['a form', 'PUT', '/__control/faults/perfil', 'kind=timeout', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', 'PUT', '/__control/faults/perfil', '{"kind":"timeout"}', {}],
    ['a DELETE without it', 'DELETE', '/__control/faults', undefined, {}],
  ])('refuses a write with %s: 415, nothing changed', async (_name, method, path, body, headers) => {
    await server.setFault('categorias', { kind: 'reset' });
    const seen = await call(method, path, body, headers);
    expect(seen.status).toBe(415);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining('application/json') });
    expect(await server.faults()).toEqual({ ...NO_FAULTS, categorias: { kind: 'reset' } });
  });

  it('accepts a JSON content type with a charset', async () => {
    expect((await putTimeout({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it.each([['rebind.attacker.test'], ['rebind.attacker.test:3000'], ['10.0.0.5'], ['localhost.attacker.test']])('refuses Host %j with 421, for reads too', async (host) => {
    const read = await call('GET', '/__control/stats', undefined, { host });
    expect(read.status).toBe(421);
    expect((await putTimeout({ ...JSON_TYPE, host })).status).toBe(421);
    expect(await server.faults()).toEqual(NO_FAULTS);
  });

  it.each([['localhost:1234'], ['127.0.0.1'], ['[::1]:80'], ['LOCALHOST']])('answers Host %j (a loopback name or address)', async (host) => {
    expect((await call('GET', '/__control/faults', undefined, { host })).status).toBe(200);
  });

  it('refuses a request carrying a browser Origin with 403, even from loopback to loopback', async () => {
    const seen = await putTimeout({ ...JSON_TYPE, origin: 'http://rebind.attacker.test' });
    expect(seen.status).toBe(403);
    expect(json(seen.body)).toEqual({ error: expect.stringContaining('--allow-origin') });
    expect((await call('GET', '/__control/stats', undefined, { origin: 'null' })).status).toBe(403);
    expect(await server.faults()).toEqual(NO_FAULTS);
  });

  it('the API itself is not guarded: any Host and Origin may load the data', async () => {
    expect((await call('GET', '/api/perfil', undefined, { host: 'rebind.attacker.test', origin: 'http://x.test' })).status).toBe(200);
  });
});

describe('a server started with --allow-origin and --allow-remote', () => {
  it('answers that origin only, and requests naming the remote interface', async () => {
    const open = await startServer({ port: 0, allowOrigins: ['http://localhost:5173/'], allowRemote: true, host: '127.0.0.2' });
    try {
      const put = (headers: Record<string, string>) => observe(`${open.url}/__control/faults/perfil`, { method: 'PUT', body: '{"kind":"timeout"}', headers: { ...JSON_TYPE, ...headers } });
      expect((await put({ origin: 'http://localhost:5173' })).status).toBe(200);
      expect((await put({ origin: 'http://localhost:5174' })).status).toBe(403);
      expect((await put({ origin: 'https://localhost:5173' })).status).toBe(403);
      expect((await put({ host: '127.0.0.2:9' })).status).toBe(200);
      expect((await put({ host: 'rebind.attacker.test' })).status).toBe(421);
    } finally {
      await open.close();
    }
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
