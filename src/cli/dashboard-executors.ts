import { InvalidArgumentError, Option } from 'commander';
import { EXECUTOR_KINDS, type ExecutorKind } from '../domain/load-request.js';
import { acceptsThreads, THREAD_POOL_MODELS, type ModelId } from '../domain/models.js';
import { UsageError } from './usage-error.js';

/** A commander parser for `--executors loop,threads` (unknown names are errors; duplicates dropped). */
export const executorList = (value: string): ExecutorKind[] => {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !(EXECUTOR_KINDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown !== undefined) throw new InvalidArgumentError(`${unknown === undefined ? 'no executor given' : `unknown executor "${unknown}"`} (expected a comma-separated list of ${EXECUTOR_KINDS.join(', ')})`);
  return [...new Set(names as ExecutorKind[])];
};

/** The dashboard's `--executors loop,threads`: one panel per executor for each thread-capable model (default loop). */
export const executorsOption = (): Option =>
  new Option(
    '--executors <list>',
    `executors of ${THREAD_POOL_MODELS.join(' and ')}, comma-separated: loop (the event loop) and/or threads (worker threads); each gets its own panel, e.g. "Futures (threads)"; the other models always run on the loop`,
  )
    .argParser(executorList)
    .default(['loop'], 'loop');

/** Refuses (exit 2, one line) `--executors` with threads when no model shown can run on threads. */
export const checkExecutors = (models: readonly ModelId[], executors: readonly ExecutorKind[]): void => {
  if (executors.includes('threads') && !models.some(acceptsThreads)) {
    throw new UsageError(`--executors threads is for ${THREAD_POOL_MODELS.join(' and ')} only; none of them is shown (--models ${models.join(',')})`);
  }
};
