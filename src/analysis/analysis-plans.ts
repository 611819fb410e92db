import { buildPlan, type ComparePlan } from '../compare/plan.js';
import { findBuiltinScenario } from '../compare/scenario/builtin-scenarios.js';
import type { ModelId } from '../domain/models.js';

const builtin = (name: string) => {
  const scenario = findBuiltinScenario(name);
  if (!scenario) throw new Error(`bug: no built-in scenario "${name}"`);
  return scenario;
};

/** The in-flight levels of claim 3: from a handful to hundreds of requests at once (1 000 and more stall on connection setup on a busy 2-core machine and break the five-minute budget). */
export const ANALYSIS_IN_FLIGHT = [10, 100, 300] as const;

/**
 * The in-flight levels of the thread half of claim 3. Every load on the threads executor starts its own
 * pool (the seed's `with ThreadPoolExecutor`), one thread per request in flight up to 64, and each start
 * costs a new V8 isolate that loads the transport: at 4 and 16 in flight the whole analysis took six
 * minutes on two cores, so the thread sweep runs at 2 and 8 in flight to stay within five.
 */
export const ANALYSIS_THREAD_IN_FLIGHT = [2, 8] as const;

/** Ms of CPU work on each response in the "with CPU work" half of the thread comparisons. */
export const ANALYSIS_WORK_MS = 10;

/**
 * The thread comparisons: async/await (always on the loop) against callbacks and futures on worker
 * threads, correct variants, 10 repetitions (with three contenders, Holm over the 6–12 comparisons of
 * a plan still lets the smallest signed-rank p of 10 pairs, 2/1024, reach a verdict).
 */
const THREADS = { models: ['callbacks', 'futures', 'async-await'], executors: ['threads'], variant: 'correct', runs: 10, warmup: 1 } as const;

/**
 * The comparisons behind docs/analysis.md, with fixed seeds and run counts chosen to finish within
 * five minutes on a busy 2-core machine while giving every paired comparison the ≥ 10 repetitions
 * an outcome needs.
 */
export const analysisPlans = (): { baseline: ComparePlan; categoriasTimeout: ComparePlan; scale: ComparePlan } & Record<`threads${'Page' | 'PageWork' | 'Sweep' | 'SweepWork'}`, ComparePlan> => ({
  baseline: buildPlan(builtin('baseline'), { variant: 'correct', runs: 30, warmup: 3, seed: 11 }),
  categoriasTimeout: buildPlan(builtin('categorias-timeout'), { variant: 'both', runs: 10, warmup: 1, seed: 12 }),
  scale: buildPlan(builtin('scale'), { variant: 'correct', runs: 10, warmup: 1, inFlight: [...ANALYSIS_IN_FLIGHT], seed: 13 }),
  threadsPage: buildPlan({ ...builtin('baseline'), name: 'baseline-threads' }, { ...THREADS, seed: 14 }),
  threadsPageWork: buildPlan({ ...builtin('baseline'), name: 'baseline-threads-work' }, { ...THREADS, workMs: ANALYSIS_WORK_MS, seed: 15 }),
  threadsSweep: buildPlan({ ...builtin('scale'), name: 'scale-threads' }, { ...THREADS, inFlight: [...ANALYSIS_THREAD_IN_FLIGHT], seed: 16 }),
  threadsSweepWork: buildPlan({ ...builtin('scale'), name: 'scale-threads-work' }, { ...THREADS, inFlight: [...ANALYSIS_THREAD_IN_FLIGHT], workMs: ANALYSIS_WORK_MS, seed: 17 }),
});

/** The files of one model: the load itself (naive variants are left out of its count), and the support its idiom needs that Node does not ship. */
export interface ModelFiles {
  /** The load as written in the idiom (what an application would write). */
  readonly load: readonly string[];
  /** Machinery Python ships (ThreadPoolExecutor, asyncio.gather) and Node does not; a library would give it. */
  readonly support: readonly string[];
}

/**
 * The files that implement each model. `fetch-with-retries.ts` is the async retry loop both
 * promise-based models write; shared plumbing (transport, event stamping, backoff, the retry rule)
 * belongs to no model (`src/models/support`). The lessons' queue and semaphore are libraries (fastq, es-toolkit).
 */
export const MODEL_FILES: Readonly<Record<ModelId, ModelFiles>> = {
  callbacks: { load: ['src/models/lessons/callbacks.ts'], support: [] },
  futures: {
    load: ['src/models/lessons/futures.ts', 'src/models/support/fetch-with-retries.ts'],
    support: ['src/models/runtime/executor.ts', 'src/models/runtime/future.ts', 'src/models/runtime/wait.ts', 'src/models/runtime/as-completed.ts'],
  },
  'async-await': { load: ['src/models/lessons/async-await.ts', 'src/models/support/fetch-with-retries.ts'], support: ['src/models/runtime/gather.ts'] },
  reactive: { load: ['src/models/lessons/reactive.ts'], support: [] },
};

/** Where each model's excerpt is cut from (its `// #region lesson` blocks, in this order). */
export const EXCERPT_FILES: Readonly<Record<ModelId, readonly string[]>> = {
  callbacks: ['src/models/lessons/callbacks.ts'],
  futures: ['src/models/lessons/futures.ts'],
  'async-await': ['src/models/lessons/async-await.ts', 'src/models/support/fetch-with-retries.ts'],
  reactive: ['src/models/lessons/reactive.ts'],
};
