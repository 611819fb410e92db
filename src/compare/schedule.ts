import type { ExecutorKind } from '../domain/load-request.js';
import type { ModelId, Variant } from '../domain/models.js';
import { seededRandom, type Random } from '../domain/random.js';
import { contendersOf } from './contender.js';

/** One load of a comparison, in the order it runs. */
export interface ScheduledLoad {
  /** Position in the whole schedule (0-based). */
  readonly index: number;
  readonly concurrency: number;
  readonly phase: 'warmup' | 'measured';
  /** Index within its phase and concurrency level (0-based). */
  readonly run: number;
  readonly model: ModelId;
  readonly executor: ExecutorKind;
  readonly variant: Variant;
}

/** What the schedule is built from. */
export interface ScheduleOptions {
  readonly models: readonly ModelId[];
  /** Executors of the thread-pool models (see contendersOf); default the loop only. */
  readonly executors?: readonly ExecutorKind[];
  readonly variants: readonly Variant[];
  readonly concurrency: readonly number[];
  readonly warmup: number;
  readonly runs: number;
  readonly seed: number;
}

/** Fisher–Yates shuffle into a new array, driven by `random`. */
const shuffle = <T>(items: readonly T[], random: Random): T[] => {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
};

/**
 * The interleaved order of a comparison: for each concurrency level, `warmup` then `runs`
 * repetitions; each repetition runs every (contender × variant) once, in a fresh seeded shuffle
 * (a contender is a model on an executor: see contendersOf).
 * So no model's runs are bunched together, drift (a warming JIT, a busy machine) spreads over
 * all models alike, and the same seed gives the same order.
 */
export const buildSchedule = (options: ScheduleOptions): ScheduledLoad[] => {
  const random = seededRandom(options.seed);
  const pairs = contendersOf(options.models, options.executors ?? ['loop']).flatMap(({ model, executor }) => options.variants.map((variant) => ({ model, executor, variant })));
  const schedule: ScheduledLoad[] = [];
  for (const concurrency of options.concurrency) {
    const phases = [
      ...Array.from({ length: options.warmup }, (_, run) => ({ phase: 'warmup' as const, run })),
      ...Array.from({ length: options.runs }, (_, run) => ({ phase: 'measured' as const, run })),
    ];
    for (const { phase, run } of phases) {
      for (const pair of shuffle(pairs, random)) schedule.push({ index: schedule.length, concurrency, phase, run, ...pair });
    }
  }
  return schedule;
};
