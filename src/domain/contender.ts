import type { ExecutorKind } from './load-request.js';
import { acceptsThreads, MODEL_TITLES, type ModelId } from './models.js';

/** One arm of a comparison, one panel of the dashboard: a model on an executor. Callbacks and futures may run on either; the others on the loop only. */
export interface Contender {
  readonly model: ModelId;
  readonly executor: ExecutorKind;
}

/**
 * The contenders for `models` on `executors`, in the models' order: a thread-capable model (callbacks,
 * futures) once per executor, every other model once, on the loop (it has no thread pool to put on threads).
 *
 * @example contendersOf(['futures', 'async-await'], ['loop', 'threads']) // futures, futures (threads), async-await
 */
export const contendersOf = (models: readonly ModelId[], executors: readonly ExecutorKind[] = ['loop']): Contender[] =>
  models.flatMap((model) => (acceptsThreads(model) ? executors.map((executor) => ({ model, executor })) : [{ model, executor: 'loop' as const }]));

/** True when the contender is `model` on `executor`. */
export const isContender = (contender: Contender, model: ModelId, executor: ExecutorKind): boolean => contender.model === model && contender.executor === executor;

/** A contender's human title: `Futures`, `Futures (threads)`. */
export const contenderTitle = ({ model, executor }: Contender): string => (executor === 'threads' ? `${MODEL_TITLES[model]} (threads)` : MODEL_TITLES[model]);
