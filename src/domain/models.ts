/** The four concurrency models, in the order the dashboard shows them. */
export const MODEL_IDS = ['callbacks', 'futures', 'async-await', 'reactive'] as const;

/** One of the four concurrency models. */
export type ModelId = (typeof MODEL_IDS)[number];

/** `correct` delivers every endpoint that succeeded; `naive` is the idiom's common mistake that loses data. */
export type Variant = 'correct' | 'naive';

/** True when `value` names one of the four models. */
export const isModelId = (value: string): value is ModelId => (MODEL_IDS as readonly string[]).includes(value);

/** Human titles of the models. */
export const MODEL_TITLES: Readonly<Record<ModelId, string>> = {
  callbacks: 'Callbacks',
  futures: 'Futures',
  'async-await': 'Async/await',
  reactive: 'Reactive (RxJS)',
};

/** The models written over a thread pool in the seed, which accept `executor: 'threads'`; the others run on the event loop only. */
export const THREAD_POOL_MODELS: readonly ModelId[] = ['callbacks', 'futures'];

/** True when `model` can run its requests on worker threads. */
export const acceptsThreads = (model: ModelId): boolean => THREAD_POOL_MODELS.includes(model);
