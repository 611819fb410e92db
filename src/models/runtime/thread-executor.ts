import type { TransportOptions } from '../../transport/create-transport.js';
import { TransportExecutor, type RequestExecutor } from './request-executor.js';
import { ThreadPool } from './thread-pool.js';

/** Options of {@link threadExecutor}. */
export interface ThreadExecutorOptions {
  /** Requests running at once, each on its own worker thread (the model's maxInFlight). */
  readonly maxWorkers: number;
  /** Plain options from which each worker builds its HTTP transport. */
  readonly transport: TransportOptions;
  /** Units of CPU work per response, done in the worker (default 0); see `unitsForMs`. */
  readonly workUnits?: number;
  /**
   * A warm pool to borrow, kept after shutdown (its threads are started once, so start-up is paid apart).
   * Default: a pool of `maxWorkers` threads of its own, started on demand and destroyed by shutdown, as
   * Python's `with ThreadPoolExecutor(...)` does inside each load.
   */
  readonly pool?: ThreadPool;
}

/**
 * The `threads` executor: the same contract as the loop one, but each submitted request is performed on
 * a worker thread of a {@link ThreadPool}, with the project's transport code, and its response is
 * posted back with the `threadId` that ran it. `shutdown()` resolves once an owned pool's threads have
 * all exited; `shutdown({ cancelFutures: true, cancelRunning: true })` is the cancel of a load.
 *
 * @example
 * const executor = threadExecutor({ maxWorkers: 3, transport: { baseUrl: server.url } });
 * const futures = [0, 1, 2].map((requestId) => executor.submit({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: 1000 }));
 * for await (const future of asCompleted(futures)) console.log((await future.result()).threadId);
 * await executor.shutdown();
 */
export const threadExecutor = ({ maxWorkers, transport, workUnits = 0, pool }: ThreadExecutorOptions): RequestExecutor => {
  const threads = pool ?? new ThreadPool({ maxThreads: maxWorkers });
  return new TransportExecutor('threads', maxWorkers, threads.transport({ transport, workUnits }), () => (pool ? Promise.resolve() : threads.destroy()));
};
