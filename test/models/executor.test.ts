import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { ALL_COMPLETED, asCompleted, CancelledError, Executor, FIRST_COMPLETED, Future, wait } from '../../src/models/runtime/index.js';
import { YIELDS_PER_TURN } from '../../src/models/runtime/as-completed.js';

/** A promise settled by the test. */
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Executor', () => {
  it('runs at most maxWorkers at once; the rest wait as pending', async () => {
    const executor = new Executor(2);
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const futures = gates.map((gate) => executor.submit(() => gate.promise));
    expect(futures.map((f) => f.state)).toEqual(['running', 'running', 'pending']);
    gates[0]?.resolve(0);
    await flush();
    expect(futures.map((f) => f.state)).toEqual(['done', 'running', 'running']);
  });

  it('cancels queued work only: it never runs and result() rejects with CancelledError', async () => {
    const executor = new Executor(1);
    const gate = deferred<string>();
    let queuedRan = false;
    const running = executor.submit(() => gate.promise);
    const queued = executor.submit(async () => {
      queuedRan = true;
      return 'never';
    });
    expect(running.cancel()).toBe(false);
    expect(queued.cancel()).toBe(true);
    expect(queued.state).toBe('cancelled');
    gate.resolve('first');
    expect(await running.result()).toBe('first');
    await expect(queued.result()).rejects.toBeInstanceOf(CancelledError);
    expect(queuedRan).toBe(false);
  });

  it('shutdown with cancelFutures cancels the queue and refuses new work', async () => {
    const executor = new Executor(1);
    const gate = deferred<number>();
    const running = executor.submit(() => gate.promise);
    const queued = [executor.submit(async () => 1), executor.submit(async () => 2)];
    executor.shutdown({ cancelFutures: true });
    expect(queued.map((f) => f.state)).toEqual(['cancelled', 'cancelled']);
    expect(() => executor.submit(async () => 3)).toThrow(/shutdown/);
    gate.resolve(7);
    expect(await running.result()).toBe(7);
  });

  it("shutdown() waits for the work still running, as Python's does; wait: false does not", async () => {
    const executor = new Executor(1);
    const gate = deferred<number>();
    const running = executor.submit(() => gate.promise);
    let waited = false;
    const shutdown = executor.shutdown().then(() => (waited = true));
    await executor.shutdown({ wait: false });
    await flush();
    expect(waited).toBe(false);
    expect(running.running()).toBe(true);
    gate.resolve(1);
    await shutdown;
    expect(running.done()).toBe(true);
    expect(running.cancelled()).toBe(false);
  });


  it('shutdown() also waits for the work still queued, which runs first, as in Python', async () => {
    const executor = new Executor(1);
    const gates = [deferred<number>(), deferred<number>()];
    const [first, queued] = gates.map((gate) => executor.submit(() => gate.promise));
    let waited = false;
    const shutdown = executor.shutdown().then(() => (waited = true));
    gates[0]?.resolve(1);
    await flush();
    expect(first?.done()).toBe(true);
    expect(queued?.running()).toBe(true);
    expect(waited).toBe(false);
    gates[1]?.resolve(2);
    await shutdown;
    await expect(queued?.result()).resolves.toBe(2);
  });
  it("result() rejects with the work's own error, stored until read", async () => {
    const executor = new Executor(1);
    const future = executor.submit(async () => {
      throw new Error('boom');
    });
    await flush();
    expect(future.state).toBe('done');
    await expect(future.result()).rejects.toThrow('boom');
  });

  it("a done-callback that throws is logged, as in Python, and cannot stop the others or the executor's next work", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const executor = new Executor(1);
      const gate = deferred<number>();
      const first = executor.submit(() => gate.promise);
      const heard: string[] = [];
      first.addDoneCallback(() => {
        throw new Error('callback bug');
      });
      first.addDoneCallback(() => heard.push('second callback'));
      const next = executor.submit(async () => 2);
      gate.resolve(1);
      await expect(first.result()).resolves.toBe(1);
      await expect(next.result()).resolves.toBe(2);
      expect(heard).toEqual(['second callback']);
      first.addDoneCallback(() => {
        throw new Error('late callback bug');
      });
      expect(logged.mock.calls.map((call) => String(call[1]))).toEqual(['Error: callback bug', 'Error: late callback bug']);
    } finally {
      logged.mockRestore();
    }
  });
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('asCompleted', () => {
  it('keeps no reference to a future it has yielded, as CPython (bpo-27144): a read future the reader dropped can be collected', async () => {
    const yielded: WeakRef<Future<object>>[] = [];
    const last = new Future<object>(); // not done: the generator is still running when the others are collected
    function* futures(): Generator<Future<object>> {
      for (let i = 0; i < 3; i += 1) {
        const future = new Future<object>();
        future.setResult({ payload: new Array(1000).fill(i) });
        yielded.push(new WeakRef(future));
        yield future;
      }
      yield last;
    }
    const reading = asCompleted(futures());
    for (let i = 0; i < 3; i += 1) await reading.next();
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its target until the job that made it ends
    gc();
    expect(yielded.filter((ref) => ref.deref() === undefined)).toHaveLength(3);
    last.setResult({});
    expect((await reading.next()).value).toBe(last);
    expect((await reading.next()).done).toBe(true);
  });

  it('yields futures in completion order, not submission order', async () => {
    const executor = new Executor(3);
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const futures = gates.map((gate) => executor.submit(() => gate.promise));
    const order: string[] = [];
    const reading = (async () => {
      for await (const future of asCompleted(futures)) order.push(await future.result());
    })();
    gates[2]?.resolve('c');
    await flush();
    gates[0]?.resolve('a');
    await flush();
    gates[1]?.resolve('b');
    await reading;
    expect(order).toEqual(['c', 'a', 'b']);
  });

  it('hands back thousands of futures done at once a turn at a time: an immediate runs before the last is read', async () => {
    const executor = new Executor(1);
    const gate = deferred<number>();
    executor.submit(() => gate.promise);
    const queued = Array.from({ length: 10 * YIELDS_PER_TURN }, () => executor.submit(async () => 0));
    let readWhenTheImmediateRan = -1;
    let read = 0;
    const reading = (async () => {
      for await (const future of asCompleted(queued)) read += future.cancelled() ? 1 : 0;
    })();
    void executor.shutdown({ wait: false, cancelFutures: true }); // every queued future is done (cancelled) at once
    setImmediate(() => (readWhenTheImmediateRan = read));
    await reading;
    expect(read).toBe(queued.length);
    expect(readWhenTheImmediateRan).toBeGreaterThan(0);
    expect(readWhenTheImmediateRan).toBeLessThan(queued.length);
    gate.resolve(0);
  });
});

describe('wait', () => {
  it('FIRST_COMPLETED returns as soon as one future is done', async () => {
    const executor = new Executor(2);
    const slow = deferred<number>();
    const fast = deferred<number>();
    const [slowFuture, fastFuture] = [executor.submit(() => slow.promise), executor.submit(() => fast.promise)];
    const waiting = wait([slowFuture, fastFuture], FIRST_COMPLETED);
    fast.resolve(1);
    const { done, notDone } = await waiting;
    expect([...done]).toEqual([fastFuture]);
    expect([...notDone]).toEqual([slowFuture]);
    slow.resolve(2);
  });

  it('ALL_COMPLETED waits for every future, failed and cancelled ones included', async () => {
    const executor = new Executor(1);
    const gate = deferred<number>();
    const first = executor.submit(() => gate.promise);
    const cancelled = executor.submit(async () => 2);
    cancelled.cancel();
    const waiting = wait([first, cancelled], ALL_COMPLETED);
    let returned = false;
    void waiting.then(() => (returned = true));
    await flush();
    expect(returned).toBe(false);
    gate.reject(new Error('failed'));
    const { done, notDone } = await waiting;
    expect(done.size).toBe(2);
    expect(notDone.size).toBe(0);
  });
});
