import { once } from 'node:events';
import { Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../src/domain/endpoints.js';
import { TRANSPORT_KINDS, type TransportCall } from '../../src/domain/transport.js';
import { CATALOG } from '../../src/server/catalog.js';
import { startServer, uniformLatency, type MockServer } from '../../src/server/index.js';
import { createTransport, type HttpTransport } from '../../src/transport/create-transport.js';
import { useLoopbackServer } from '../support/loopback-server.js';
import { failureOf } from '../support/failure-of.js';
import { nextRequest } from '../support/next-request.js';

const call = (endpoint: Endpoint, overrides: Partial<TransportCall> = {}): TransportCall => ({ endpoint, requestId: 0, deadlineMs: 5000, ...overrides });

describe.each(TRANSPORT_KINDS)('the %s transport against the mock server', (kind) => {
  let server: MockServer;
  let transport: HttpTransport;
  useLoopbackServer(
    { port: 0, latency: uniformLatency({ ms: 5, jitterMs: 0 }) },
    (s, t) => {
      server = s;
      transport = t;
    },
    undefined,
    kind,
  );

  it.each(['productos', 'categorias', 'perfil'] as const)('delivers /api/%s validated, with its item count', async (endpoint) => {
    const response = await transport.get(call(endpoint));
    expect(response).toEqual({ status: 200, data: CATALOG[endpoint], items: Array.isArray(CATALOG[endpoint]) ? (CATALOG[endpoint] as unknown[]).length : 1 });
  });

  it('an error fault is http with the status', async () => {
    await server.setFault('perfil', { kind: 'error', status: 503 });
    expect(await failureOf(transport.get(call('perfil')))).toMatchObject({ reason: 'http', status: 503, message: 'HTTP 503 Service Unavailable' });
  });

  it('a reset before answering is reset', async () => {
    await server.setFault('perfil', { kind: 'reset' });
    expect((await failureOf(transport.get(call('perfil')))).reason).toBe('reset');
  });

  it('a 200 with invalid JSON is malformed, never data', async () => {
    await server.setFault('productos', { kind: 'malformed' });
    expect(await failureOf(transport.get(call('productos')))).toMatchObject({ reason: 'malformed', status: 200 });
  });

  it('a server that never answers hits the deadline', async () => {
    await server.setFault('categorias', { kind: 'timeout' });
    expect(await failureOf(transport.get(call('categorias', { deadlineMs: 100 })))).toMatchObject({ reason: 'timeout', message: 'timeout after 100 ms' });
  });

  it('the deadline is total: a body that keeps dribbling past it is a timeout', async () => {
    await server.setFault('productos', { kind: 'slow-body', ms: 2000 });
    expect((await failureOf(transport.get(call('productos', { deadlineMs: 150 })))).reason).toBe('timeout');
  });

  it('a body larger than maxBodyBytes is too-large', async () => {
    const small = createTransport({ kind, baseUrl: server.url, maxBodyBytes: 100 });
    try {
      expect((await failureOf(small.get(call('productos')))).reason).toBe('too-large');
    } finally {
      small.close();
    }
  });

  it("the caller's abort cancels the call and destroys its socket", async () => {
    await server.setFault('categorias', { kind: 'timeout' });
    const controller = new AbortController();
    const received = nextRequest(server.server, '/api/categorias');
    const pending = failureOf(transport.get(call('categorias', { deadlineMs: 10_000, signal: controller.signal })));
    const { socket } = await received;
    const socketClosed = once(socket, 'close');
    controller.abort();
    expect((await pending).reason).toBe('canceled');
    await socketClosed;
    expect(socket.destroyed).toBe(true);
  });

  it('sets TCP keep-alive with one value on a reused connection, so Node applies it once, not per request', async () => {
    const setKeepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
    try {
      for (let requestId = 0; requestId < 5; requestId += 1) await transport.get(call('perfil', { requestId }));
      expect(setKeepAlive).toHaveBeenCalled(); // keep-alive is on
      // Node skips the setsockopt calls while the arguments do not change; axios and node:http's agent
      // each set it on every request, and with two values they alternated: two syscalls per request.
      expect(new Set(setKeepAlive.mock.calls.map(([enable, delayMs]) => `${enable} ${delayMs}`)).size).toBeLessThanOrEqual(1);
    } finally {
      setKeepAlive.mockRestore();
    }
  });

  it('a closed port is refused', async () => {
    const closed = await startServer({ port: 0 });
    await closed.close();
    const orphan = createTransport({ kind, baseUrl: closed.url });
    try {
      expect(await failureOf(orphan.get(call('perfil')))).toMatchObject({ reason: 'refused', message: 'connection refused' });
    } finally {
      orphan.close();
    }
  });
});
