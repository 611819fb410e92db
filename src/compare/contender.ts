import type { ExecutorKind } from '../domain/load-request.js';
import { acceptsThreads, MODEL_TITLES, THREAD_POOL_MODELS, type ModelId } from '../domain/models.js';

/** One arm of a comparison: a model on an executor. Callbacks and futures may run on either; the others on the loop only. */
export interface Contender {
  readonly model: ModelId;
  readonly executor: ExecutorKind;
}

/** How reports name a contender: the model's id on the loop (`futures`), with the executor on threads (`futures (threads)`). */
export const contenderLabel = ({ model, executor }: Contender): string => (executor === 'threads' ? `${model} (threads)` : model);

/** A contender's human title: `Futures`, `Futures (threads)`. */
export const contenderTitle = ({ model, executor }: Contender): string => (executor === 'threads' ? `${MODEL_TITLES[model]} (threads)` : MODEL_TITLES[model]);

/**
 * The contenders of a comparison, in the models' order: every thread-pool model once per executor
 * asked for, every other model once, on the loop (it has no thread pool to put on threads).
 *
 * @example contendersOf(['futures', 'async-await'], ['loop', 'threads']) // futures, futures (threads), async-await
 */
export const contendersOf = (models: readonly ModelId[], executors: readonly ExecutorKind[]): Contender[] =>
  models.flatMap((model) => (acceptsThreads(model) ? executors.map((executor) => ({ model, executor })) : [{ model, executor: 'loop' as const }]));

/** Why these executors cannot run with these models (only `threads` asked for and no model can use it), or undefined. */
export const executorsProblem = (models: readonly ModelId[], executors: readonly ExecutorKind[]): string | undefined =>
  executors.length > 0 && executors.every((executor) => executor === 'threads') && !models.some(acceptsThreads)
    ? `executors threads: none of the models ${models.join(', ')} can run on threads (only ${THREAD_POOL_MODELS.join(' and ')} can; add one, or add loop)`
    : undefined;
