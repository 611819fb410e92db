import { Agent, get } from 'node:http';
import { networkInterfaces } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isServerStartError, startServer } from '../../src/server/index.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { observe } from './http-probe.js';

let baseline: string[];
beforeEach(() => {
  baseline = openHandles();
});
afterEach(async () => {
  expect(await leakedHandles(baseline)).toEqual([]);
});

/** Starts a GET whose answer we do not wait for; resolves once the server has the request (its headers are sent). */
const sendAndForget = (url: string): Promise<void> =>
  new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => res.resume().on('error', () => undefined));
    req.on('error', () => undefined).on('finish', () => resolve());
  });

describe('startServer / close', () => {
  it('closes at once with keep-alive, hung, slow-body and delayed requests open, leaving no handles', async () => {
    const server = await startServer({ port: 0, latency: { perfil: { ms: 0, jitterMs: 0 }, productos: { ms: 60_000, jitterMs: 0 } } });
    await server.setFault('categorias', { kind: 'timeout' });
    const keepAlive = new Agent({ keepAlive: true });
    expect((await observe(`${server.url}/api/perfil`)).status).toBe(200);
    await new Promise<void>((resolve) => get(`${server.url}/api/perfil`, { agent: keepAlive }, (res) => res.resume().on('end', resolve)));
    await server.setFault('perfil', { kind: 'slow-body', ms: 60_000 });
    await Promise.all([sendAndForget(`${server.url}/api/categorias`), sendAndForget(`${server.url}/api/perfil`), sendAndForget(`${server.url}/api/productos`)]);
    while ((await server.stats()).productos.received === 0) await delay(5);

    const guard = new AbortController();
    const closed = await Promise.race([server.close().then(() => 'closed'), delay(2000, 'still open after 2 s', { signal: guard.signal }).catch(() => 'aborted')]);
    guard.abort();
    keepAlive.destroy();
    expect(closed).toBe('closed');
    expect(server.server.listening).toBe(false);
    await server.close();
  });

  it('reports a port in use as a one-line start error', async () => {
    const first = await startServer({ port: 0 });
    const port = Number(new URL(first.url).port);
    const error: unknown = await startServer({ port }).catch((e: unknown) => e);
    await first.close();
    expect(isServerStartError(error)).toBe(true);
    expect((error as Error).message).toBe(`port ${port} is in use; try --port 0`);
  });

  it('refuses a non-loopback host unless allowRemote is set', async () => {
    const error: unknown = await startServer({ host: '0.0.0.0', port: 0 }).catch((e: unknown) => e);
    expect(isServerStartError(error)).toBe(true);
    expect((error as Error).message).toContain('--allow-remote');
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((info) => info?.family === 'IPv4' && !info.internal)?.address;

  it.skipIf(external === undefined)('with allowRemote, serves the API to a non-loopback peer but answers its control calls 403', async () => {
    const server = await startServer({ host: external, port: 0, allowRemote: true, latency: { perfil: { ms: 0, jitterMs: 0 } } });
    try {
      expect((await observe(`${server.url}/api/perfil`)).status).toBe(200);
      const control = await observe(`${server.url}/__control/faults`, { method: 'DELETE' });
      expect(control.status).toBe(403);
      expect(control.body).toContain('loopback');
    } finally {
      await server.close();
    }
  });
});
