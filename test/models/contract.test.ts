import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../src/domain/events.js';
import { loadRequest, type LoadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS, type ModelId } from '../../src/domain/models.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';
import { TRANSPORT_KINDS, type Transport } from '../../src/domain/transport.js';
import { MODELS } from '../../src/models/index.js';
import { instrumentedLoad } from '../../src/models/instrumented-load.js';
import { startServer, type MockServer } from '../../src/server/index.js';
import { createTransport, type HttpTransport } from '../../src/transport/create-transport.js';
import { collect, expectWellFormed } from './load-harness.js';
import { useLoopbackServer } from '../support/loopback-server.js';
import { nextRequest } from '../support/next-request.js';
import { holdUntilOthersAnswer } from './held-transport.js';

// Fixed latencies, productos the slowest. Where a test needs the other two to have arrived before a
// fault, it says so with `holdUntilOthersAnswer`: latencies alone are no order on a busy machine.
const LATENCY = { productos: { ms: 40, jitterMs: 0 }, categorias: { ms: 10, jitterMs: 0 }, perfil: { ms: 20, jitterMs: 0 } };

describe.each(TRANSPORT_KINDS)('over the %s transport', (kind) => {
  let server: MockServer;
  let transport: HttpTransport;
  useLoopbackServer(
    { port: 0, latency: LATENCY },
    (s, t) => {
      server = s;
      transport = t;
    },
    undefined,
    kind,
  );

  const run = async (model: ModelId, overrides: Partial<LoadRequest> = {}, through: Transport = transport) => {
    // Generous: on a loaded machine 250 ms timed out answers of 10–40 ms; only the timeout cases wait it out.
    const request = loadRequest({ deadlineMs: 1000, ...overrides });
    const events = await collect(instrumentedLoad(model, through, request));
    expectWellFormed(events, request.requests);
    return { events, summary: summarizeLoad(model, events) };
  };

  describe.each(MODEL_IDS)('%s model against the mock server', (model) => {
    it('delivers all three endpoints when nothing fails, in both variants', async () => {
      for (const variant of ['correct', 'naive'] as const) {
        const { summary } = await run(model, { variant });
        expect(summary).toMatchObject({ delivered: 3, failed: 0, lost: 0 });
      }
    });

    it("the seed's case, /categorias timeout: correct delivers productos and perfil, naive loses them", async () => {
      await server.setFault('categorias', { kind: 'timeout' });
      const correct = (await run(model, {}, holdUntilOthersAnswer(transport, 'categorias'))).summary;
      expect(correct.requests.map((r) => [r.endpoint, r.outcome, r.reason])).toEqual([
        ['productos', 'ok', undefined],
        ['categorias', 'failed', 'timeout'],
        ['perfil', 'ok', undefined],
      ]);
      // latencyMs is the attempt's time on the wire, even for a model that delivers once all have settled.
      const [, categorias, perfil] = correct.requests;
      expect(perfil?.latencyMs).toBeLessThan(categorias?.latencyMs ?? 0);
      const naive = (await run(model, { variant: 'naive' }, holdUntilOthersAnswer(transport, 'categorias'))).summary;
      expect(naive).toMatchObject({ delivered: 0, lost: 2 });
      expect(naive.endpoints.categorias.reasons).toEqual({ timeout: 1 });
      expect(naive.endpoints.perfil.reasons).toEqual({ discarded: 1 });
    });

    it.each([
      ['an HTTP 500', { kind: 'error', status: 500 }, 'http'],
      ['a reset', { kind: 'reset' }, 'reset'],
      ['a malformed body', { kind: 'malformed' }, 'malformed'],
      ['a slow body past the deadline', { kind: 'slow-body', ms: 2000 }, 'timeout'],
    ] as const)('%s on productos: correct delivers the other two, naive loses them', async (_, fault, reason) => {
      await server.setFault('productos', fault);
      const correct = (await run(model, {}, holdUntilOthersAnswer(transport, 'productos'))).summary;
      expect(correct).toMatchObject({ delivered: 2, failed: 1, lost: 0 });
      expect(correct.endpoints.productos.reasons).toEqual({ [reason]: 1 });
      const naive = (await run(model, { variant: 'naive' }, holdUntilOthersAnswer(transport, 'productos'))).summary;
      expect(naive).toMatchObject({ delivered: 0, lost: 2 });
      expect(naive.endpoints.productos.reasons).toEqual({ [reason]: 1 });
    });

    it('a closed port: every request fails as refused (naive: the rest discarded), nothing lost', async () => {
      const closed = await startServer({ port: 0 });
      await closed.close();
      const orphan = createTransport({ kind, baseUrl: closed.url });
      try {
        const correct = (await run(model, {}, orphan)).summary;
        expect(correct).toMatchObject({ delivered: 0, failed: 3, lost: 0 });
        expect(correct.requests.every((r) => r.reason === 'refused')).toBe(true);
        expect((await run(model, { variant: 'naive' }, orphan)).summary).toMatchObject({ delivered: 0, failed: 3, lost: 0 });
      } finally {
        orphan.close();
      }
    });

    it('unsubscribing mid-flight aborts the request in flight, starts nothing more and emits nothing after', async () => {
      await server.setFault('categorias', { kind: 'timeout' });
      let calls = 0;
      const counting: Transport = { get: (call) => ((calls += 1), transport.get(call)) };
      const events: LoadEvent[] = [];
      const received = nextRequest(server.server, '/api/categorias');
      const subscription = MODELS[model].load(counting, loadRequest({ requests: 6, maxInFlight: 3, deadlineMs: 10_000 })).subscribe({
        next: (event) => events.push(event),
        error: (error: unknown) => expect.fail(`stream error: ${String(error)}`),
      });
      const { socket } = await received;
      const socketClosed = once(socket, 'close');
      subscription.unsubscribe();
      const [eventsAtCancel, callsAtCancel] = [events.length, calls];
      await socketClosed;
      await sleep(250); // past the other endpoints' latency: a late completion would show up now
      expect(socket.destroyed).toBe(true);
      expect(events.length).toBe(eventsAtCancel);
      expect(calls).toBe(callsAtCancel);
      expect(events.some((e) => e.type === 'done')).toBe(false);
    });

    it('retries recover from a `times: 1` fault, and the server saw the extra request', async () => {
      for (const variant of ['correct', 'naive'] as const) {
        await server.setFault('perfil', { kind: 'error', status: 503, times: 1 });
        const before = (await server.stats()).perfil.received;
        const { events, summary } = await run(model, { variant, retries: 2, backoff: { baseMs: 5, maxMs: 10 } });
        expect((await server.stats()).perfil.received - before).toBe(2);
        expect(summary).toMatchObject({ delivered: 3, lost: 0 });
        expect(summary.requests.find((r) => r.endpoint === 'perfil')?.attempts).toBe(2);
        expect(events.filter((e) => e.type === 'retry')).toEqual([expect.objectContaining({ endpoint: 'perfil', attempt: 1, reason: 'http' })]);
      }
    });
  });
});
