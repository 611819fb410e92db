import { acceptsThreads, THREAD_POOL_MODELS, type ModelId } from '../../domain/models.js';
import { ThreadPool } from '../runtime/thread-pool.js';
import type { LoadTransport } from './load-transport.js';

/**
 * Most worker threads one load starts. Each thread costs ~10–35 MB of RSS and ~15 ms to start (see
 * the README's thread cost), so a larger in-flight limit keeps its slots but queues their attempts
 * on these threads.
 */
export const MAX_LOAD_THREADS = 64;

/**
 * The pool of one load on the `threads` executor, like Python's `with ThreadPoolExecutor(max_workers=…)`:
 * `maxInFlight` threads (at most {@link MAX_LOAD_THREADS}), started on demand inside the load; the
 * load destroys it when it ends or is cancelled. Throws for a model that runs on the event loop only,
 * or a transport that cannot cross threads.
 */
export const loadThreadPool = (model: ModelId, transport: LoadTransport, maxInFlight: number): ThreadPool => {
  if (!acceptsThreads(model)) throw new Error(`${model} runs on the event loop only; the threads executor is for ${THREAD_POOL_MODELS.join(' and ')}`);
  if (!transport.onThreads) throw new Error('this transport cannot run on worker threads (it is not built from plain options)');
  return new ThreadPool({ maxThreads: Math.min(maxInFlight, MAX_LOAD_THREADS) });
};
