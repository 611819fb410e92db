import { MODEL_TITLES, type ModelId } from '../domain/models.js';
import { loadWithAsyncAwait } from './async-await.js';
import { loadWithCallbacks } from './callbacks.js';
import { loadWithFutures } from './futures.js';
import type { LoadFn } from './load-fn.js';
import { loadWithRx } from './reactive.js';

export type { LoadFn } from './load-fn.js';

/** A concurrency model: how to run its load, and the mistake its naive variant makes. */
export interface ModelDefinition {
  readonly id: ModelId;
  readonly title: string;
  readonly load: LoadFn;
  /** One sentence: what the naive variant gets wrong. */
  readonly naiveMistake: string;
}

/** The four models, keyed by id. */
export const MODELS: Readonly<Record<ModelId, ModelDefinition>> = {
  callbacks: {
    id: 'callbacks',
    title: MODEL_TITLES.callbacks,
    load: loadWithCallbacks,
    naiveMistake: 'One shared error path: the first error ends the load and drops every result, even those already in.',
  },
  futures: {
    id: 'futures',
    title: MODEL_TITLES.futures,
    load: loadWithFutures,
    naiveMistake: 'One try around reading every .result() in submission order: the first exception discards all results.',
  },
  'async-await': {
    id: 'async-await',
    title: MODEL_TITLES['async-await'],
    load: loadWithAsyncAwait,
    naiveMistake: 'Promise.all fails fast: the first rejection throws away every other result.',
  },
  reactive: {
    id: 'reactive',
    title: MODEL_TITLES.reactive,
    load: loadWithRx,
    naiveMistake: 'forkJoin without catchError: one error tears down the other requests and drops what had arrived.',
  },
};
