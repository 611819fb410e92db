import { Option } from 'commander';
import { LIMITS } from '../domain/limits.js';
import { EXECUTOR_KINDS } from '../domain/load-request.js';
import { acceptsThreads, THREAD_POOL_MODELS, type ModelId } from '../domain/models.js';
import { MAX_LOAD_THREADS } from '../models/index.js';
import { integerIn } from './options.js';
import { UsageError } from './usage-error.js';

/** `--executor loop|threads`: where callbacks and futures run each request attempt (default loop). */
export const executorOption = (): Option =>
  new Option(
    '--executor <kind>',
    `where ${THREAD_POOL_MODELS.join(' and ')} run each request: loop (the event loop) or threads (worker threads, one per request in flight, at most ${MAX_LOAD_THREADS}, started and shut down inside the load)`,
  )
    .choices(EXECUTOR_KINDS)
    .default('loop');

/** `--work-ms N`: ms of deterministic CPU work on each response before it is delivered (default 0). */
export const workMsOption = (): Option =>
  new Option('--work-ms <ms>', 'ms of CPU work on each response before it is delivered (in the worker on threads, on the event loop otherwise)').argParser(integerIn(LIMITS.workMs)).default(0);

/** Refuses `--executor threads` for a model that runs on the event loop only: one line, exit 2. */
export const checkExecutor = (model: ModelId, executor: string): void => {
  if (executor === 'threads' && !acceptsThreads(model)) throw new UsageError(`--executor threads is for ${THREAD_POOL_MODELS.join(' and ')} only; ${model} runs on the event loop`);
};
