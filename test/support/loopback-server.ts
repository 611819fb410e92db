import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startServer, type MockServer } from '../../src/server/index.js';
import type { TransportKind } from '../../src/domain/transport.js';
import { createTransport, type HttpTransport } from '../../src/transport/create-transport.js';
import { leakedHandles, openHandles, watchTimers } from './handles.js';

/**
 * One mock server on 127.0.0.1 and one keep-alive transport for a whole test file, with the leak
 * checks every network test needs: after each test the faults are cleared and no timer it started is
 * left running; at the end
 * nothing is left open by the transport once it closes, then nothing by the server. Call it at the
 * top of a test file (or of a `describe`); `ready` hands over the server and transport, `warmUp` runs once
 * before the tests; `kind` picks the transport (default axios).
 */
export const useLoopbackServer = (
  options: Parameters<typeof startServer>[0],
  ready: (server: MockServer, transport: HttpTransport) => void,
  warmUp?: (transport: HttpTransport) => Promise<unknown>,
  kind: TransportKind = 'axios',
): void => {
  let server: MockServer;
  let transport: HttpTransport;
  let beforeServer: string[];
  let withServer: string[];
  let testTimers: ReturnType<typeof watchTimers>;

  beforeAll(async () => {
    beforeServer = openHandles();
    server = await startServer({ port: 0, ...options });
    withServer = openHandles();
    transport = createTransport({ kind, baseUrl: server.url });
    ready(server, transport);
    await warmUp?.(transport);
  });
  beforeEach(() => {
    testTimers = watchTimers();
  });
  afterEach(async () => {
    await server.clearFaults(); // every test starts on a server without faults
    expect(await testTimers.leaked(), 'timers left running by the test').toEqual([]);
  });
  afterAll(async () => {
    transport.close();
    const leftByTransport = await leakedHandles(withServer);
    await server.close();
    expect(leftByTransport, 'left open by the transport').toEqual([]);
    expect(await leakedHandles(beforeServer), 'left open by the server').toEqual([]);
  });
};
