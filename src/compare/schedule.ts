import type { ExecutorKind } from '../domain/load-request.js';
import type { ModelId, Variant } from '../domain/models.js';
import { seededRandom, seedFrom } from '../domain/random.js';
import { contendersOf } from '../domain/contender.js';
import { williamsBlockSize, williamsOrders } from './williams-design.js';

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
  /** Position within its repetition (0-based): the run order the Williams design gave it. */
  readonly position: number;
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

/** The arms of a schedule: every contender (a model on an executor) × variant. */
const armsOf = (options: Pick<ScheduleOptions, 'models' | 'executors' | 'variants'>): { model: ModelId; executor: ExecutorKind; variant: Variant }[] =>
  contendersOf(options.models, options.executors ?? ['loop']).flatMap(({ model, executor }) => options.variants.map((variant) => ({ model, executor, variant })));

/** Repetitions that make one whole balanced block of the run order (see williams-design.ts). */
export const orderBlockSize = (options: Pick<ScheduleOptions, 'models' | 'executors' | 'variants'>): number => williamsBlockSize(armsOf(options).length);

/**
 * The interleaved order of a comparison: for each concurrency level, `warmup` then `runs`
 * repetitions; each repetition runs every (contender × variant) once (a contender is a model on an
 * executor: see contendersOf), in the order of a row of a Williams design (williams-design.ts), rows
 * and contender letters shuffled per block from the seed of (seed, level, phase). Over every whole
 * block of measured repetitions each contender runs in each position equally often and each ordered
 * pair back to back equally often, so drift (a warming JIT, a busy machine) and carry-over from the
 * run before spread over all contenders alike; the same seed gives the same order.
 */
export const buildSchedule = (options: ScheduleOptions): ScheduledLoad[] => {
  const arms = armsOf(options);
  const schedule: ScheduledLoad[] = [];
  for (const concurrency of options.concurrency) {
    for (const [phase, count] of [['warmup', options.warmup], ['measured', options.runs]] as const) {
      const random = seededRandom(seedFrom(options.seed, concurrency, phase === 'warmup' ? 1 : 0));
      williamsOrders(arms, count, random).forEach((order, run) =>
        order.forEach((arm, position) => schedule.push({ index: schedule.length, concurrency, phase, run, position, ...arm })),
      );
    }
  }
  return schedule;
};

/** A raw-transport load (no model) of a measured repetition: see {@link withTransportLoads}. */
export interface ScheduledTransportLoad {
  readonly kind: 'transport';
  readonly concurrency: number;
  readonly phase: 'measured';
  /** The measured repetition it belongs to. */
  readonly run: number;
}

/** One step of a comparison: a contender's load or a raw-transport load. */
export type ScheduledStep = ScheduledLoad | ScheduledTransportLoad;

/** True for a raw-transport step. */
export const isTransportStep = (step: ScheduledStep): step is ScheduledTransportLoad => 'kind' in step && step.kind === 'transport';

/**
 * The schedule with one raw-transport load at the head of every measured repetition, just before the
 * contender at position 0. Not a contender, so not an arm of the Williams design: at the head, it
 * leaves every back-to-back pair within a repetition as the design made them, and takes the place of
 * the previous repetition's last contender as what the first one follows, a place every contender
 * holds equally often over whole blocks. A drift along the repetition shifts the transport's figure
 * against every contender alike (over whole blocks each runs at each position equally often), so the model shares
 * stay comparable. Once per repetition, so each contender's run pairs with the transport of its own
 * repetition; none in the warm-ups (the contenders' warm-ups warm the same transport).
 */
export const withTransportLoads = (schedule: readonly ScheduledLoad[]): ScheduledStep[] =>
  schedule.flatMap((load): ScheduledStep[] => (load.phase === 'measured' && load.position === 0 ? [{ kind: 'transport', concurrency: load.concurrency, phase: 'measured', run: load.run }, load] : [load]));
