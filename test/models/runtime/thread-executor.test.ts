import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/domain/endpoints.js';
import { isTransportError } from '../../../src/domain/transport.js';
import { requestEndpoint } from '../../../src/models/support/request-endpoint.js';
import { threadExecutor } from '../../../src/models/runtime/thread-executor.js';
import { ThreadPool } from '../../../src/models/runtime/thread-pool.js';
import type { MockServer } from '../../../src/server/index.js';
import { leakedHandles, openHandles } from '../../support/handles.js';
import { useLoopbackServer } from '../../support/loopback-server.js';

let server: MockServer;
useLoopbackServer({ latency: { productos: { ms: 0, jitterMs: 0 }, categorias: { ms: 0, jitterMs: 0 }, perfil: { ms: 0, jitterMs: 0 } } }, (s) => (server = s));

const FAR_MS = 60_000;
const call = (requestId: number, endpoint: Endpoint = requestEndpoint(requestId)) => ({ endpoint, requestId, deadlineMs: FAR_MS });
const reasonOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'success',
    (error: unknown) => (isTransportError(error) ? error.reason : String(error)),
  );
const fixture = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
/** Threads of this process (Linux): the main one, V8's and libuv's, and every worker thread alive. */
const threadCount = (): number => readdirSync('/proc/self/task').length;
/** Waits, with a generous deadline, until the thread count falls back to `count`: an exiting thread takes a moment to be gone. */
const threadsSettleAt = async (count: number): Promise<number> => {
  const deadline = performance.now() + 10_000;
  while (threadCount() > count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return threadCount();
};

describe('threadExecutor', () => {
  it('runs concurrent requests on distinct worker threads, none on the main one', async () => {
    await server.setFault('productos', { kind: 'timeout' });
    const executor = threadExecutor({ maxWorkers: 3, transport: { baseUrl: server.url } });
    const held = executor.submit(call(0));
    const answered = await Promise.all([executor.submit(call(1)).result(), executor.submit(call(2)).result()]);
    await executor.shutdown({ cancelRunning: true });
    expect(await reasonOf(held.result())).toBe('canceled');
    const ids = answered.map((response) => response.threadId);
    expect(ids.every((id) => id >= 1)).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('delivers the same data when each response gets CPU work in the worker', async () => {
    const executor = threadExecutor({ maxWorkers: 1, transport: { baseUrl: server.url }, workUnits: 50 });
    const response = await executor.submit(call(0)).result();
    await executor.shutdown();
    expect(response).toMatchObject({ status: 200, items: 20 });
    expect(Array.isArray(response.data)).toBe(true);
  });

  it('leaves no thread and no handle behind after 100 loads, finished or cancelled while their thread starts', async () => {
    const run = async (load: number): Promise<void> => {
      const executor = threadExecutor({ maxWorkers: 1, transport: { baseUrl: server.url } });
      const future = executor.submit(call(load % 2 === 0 ? 2 : 0));
      if (load % 2 === 0) expect((await future.result()).items).toBe(1);
      await executor.shutdown({ cancelFutures: true, cancelRunning: true });
      expect(future.done()).toBe(true);
    };
    await server.setFault('productos', { kind: 'timeout' }); // an odd load's request is held, should its thread get that far
    await run(0); // warm-up: whatever the first load starts for good (libuv, V8) is not a leak
    const threads = threadCount();
    const handles = openHandles();
    for (let load = 1; load <= 100; load += 1) await run(load);
    expect(await threadsSettleAt(threads)).toBe(threads);
    expect(await leakedHandles(handles)).toEqual([]);
  }, 240_000);

  it('a worker that throws or dies fails only its own request, as `worker`; the pool replaces it', async () => {
    const pool = new ThreadPool({ maxThreads: 2, workerFile: fixture('faulty-worker.js') });
    const executor = threadExecutor({ maxWorkers: 2, transport: { baseUrl: server.url }, pool });
    const futures = Array.from({ length: 7 }, (_, requestId) => executor.submit(call(requestId)));
    const reasons = await Promise.all(futures.map((future) => reasonOf(future.result())));
    expect(reasons).toEqual(['success', 'worker', 'success', 'worker', 'success', 'worker', 'success']);
    const after = await executor.submit(call(2)).result(); // fresh threads keep serving
    expect(after.threadId).toBeGreaterThanOrEqual(1);
    await executor.shutdown();
    await pool.destroy();
    expect(pool.threads).toBe(0);
  });

  it('a pool whose workers cannot start fails every request as `worker`, at once, and shuts down', async () => {
    const pool = new ThreadPool({ maxThreads: 2, workerFile: fixture('broken-worker.js') });
    const executor = threadExecutor({ maxWorkers: 2, transport: { baseUrl: server.url }, pool });
    const futures = Array.from({ length: 4 }, (_, requestId) => executor.submit(call(requestId)));
    expect(await Promise.all(futures.map((future) => reasonOf(future.result())))).toEqual(['worker', 'worker', 'worker', 'worker']);
    await executor.shutdown();
    await pool.destroy();
  });

  it('a warm pool serves load after load on the same threads and keeps them until destroyed', async () => {
    const pool = new ThreadPool({ maxThreads: 2, minThreads: 2 });
    const load = async (): Promise<number[]> => {
      const executor = threadExecutor({ maxWorkers: 2, transport: { baseUrl: server.url }, pool });
      const responses = await Promise.all([0, 1, 2, 3].map((requestId) => executor.submit(call(requestId)).result()));
      await executor.shutdown();
      return responses.map((response) => response.threadId);
    };
    const first = new Set(await load());
    expect(pool.threads).toBe(2);
    const second = new Set(await load());
    expect([...second].every((id) => first.has(id))).toBe(true);
    await pool.destroy();
    expect(pool.threads).toBe(0);
  });
});
