import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/domain/endpoints.js';
import { isTransportError, type Transport } from '../../../src/domain/transport.js';
import { ALL_COMPLETED, asCompleted, FIRST_COMPLETED, wait } from '../../../src/models/runtime/index.js';
import { CancelledError } from '../../../src/models/runtime/index.js';
import { loopExecutor, type RequestExecutor } from '../../../src/models/runtime/request-executor.js';
import { threadExecutor } from '../../../src/models/runtime/thread-executor.js';
import type { MockServer } from '../../../src/server/index.js';
import { useLoopbackServer } from '../../support/loopback-server.js';

/**
 * The executor contract (Python's `concurrent.futures`), run against both executors over the same
 * loopback server: what a model written for one may rely on with the other. Orders are forced by the
 * server, never by timing: a `timeout` fault holds a request until it is cancelled (its deadline is far).
 */
let server: MockServer;
let transport: Transport;
useLoopbackServer({ latency: { productos: { ms: 0, jitterMs: 0 }, categorias: { ms: 0, jitterMs: 0 }, perfil: { ms: 0, jitterMs: 0 } } }, (s, t) => ((server = s), (transport = t)));

/** A deadline no test reaches: a held request ends by cancellation. */
const FAR_MS = 60_000;
const call = (endpoint: Endpoint, requestId: number) => ({ endpoint, requestId, deadlineMs: FAR_MS });
const reasonOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'success',
    (error: unknown) => (isTransportError(error) ? error.reason : error instanceof CancelledError ? 'cancelled' : String(error)),
  );

const EXECUTORS: Record<string, (maxWorkers: number) => RequestExecutor> = {
  loop: (maxWorkers) => loopExecutor(maxWorkers, transport),
  threads: (maxWorkers) => threadExecutor({ maxWorkers, transport: { baseUrl: server.url } }),
};

describe.each(Object.keys(EXECUTORS))('the %s executor', (kind) => {
  const executor = (maxWorkers: number) => (EXECUTORS[kind] as (maxWorkers: number) => RequestExecutor)(maxWorkers);

  it('submit returns a future at once that resolves with the response, and the thread that ran it', async () => {
    const pool = executor(2);
    const future = pool.submit(call('perfil', 2));
    expect(['pending', 'running']).toContain(future.state);
    const response = await future.result();
    expect(response).toMatchObject({ status: 200, items: 1, data: { email: expect.any(String) } });
    expect(future.state).toBe('done');
    if (kind === 'loop') expect(response.threadId).toBe(0);
    else expect(response.threadId).toBeGreaterThanOrEqual(1);
    await pool.shutdown();
  });

  it("a request's failure is its future's own TransportError", async () => {
    await server.setFault('categorias', { kind: 'error', status: 503 });
    const pool = executor(2);
    const [failed, ok] = [pool.submit(call('categorias', 1)), pool.submit(call('perfil', 2))];
    expect(await reasonOf(failed.result())).toBe('http');
    expect((await ok.result()).items).toBe(1);
    await pool.shutdown();
  });

  it('asCompleted yields in completion order: the held first request comes out last', async () => {
    await server.setFault('productos', { kind: 'timeout' });
    const pool = executor(3);
    const futures = [pool.submit(call('productos', 0)), pool.submit(call('categorias', 1)), pool.submit(call('perfil', 2))];
    const order: number[] = [];
    for await (const future of asCompleted(futures)) {
      order.push(futures.indexOf(future));
      if (order.length === 2) void pool.shutdown({ cancelRunning: true }); // releases the held request
    }
    expect(order.slice(0, 2).sort()).toEqual([1, 2]);
    expect(order[2]).toBe(0);
    expect(await reasonOf((futures[0] as (typeof futures)[0]).result())).toBe('canceled');
    await pool.shutdown();
  });

  it('wait FIRST_COMPLETED returns with the quick one done and the held one not', async () => {
    await server.setFault('productos', { kind: 'timeout' });
    const pool = executor(2);
    const [held, quick] = [pool.submit(call('productos', 0)), pool.submit(call('perfil', 2))];
    const { done, notDone } = await wait([held, quick], FIRST_COMPLETED);
    expect([...done]).toEqual([quick]);
    expect([...notDone]).toEqual([held]);
    await pool.shutdown({ cancelRunning: true });
    expect(held.done()).toBe(true);
  });

  it('wait ALL_COMPLETED returns once every future is done, failed ones included', async () => {
    await server.setFault('categorias', { kind: 'malformed' });
    const pool = executor(2);
    const futures = [pool.submit(call('productos', 0)), pool.submit(call('categorias', 1)), pool.submit(call('perfil', 2))];
    const { done, notDone } = await wait(futures, ALL_COMPLETED);
    expect(done.size).toBe(3);
    expect(notDone.size).toBe(0);
    expect(await Promise.all(futures.map((f) => reasonOf(f.result())))).toEqual(['success', 'malformed', 'success']);
    await pool.shutdown();
  });

  it('cancels queued work only: the cancelled request never reaches the server', async () => {
    await server.setFault('productos', { kind: 'timeout' });
    const before = await server.stats();
    const pool = executor(1);
    const running = pool.submit(call('productos', 0));
    const queued = pool.submit(call('perfil', 2));
    expect(queued.state).toBe('pending');
    expect(queued.cancel()).toBe(true);
    expect(queued.state).toBe('cancelled');
    expect(running.cancel()).toBe(false);
    await expect(queued.result()).rejects.toBeInstanceOf(CancelledError);
    await pool.shutdown({ cancelRunning: true });
    expect(await reasonOf(running.result())).toBe('canceled');
    expect((await server.stats()).perfil.received).toBe(before.perfil.received);
  });

  it('shutdown refuses new work and waits for the work running; cancelFutures cancels the queue', async () => {
    const pool = executor(1);
    const futures = [pool.submit(call('productos', 0)), pool.submit(call('categorias', 1)), pool.submit(call('perfil', 2))];
    const stopping = pool.shutdown({ cancelFutures: true });
    expect(() => pool.submit(call('perfil', 5))).toThrow(/shutdown/);
    await stopping;
    expect(futures.map((f) => f.state)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await (futures[0] as (typeof futures)[0]).result()).items).toBeGreaterThan(0);
  });
});
