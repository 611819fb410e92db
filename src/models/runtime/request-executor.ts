import { buildProductView } from '../../domain/cpu-work.js';
import type { ExecutorKind } from '../../domain/load-request.js';
import type { Transport, TransportCall } from '../../domain/transport.js';
import { Executor } from './executor.js';
import type { Future } from './future.js';
import type { ThreadedResponse } from './thread-pool.js';

/** Which executor runs a thread-pool model's requests: slots on the event loop, or worker threads. */
export type { ExecutorKind } from '../../domain/load-request.js';

/** One request to submit: a transport call without a signal (the executor owns cancellation). */
export type RequestCall = Omit<TransportCall, 'signal'>;

/** What {@link RequestExecutor.shutdown} does with work not finished yet. */
export interface ShutdownOptions {
  /** Cancel the queued futures (Python's `cancel_futures`). */
  readonly cancelFutures?: boolean;
  /** Also abort the running requests (they fail as `canceled`); on threads, their workers are terminated. */
  readonly cancelRunning?: boolean;
}

/**
 * Python's `ThreadPoolExecutor` for requests, on either executor: `submit` returns a {@link Future} at
 * once; at most `maxWorkers` requests run at a time and the rest wait in FIFO order, cancellable until
 * they start; `shutdown` refuses new work. The same contract on the event loop (`loop`) and on worker
 * threads (`threads`), so a model written against it runs unchanged on both.
 */
export interface RequestExecutor {
  readonly kind: ExecutorKind;
  readonly maxWorkers: number;
  /** Schedules the request; the future resolves with the response (and the thread that ran it) or rejects with a `TransportError`. Throws after shutdown. */
  submit(call: RequestCall): Future<ThreadedResponse>;
  /** Accepts no more work; resolves once nothing submitted runs any more and every thread the executor owns has exited. */
  shutdown(options?: ShutdownOptions): Promise<void>;
}

/**
 * The shared half of both executors: an {@link Executor} (the queue and its `maxWorkers` slots) whose
 * work is one call of `transport`, aborted by `shutdown({ cancelRunning })`.
 */
export class TransportExecutor implements RequestExecutor {
  readonly #executor: Executor;
  readonly #controller = new AbortController();

  constructor(
    readonly kind: ExecutorKind,
    readonly maxWorkers: number,
    readonly transport: Transport,
    /** Called once shutdown has let every submitted request finish (threads: destroy an owned pool). */
    private readonly release: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.#executor = new Executor(maxWorkers);
  }

  submit(call: RequestCall): Future<ThreadedResponse> {
    const signal = this.#controller.signal;
    return this.#executor.submit(async (): Promise<ThreadedResponse> => {
      const response = await this.transport.get({ ...call, signal });
      return { threadId: 0, ...response };
    });
  }

  async shutdown({ cancelFutures = false, cancelRunning = false }: ShutdownOptions = {}): Promise<void> {
    const finished = this.#executor.shutdown({ cancelFutures }); // waits for the running and the queued work, as Python's does
    if (cancelRunning) this.#controller.abort();
    await finished;
    await this.release();
  }
}

/** `transport` followed by `workUnits` of CPU work on each response, on the thread that calls it (see `unitsForMs`). */
export const withCpuWork = (transport: Transport, workUnits: number): Transport =>
  workUnits > 0
    ? {
        get: async (call) => {
          const response = await transport.get(call);
          buildProductView(response.data, workUnits);
          return response;
        },
      }
    : transport;

/**
 * Today's executor: `maxWorkers` slots on the event loop; every request, and its CPU work if any, runs
 * on the main thread (`threadId` 0).
 */
export const loopExecutor = (maxWorkers: number, transport: Transport, workUnits = 0): RequestExecutor => new TransportExecutor('loop', maxWorkers, withCpuWork(transport, workUnits));
