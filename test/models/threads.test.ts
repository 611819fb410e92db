import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest, type LoadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS, THREAD_POOL_MODELS, type ModelId } from '../../src/domain/models.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';
import { instrumentedLoad, loadTransport, type LoadTransport } from '../../src/models/index.js';
import { ThreadPool } from '../../src/models/runtime/thread-pool.js';
import type { MockServer } from '../../src/server/index.js';
import type { HttpTransport } from '../../src/transport/create-transport.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { useLoopbackServer } from '../support/loopback-server.js';
import { collect, expectWellFormed } from './load-harness.js';

// Fixed latencies, productos the slowest, as in the contract test.
const LATENCY = { productos: { ms: 40, jitterMs: 0 }, categorias: { ms: 10, jitterMs: 0 }, perfil: { ms: 20, jitterMs: 0 } };
/** Threads of this process (Linux): the main one, V8's and libuv's, and every worker thread alive. */
const threadCount = (): number => readdirSync('/proc/self/task').length;
const threadsSettleAt = async (count: number): Promise<number> => {
  const deadline = performance.now() + 10_000;
  while (threadCount() > count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return threadCount();
};

let server: MockServer;
let transport: LoadTransport;
useLoopbackServer({ port: 0, latency: LATENCY }, (s, t: HttpTransport) => {
  server = s;
  transport = loadTransport(t, { baseUrl: s.url });
});

/**
 * The deadline runs inside the worker, so a thread's start-up does not count against it; it is still
 * generous, because a worker's request on a machine loaded by the rest of the suite can take far more
 * than the server's latency. Only the timeout fault waits for it, and that case shortens it.
 */
const DEADLINE_MS = 5_000;
const TIMEOUT_CASE_DEADLINE_MS = 2_500;

const run = async (model: ModelId, overrides: Partial<LoadRequest> = {}, through: LoadTransport = transport) => {
  const request = loadRequest({ deadlineMs: DEADLINE_MS, executor: 'threads', ...overrides });
  const events = await collect(instrumentedLoad(model, through, request));
  expectWellFormed(events, request.requests);
  return { events, summary: summarizeLoad(model, events) };
};

describe.each(THREAD_POOL_MODELS)('%s on the threads executor', (model) => {
  it('runs each request on a worker thread of its own, and every arrival is delivered', async () => {
    const { summary, events } = await run(model);
    expect(summary).toMatchObject({ delivered: 3, failed: 0, lost: 0 });
    const threadIds = summary.requests.map((r) => r.threadId ?? 0);
    expect(threadIds.every((id) => id >= 1)).toBe(true);
    expect(new Set(threadIds).size).toBeGreaterThanOrEqual(2); // a thread that has finished may take the next request
    expect(events.filter((e) => e.type === 'arrived')).toHaveLength(3);
  }, 60_000);

  it("ends with what its threads cost: threads started, their start-up and each response's hand-over", async () => {
    const { events, summary } = await run(model, { requests: 6, maxInFlight: 2 });
    const done = events.find((e) => e.type === 'done');
    const started = new Set(summary.requests.map((r) => r.threadId)).size;
    expect(done?.type === 'done' && done.threads).toEqual({ threads: started, startupMs: expect.any(Number), handoffUs: expect.any(Number) });
    const onLoop = await collect(instrumentedLoad(model, transport, loadRequest({ deadlineMs: DEADLINE_MS })));
    expect(onLoop.find((e) => e.type === 'done')).not.toHaveProperty('threads');
  }, 60_000);

  it.each([
    ['a timeout on categorias', 'categorias', { kind: 'timeout' }, 'timeout'],
    ['an HTTP 500 on productos', 'productos', { kind: 'error', status: 500 }, 'http'],
    ['a reset on productos', 'productos', { kind: 'reset' }, 'reset'],
  ] as const)('%s: correct delivers the other two, naive delivers nothing', async (_, endpoint, fault, reason) => {
    await server.setFault(endpoint, fault);
    const deadlineMs = reason === 'timeout' ? TIMEOUT_CASE_DEADLINE_MS : DEADLINE_MS;
    const correct = (await run(model, { deadlineMs })).summary;
    expect(correct).toMatchObject({ delivered: 2, failed: 1, lost: 0 });
    expect(correct.endpoints[endpoint].reasons).toEqual({ [reason]: 1 });
    // Threads start in any order on a loaded machine: the others may not have arrived yet when the fault
    // lands, so they are lost (arrived, dropped) or discarded (dropped before arriving); never delivered.
    const naive = (await run(model, { variant: 'naive', deadlineMs })).summary;
    expect(naive.delivered).toBe(0);
    expect(naive.endpoints[endpoint].reasons).toEqual({ [reason]: 1 });
  }, 60_000);

  it('retries on the main thread, each attempt on a worker: a 503 then success is delivered', async () => {
    await server.setFault('perfil', { kind: 'error', status: 503, times: 1 });
    const { summary, events } = await run(model, { retries: 2, backoff: { baseMs: 1, maxMs: 5 } });
    expect(summary).toMatchObject({ delivered: 3, lost: 0 });
    expect(events.filter((e) => e.type === 'retry').map((e) => e.reason)).toEqual(['http']);
    expect(summary.requests[2]?.threadId).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('does the CPU work in the worker and delivers the same data', async () => {
    const { summary } = await run(model, { workMs: 5 });
    expect(summary).toMatchObject({ delivered: 3, lost: 0 });
  }, 60_000);

  it('a worker that dies fails only its own request, as `worker`', async () => {
    const faulty = new ThreadPool({ maxThreads: 3, workerFile: fileURLToPath(new URL('./runtime/faulty-worker.js', import.meta.url)) });
    // The load's own pool is set aside for one whose worker exits on request 1 (the transport's thread calls go there).
    const crashing: LoadTransport = { get: transport.get, onThreads: (_pool, workUnits) => faulty.transport({ transport: { baseUrl: server.url }, workUnits }) };
    try {
      const { summary } = await run(model, {}, crashing);
      expect(summary.requests.map((r) => [r.outcome, r.reason])).toEqual([
        ['ok', undefined],
        ['failed', 'worker'],
        ['ok', undefined],
      ]);
    } finally {
      await faulty.destroy();
    }
  }, 60_000);

  it('leaves no thread and no handle behind after 100 loads through the model, finished or cancelled mid-load', async () => {
    const request = loadRequest({ requests: 1, maxInFlight: 1, deadlineMs: 60_000, executor: 'threads' });
    const load = async (n: number): Promise<void> => {
      // odd loads are cancelled (unsubscribed) as soon as their attempt is handed to the pool: its thread is still starting
      const events: ArenaEvent[] = await collect(n % 2 === 1 ? instrumentedLoad(model, transport, request).pipe(take(1)) : instrumentedLoad(model, transport, request));
      expect(events.at(-1)?.type).toBe(n % 2 === 1 ? 'start' : 'done');
    };
    await load(0); // warm-up: whatever the first load starts for good (libuv, V8) is not a leak
    const threads = threadCount();
    const handles = openHandles();
    for (let n = 1; n <= 100; n += 1) await load(n);
    expect(await threadsSettleAt(threads)).toBe(threads);
    expect(await leakedHandles(handles)).toEqual([]);
  }, 300_000);
});

it('threads are refused for a model that runs on the event loop only, and for a transport that cannot cross threads', async () => {
  await expect(collect(instrumentedLoad('async-await', transport, loadRequest({ executor: 'threads' })))).rejects.toThrow(/event loop only/);
  await expect(collect(instrumentedLoad('futures', { get: transport.get }, loadRequest({ executor: 'threads' })))).rejects.toThrow(/cannot run on worker threads/);
});

it.each(MODEL_IDS)('%s on the loop does the CPU work on the main thread and delivers the same data, with no threadId', async (model) => {
  const { summary } = await run(model, { executor: 'loop', workMs: 5 });
  expect(summary).toMatchObject({ delivered: 3, lost: 0 });
  expect(summary.requests.map((r) => r.threadId)).toEqual([undefined, undefined, undefined]);
});
