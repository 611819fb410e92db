/**
 * The task of each worker thread of a {@link ThreadPool} (piscina loads this file, compiled, in every
 * worker): performs one request with the project's HTTP transport, does the response's CPU work if
 * asked, and returns a {@link WorkerOutcome}, which piscina posts back to the main thread (a structured
 * clone of the payload). A transport failure is an outcome; anything else thrown is a bug of the worker,
 * and the pool fails that request alone with reason `worker`.
 */
import { threadId } from 'node:worker_threads';
import { buildProductView } from '../../domain/cpu-work.js';
import { isTransportError } from '../../domain/transport.js';
import type { HttpTransport, TransportOptions } from '../../transport/create-transport.js';
import { importTransport } from '../../transport/import-transport.js';
import type { WorkerOutcome, WorkerTask } from './worker-task.js';

/**
 * This worker's transports, one per distinct options (a warm pool may serve several servers); they
 * live as long as the worker. The first call imports the client it needs, and only that one.
 */
const transports = new Map<string, Promise<HttpTransport>>();

const transportFor = (options: TransportOptions): Promise<HttpTransport> => {
  const key = JSON.stringify(options);
  let transport = transports.get(key);
  if (!transport) transports.set(key, (transport = importTransport(options)));
  return transport;
};

/** Tasks this worker has begun. */
let tasksBegun = 0;

/** Performs `task` on this thread. */
export default async function performRequest(task: WorkerTask): Promise<WorkerOutcome> {
  const started = performance.now();
  const firstTask = tasksBegun++ === 0;
  try {
    const response = await (await transportFor(task.transport)).get({ endpoint: task.endpoint, requestId: task.requestId, deadlineMs: task.deadlineMs });
    const latencyMs = performance.now() - started;
    if (task.workUnits > 0) buildProductView(response.data, task.workUnits);
    return { ok: true, threadId, latencyMs, receivedAt: started, postedAt: performance.now(), firstTask, ...response };
  } catch (error) {
    if (!isTransportError(error)) throw error;
    const postedAt = performance.now();
    return { ok: false, threadId, latencyMs: postedAt - started, receivedAt: started, postedAt, firstTask, reason: error.reason, message: error.message, status: error.status };
  }
}
