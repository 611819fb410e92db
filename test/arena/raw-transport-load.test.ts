import { describe, expect, it } from 'vitest';
import { rawTransportLoad } from '../../src/arena/raw-transport-load.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { TransportError, type Transport, type TransportCall } from '../../src/domain/transport.js';
import { STARTS_PER_TURN } from '../../src/models/index.js';

/** A transport that answers on the next turn, failing /perfil, and records each call and the most in flight at once. */
const recordingTransport = () => {
  const calls: TransportCall[] = [];
  let inFlight = 0;
  let most = 0;
  const transport: Transport = {
    get: async (call) => {
      calls.push(call);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      if (call.endpoint === 'perfil') throw new TransportError('http', 'HTTP 503', 503);
      return { status: 200, data: [], items: 0 };
    },
  };
  return { transport, calls, most: () => most };
};

describe('rawTransportLoad', () => {
  it('makes one call per request, round-robin over the endpoints, at most maxInFlight at once, and counts the failures', async () => {
    const { transport, calls, most } = recordingTransport();
    const outcome = await rawTransportLoad(transport)(loadRequest({ requests: 10, maxInFlight: 4, retries: 3, deadlineMs: 700 }));
    expect(outcome).toEqual({ calls: 10, failed: 3 });
    expect(calls.map((c) => c.requestId).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(calls.slice(0, 3).map((c) => c.endpoint)).toEqual(['productos', 'categorias', 'perfil']);
    expect(new Set(calls.map((c) => c.deadlineMs))).toEqual(new Set([700]));
    expect(most()).toBe(4);
  });

  it('never starts more workers than requests', async () => {
    const { transport, most } = recordingTransport();
    expect(await rawTransportLoad(transport)(loadRequest({ requests: 2, maxInFlight: 100 }))).toEqual({ calls: 2, failed: 0 });
    expect(most()).toBe(2);
  });

  it('starts its calls through the models’ budget: at most STARTS_PER_TURN per event-loop turn, then the next turns', async () => {
    const requests = 4 * STARTS_PER_TURN;
    const calls: number[] = [];
    const never: Transport = { get: (call) => (calls.push(call.requestId), new Promise(() => undefined)) };
    void rawTransportLoad(never)(loadRequest({ requests, maxInFlight: requests }));
    const perTurn = [calls.length];
    for (let turn = 0; turn < 10 && calls.length < requests; turn += 1) {
      const before = calls.length;
      await new Promise((resolve) => setImmediate(resolve));
      perTurn.push(calls.length - before);
    }
    expect(calls).toHaveLength(requests);
    expect(Math.max(...perTurn)).toBe(STARTS_PER_TURN);
    expect(perTurn.length).toBeGreaterThanOrEqual(4);
  });
});
