import type { ExecutorKind } from '../domain/load-request.js';
import { acceptsThreads, MODEL_TITLES, type ModelId } from '../domain/models.js';

/** One panel of the dashboard: a model on one executor (async-await and reactive only ever on the loop). */
export interface Contender {
  readonly model: ModelId;
  readonly executor: ExecutorKind;
}

/**
 * The panels for `models` on `executors`, in model order: a thread-capable model (callbacks,
 * futures) gets one per executor, the others one on the loop whatever `executors` says.
 *
 * @example contendersOf(['futures', 'reactive'], ['loop', 'threads'])
 * // [futures/loop, futures/threads, reactive/loop]
 */
export const contendersOf = (models: readonly ModelId[], executors: readonly ExecutorKind[] = ['loop']): Contender[] =>
  models.flatMap((model) => (acceptsThreads(model) ? executors.map((executor) => ({ model, executor })) : [{ model, executor: 'loop' as const }]));

/** True when the contender is `model` on `executor`. */
export const isContender = (contender: Contender, model: ModelId, executor: ExecutorKind): boolean => contender.model === model && contender.executor === executor;

/** A contender's title: the model's, with "(threads)" on the thread executor, e.g. "Futures (threads)". */
export const contenderTitle = ({ model, executor }: Contender): string => (executor === 'threads' ? `${MODEL_TITLES[model]} (threads)` : MODEL_TITLES[model]);

/** A short, unique label for narrow layouts, e.g. `futures` or `futures·thr`. */
export const contenderLabel = ({ model, executor }: Contender): string => (executor === 'threads' ? `${model}·thr` : model);
