import { Piscina } from 'piscina';
import type { TransportOptions } from '../../transport/create-transport.js';
import { isTransportError, TransportError, type Transport, type TransportResponse } from '../../domain/transport.js';
import { compiledModulePath } from './compiled-module.js';
import type { ThreadCost } from '../../domain/events.js';
import type { WorkerOutcome, WorkerTask } from './worker-task.js';

/** A response delivered by a thread: the transport's response plus the thread that ran it. */
export interface ThreadedResponse extends TransportResponse {
  /** `threadId` of the thread that performed the request (0: the event loop). */
  readonly threadId: number;
  /** Threads only: the attempt's time on the wire as the worker measured it (ms), without the hand-over between threads. */
  readonly workerLatencyMs?: number;
}

/** A transport failure that happened on a worker thread (or a `worker` failure: the thread threw or died). */
export class ThreadTransportError extends TransportError {
  constructor(
    reason: TransportError['reason'],
    message: string,
    status: number | undefined,
    /** The worker's `threadId`; 0 when the worker died before saying. */
    readonly threadId: number,
  ) {
    super(reason, message, status);
  }
}

/** Options of a {@link ThreadPool}. */
export interface ThreadPoolOptions {
  /** At most this many worker threads; each performs one request at a time, like a thread of Python's `ThreadPoolExecutor`. */
  readonly maxThreads: number;
  /** Threads started at once and kept (a warm pool); default 0: started on demand, as the seed's pool does. */
  readonly minThreads?: number;
  /** The worker's task module (compiled JavaScript); default dist's request-worker.js. Tests swap in a faulty one. */
  readonly workerFile?: string;
}

/** How a thread transport performs each call. */
export interface ThreadTransportOptions {
  /** Plain options: each worker builds its own HTTP transport from them. */
  readonly transport: TransportOptions;
  /** Units of CPU work per response, done in the worker before posting back (default 0). */
  readonly workUnits?: number;
}

/** Per caller signal, the controllers of its calls on threads: one 'abort' listener per signal fans out to them (a load's signal is shared by up to maxInFlight calls; Node warns past 10 listeners). */
const callsOf = new WeakMap<AbortSignal, Set<AbortController>>();

/** Links `controller` to `signal` through the signal's one listener; returns the unlink. */
const linkAbort = (signal: AbortSignal, controller: AbortController): (() => void) => {
  let calls = callsOf.get(signal);
  if (calls === undefined) {
    const fresh = new Set<AbortController>();
    signal.addEventListener('abort', () => fresh.forEach((call) => call.abort()), { once: true });
    callsOf.set(signal, (calls = fresh));
  }
  const set = calls;
  set.add(controller);
  return () => void set.delete(controller);
};

const medianOf = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Threads are never retired for being idle: a pool keeps its threads until {@link ThreadPool.destroy}, as Python's does. */
const NEVER_IDLE_MS = 2 ** 31 - 1;

/**
 * A pool of worker threads (piscina) that perform requests with the project's own transport code.
 * Threads start on demand up to `maxThreads` and stay until {@link destroy}. A worker that throws or
 * exits fails only the request it was running (reason `worker`) and the next request starts a fresh
 * thread; if workers cannot even start, the pool is broken and every call fails at once with `worker`
 * (nothing waits forever). Aborting a call that is running terminates its thread.
 *
 * @example
 * const pool = new ThreadPool({ maxThreads: 4 });
 * const transport = pool.transport({ transport: { baseUrl: server.url } });
 * const { threadId, items } = await transport.get({ endpoint: 'perfil', requestId: 2, deadlineMs: 1000 });
 * await pool.destroy();
 */
export class ThreadPool {
  readonly #piscina: Piscina<WorkerTask, WorkerOutcome>;
  readonly #inFlight = new Set<AbortController>();
  #broken: string | undefined;
  #destroying: Promise<void> | undefined;
  /** Per thread started: ms from handing it its first task to it beginning the task. */
  readonly #startupMs: number[] = [];
  /** Per outcome: µs from the worker posting it to this thread receiving it. */
  readonly #handoffUs: number[] = [];

