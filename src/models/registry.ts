import type { ModelId } from '../domain/models.js';
import { loadWithAsyncAwait } from './lessons/async-await.js';
import { loadWithCallbacks } from './lessons/callbacks.js';
import { loadWithFutures } from './lessons/futures.js';
import { loadWithRx } from './lessons/reactive.js';
import type { LoadFn } from './support/load-fn.js';

/** A concurrency model: how to run its load, and the mistake its naive variant makes. */
export interface ModelDefinition {
  readonly load: LoadFn;
  /** One sentence: what the naive variant gets wrong. */
  readonly naiveMistake: string;
}

/** The four models, keyed by id. */
export const MODELS: Readonly<Record<ModelId, ModelDefinition>> = {
  callbacks: {
    load: loadWithCallbacks,
    naiveMistake: 'One shared error path: the first error ends the load and drops every result, even those already in.',
  },
  futures: {
    load: loadWithFutures,
    naiveMistake: 'One try around reading every .result() in submission order: the first exception discards all results.',
  },
  'async-await': {
    load: loadWithAsyncAwait,
    naiveMistake: 'Promise.all fails fast: the first rejection throws away every other result.',
  },
  reactive: {
    load: loadWithRx,
    naiveMistake: 'forkJoin without catchError: one error tears down the other requests and drops what had arrived.',
  },
};
