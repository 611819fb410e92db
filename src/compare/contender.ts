import type { ExecutorKind } from '../domain/load-request.js';
import type { Contender } from '../domain/contender.js';
import { acceptsThreads, THREAD_POOL_MODELS, type ModelId } from '../domain/models.js';

/** How reports name a contender: the model's id on the loop (`futures`), with the executor on threads (`futures (threads)`). */
export const contenderLabel = ({ model, executor }: Contender): string => (executor === 'threads' ? `${model} (threads)` : model);

/** Why these executors cannot run with these models (only `threads` asked for and no model can use it), or undefined. */
export const executorsProblem = (models: readonly ModelId[], executors: readonly ExecutorKind[]): string | undefined =>
  executors.length > 0 && executors.every((executor) => executor === 'threads') && !models.some(acceptsThreads)
    ? `executors threads: none of the models ${models.join(', ')} can run on threads (only ${THREAD_POOL_MODELS.join(' and ')} can; add one, or add loop)`
    : undefined;