  constructor({ maxThreads, minThreads = 0, workerFile = compiledModulePath('./request-worker.js', import.meta.url) }: ThreadPoolOptions) {
    if (!Number.isInteger(maxThreads) || maxThreads < 1) throw new RangeError(`maxThreads must be a whole number >= 1, got ${maxThreads}`);
    this.#piscina = new Piscina({
      filename: workerFile,
      maxThreads,
      minThreads: Math.min(minThreads, maxThreads),
      idleTimeout: NEVER_IDLE_MS,
      // Tasks are async I/O: a worker waits for the next one on its event loop, not blocked in Atomics.wait.
      atomics: 'disabled',
      // No per-task timing histograms: nothing reads them.
      recordTiming: false,
    });
    // An error outside any request: a worker failed to start or died idle. Fail what is waiting, refuse what comes.
    this.#piscina.on('error', (error: unknown) => {
      this.#broken = `the worker pool broke: ${error instanceof Error ? error.message : String(error)}`;
      for (const controller of this.#inFlight) controller.abort();
    });
  }

  /** The worker threads alive now. */
  get threads(): number {
    return this.#piscina.threads.length;
  }

  /**
   * What this pool's threads have cost so far: the threads started, the median time from handing a
   * thread its first task to the thread beginning it (start-up plus one hand-over, ms), and the median
   * time from a worker posting an outcome to this thread receiving it (µs). Every thread of a process
   * shares one `performance.now()` clock, so the times are taken across threads directly.
   */
  cost(): ThreadCost {
    return { threads: this.#startupMs.length, startupMs: medianOf(this.#startupMs), handoffUs: medianOf(this.#handoffUs) };
  }

  /** A {@link Transport} whose every call runs on a thread of this pool; responses carry their `threadId`. */
  transport({ transport, workUnits = 0 }: ThreadTransportOptions): Transport & { get(call: Parameters<Transport['get']>[0]): Promise<ThreadedResponse> } {
    return { get: ({ endpoint, requestId, deadlineMs, signal }) => this.#perform({ transport, endpoint, requestId, deadlineMs, workUnits }, signal) };
  }

  /** Terminates every thread; calls still running fail as `canceled`. Idempotent. */
  destroy(): Promise<void> {
    return (this.#destroying ??= this.#piscina.destroy());
  }

  #record(outcome: Partial<WorkerOutcome>, submittedAt: number, receivedAt: number): void {
    if (typeof outcome.postedAt === 'number') this.#handoffUs.push(Math.max(0, receivedAt - outcome.postedAt) * 1000);
    if (outcome.firstTask === true && typeof outcome.receivedAt === 'number') this.#startupMs.push(Math.max(0, outcome.receivedAt - submittedAt));
  }

  async #perform(task: WorkerTask, callerSignal: AbortSignal | undefined): Promise<ThreadedResponse> {
    if (this.#destroying) throw new ThreadTransportError('canceled', 'the thread pool is shut down', undefined, 0);
    if (this.#broken) throw new ThreadTransportError('worker', this.#broken, undefined, 0);
    if (callerSignal?.aborted) throw new ThreadTransportError('canceled', 'canceled by the caller', undefined, 0);
    const controller = new AbortController();
    const unlink = callerSignal ? linkAbort(callerSignal, controller) : undefined;
    this.#inFlight.add(controller);
    let outcome: WorkerOutcome;
    const submittedAt = performance.now();
    try {
      outcome = await this.#piscina.run(task, { signal: controller.signal });
      this.#record(outcome, submittedAt, performance.now());
    } catch (error) {
      if (isTransportError(error)) throw error;
      if (callerSignal?.aborted || (this.#destroying && !this.#broken)) throw new ThreadTransportError('canceled', 'canceled by the caller', undefined, 0);
      throw new ThreadTransportError('worker', this.#broken ?? `the worker thread failed: ${error instanceof Error ? error.message : String(error)}`, undefined, 0);
    } finally {
      this.#inFlight.delete(controller);
      unlink?.();
    }
    if (!outcome.ok) throw new ThreadTransportError(outcome.reason, outcome.message, outcome.status, outcome.threadId);
    return { status: outcome.status, data: outcome.data, items: outcome.items, threadId: outcome.threadId, workerLatencyMs: outcome.latencyMs };
  }
}
