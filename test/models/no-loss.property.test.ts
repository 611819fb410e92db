import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '../../src/domain/endpoints.js';
import type { FailureReason } from '../../src/domain/events.js';
import type { FaultSpec } from '../../src/domain/fault-spec.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';
import { instrumentedLoad } from '../../src/models/instrumented-load.js';
import { uniformLatency, type MockServer } from '../../src/server/index.js';
import type { HttpTransport } from '../../src/transport/http-transport.js';
import { useLoopbackServer } from '../support/loopback-server.js';
import { collect, expectWellFormed } from './load-harness.js';

/** Each fault the property draws, with the reason a request hit by it must fail with (none: delivered). */
const FAULTS: readonly [FaultSpec, FailureReason | undefined][] = [
  [{ kind: 'none' }, undefined],
  [{ kind: 'latency', ms: 20 }, undefined],
  [{ kind: 'timeout' }, 'timeout'],
  [{ kind: 'error', status: 500 }, 'http'],
  [{ kind: 'error', status: 404 }, 'http'],
  [{ kind: 'reset' }, 'reset'],
  [{ kind: 'malformed' }, 'malformed'],
  [{ kind: 'slow-body', ms: 3000 }, 'timeout'],
];

let server: MockServer;
let transport: HttpTransport;
useLoopbackServer({ port: 0, latency: uniformLatency({ ms: 5, jitterMs: 3 }) }, (s, t) => {
  server = s;
  transport = t;
}, (warm) => Promise.all(MODEL_IDS.map((model) => collect(instrumentedLoad(model, warm, loadRequest({ requests: 9 }))))));

describe('correct models under random faults', () => {
  it('never lose data nor misattribute a result', async () => {
    const faultIndex = fc.integer({ min: 0, max: FAULTS.length - 1 });
    await fc.assert(
      fc.asyncProperty(fc.tuple(faultIndex, faultIndex, faultIndex), fc.integer({ min: 3, max: 9 }), async (indices, requests) => {
        const expected = {} as Record<Endpoint, FailureReason | undefined>;
        for (const [position, endpoint] of ENDPOINTS.entries()) {
          const [fault, reason] = FAULTS[indices[position] as number] as (typeof FAULTS)[number];
          expected[endpoint] = reason;
          await server.setFault(endpoint, fault);
        }
        const request = loadRequest({ requests, deadlineMs: 2000 }); // far above loopback answers on a machine loaded by the rest of the suite, under the 3 s slow body
        const loads = await Promise.all(MODEL_IDS.map(async (model) => ({ model, events: await collect(instrumentedLoad(model, transport, request)) })));
        for (const { model, events } of loads) {
          expectWellFormed(events, requests);
          const summary = summarizeLoad(model, events);
          expect(summary.lost).toBe(0);
          for (const outcome of summary.requests) {
            const reason = expected[outcome.endpoint];
            expect([model, outcome.requestId, outcome.outcome, outcome.reason]).toEqual([model, outcome.requestId, reason ? 'failed' : 'ok', reason]);
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
