import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import { connectServer, isServerStartError, probeControlApi, startServer, startServerProcess, uniformLatency } from '../../src/server/index.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { observe } from './http-probe.js';

let baseline: string[];
beforeEach(() => {
  baseline = openHandles();
});
afterEach(async () => {
  expect(await leakedHandles(baseline)).toEqual([]);
});

describe('startServerProcess', () => {
  it('runs the server in a child process, controlled over HTTP, and stops it on close', async () => {
    const server = await startServerProcess({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }), faults: { productos: { kind: 'reset' } } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await server.setFault('perfil', { kind: 'error', status: 418, times: 1 });
      expect(await server.faults()).toEqual({ ...NO_FAULTS, productos: { kind: 'reset' }, perfil: { kind: 'error', status: 418, times: 1 } });
      expect((await observe(`${server.url}/api/perfil`)).status).toBe(418);
      expect((await observe(`${server.url}/api/productos`)).errorCode).toBe('ECONNRESET');
      expect((await server.stats()).perfil).toEqual({ received: 1, ok: 0, faults: { error: 1 } });
      await server.clearFaults();
      expect(await server.faults()).toEqual(NO_FAULTS);
    } finally {
      await server.close();
    }
    expect((await observe(`${server.url}/api/perfil`)).errorCode).toBe('ECONNREFUSED');
  });

  it('rejects with the child\'s one-line message when the port is in use', async () => {
    const taken = await startServer({ port: 0 });
    const error: unknown = await startServerProcess({ port: Number(new URL(taken.url).port) }).catch((e: unknown) => e);
    await taken.close();
    expect(isServerStartError(error)).toBe(true);
    expect((error as Error).message).toBe(`port ${new URL(taken.url).port} is in use; try --port 0`);
  });
});

describe('connectServer and probeControlApi', () => {
  it('controls an in-process server over HTTP and surfaces the server\'s validation message', async () => {
    const server = await startServer({ port: 0 });
    try {
      const control = connectServer(`${server.url}/`);
      await control.setFault('categorias', { kind: 'slow-body', ms: 500 });
      expect((await server.faults()).categorias).toEqual({ kind: 'slow-body', ms: 500 });
      await expect(control.setFault('perfil', { kind: 'error', status: 200 })).rejects.toThrow(/answered 400: invalid fault spec: status/);
      await control.close();
      expect(server.server.listening).toBe(true);
      expect(await probeControlApi(server.url)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('tells a server without the control API, and a closed port, from one with it', async () => {
    const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
    plain.listen(0, '127.0.0.1');
    await once(plain, 'listening');
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    expect(await probeControlApi(url)).toBe(false);
    plain.close();
    plain.closeAllConnections();
    await once(plain, 'close');
    expect(await probeControlApi(url)).toBe(false);
  });
});
