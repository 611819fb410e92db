import type { Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';
import { DEFAULT_LOAD_REQUEST, type BackoffOptions, type ExecutorKind, type LoadRequest } from '../domain/load-request.js';
import { MODEL_IDS, type ModelId, type Variant } from '../domain/models.js';
import { seedFrom } from '../domain/random.js';
import type { LatencySpec } from '../domain/server-control.js';
import type { TransportKind } from '../domain/transport.js';
import type { ScheduledLoad } from './schedule.js';
import type { Scenario, VariantChoice } from './scenario/scenario-schema.js';

/** Client options shared by every load of a comparison. */
export interface ClientOptions {
  readonly deadlineMs: number;
  readonly retries: number;
  readonly maxInFlight: number;
  readonly backoff: BackoffOptions;
}

/** A change of faults from measured run `atRun` on. */
export interface FaultChange {
  readonly atRun: number;
  readonly faults: Readonly<Partial<Record<Endpoint, FaultSpec>>>;
}

/** A scenario with every default applied and the command-line overrides merged in. */
export interface ComparePlan {
  readonly scenario: string;
  readonly description: string;
  readonly runs: number;
  readonly warmup: number;
  readonly models: readonly ModelId[];
  /** Where callbacks and futures run (each executor is its own contender); async-await and reactive always run on the loop. */
  readonly executors: readonly ExecutorKind[];
  /** Ms of CPU work on each response before it is delivered (0: none). */
  readonly workMs: number;
  readonly variants: readonly Variant[];
  /** Requests per load, one level after the other. */
  readonly concurrency: readonly number[];
  /**
   * The in-flight sweep: per level, at most this many requests in flight (parallel to `concurrency`,
   * whose levels it then defines as {@link IN_FLIGHT_FILL} × in-flight). Empty: every level uses `client.maxInFlight`.
   */
  readonly inFlight: readonly number[];
  readonly seed: number;
  /** Equivalence margin of the paired comparisons: ratios within 1 ± margin count as no practical difference. */
  readonly margin: number;
  readonly client: ClientOptions;
  /** The HTTP client every model shares. */
  readonly transport: TransportKind;
  readonly latency: Readonly<Partial<Record<Endpoint, LatencySpec>>>;
  readonly faults: FaultMap;
  readonly schedule: readonly FaultChange[];
}

/** What the command line may override. */
export interface PlanOverrides {
  readonly runs?: number;
  readonly warmup?: number;
  readonly models?: readonly ModelId[];
  readonly executors?: readonly ExecutorKind[];
  readonly workMs?: number;
  readonly variant?: VariantChoice;
  readonly concurrency?: readonly number[];
  readonly inFlight?: readonly number[];
  readonly seed?: number;
  readonly transport?: TransportKind;
  /** Equivalence margin as a fraction (0.05 = ±5 %). */
  readonly margin?: number;
}

/** An in-flight level sends this many times its in-flight limit, so every slot is refilled and the pool stays full. */
export const IN_FLIGHT_FILL = 2;

/** Defaults for what a scenario leaves out. */
export const PLAN_DEFAULTS = { runs: 10, warmup: 2, variant: 'both', concurrency: [3], seed: 1, transport: 'axios', margin: 0.05, executors: ['loop'], workMs: 0 } as const;

const variantsOf = (choice: VariantChoice): readonly Variant[] => (choice === 'both' ? ['correct', 'naive'] : [choice]);

/** Applies defaults and overrides (flags win over the scenario) to a validated scenario. */
export const buildPlan = (scenario: Scenario, overrides: PlanOverrides = {}): ComparePlan => {
  const client = scenario.client ?? {};
  const inFlight = [...new Set(overrides.inFlight ?? (overrides.concurrency ? undefined : scenario.inFlight) ?? [])];
  const latency = Object.fromEntries(Object.entries(scenario.latency ?? {}).map(([endpoint, spec]) => [endpoint, { ms: spec.ms, jitterMs: spec.jitterMs ?? 0 }]));
  return {
    scenario: scenario.name,
    description: scenario.description ?? '',
    runs: overrides.runs ?? scenario.runs ?? PLAN_DEFAULTS.runs,
    warmup: overrides.warmup ?? scenario.warmup ?? PLAN_DEFAULTS.warmup,
    models: [...new Set(overrides.models ?? scenario.models ?? MODEL_IDS)],
    executors: [...new Set(overrides.executors ?? scenario.executors ?? PLAN_DEFAULTS.executors)],
    workMs: overrides.workMs ?? scenario.workMs ?? PLAN_DEFAULTS.workMs,
    variants: variantsOf(overrides.variant ?? scenario.variant ?? PLAN_DEFAULTS.variant),
    concurrency: inFlight.length > 0 ? inFlight.map((n) => IN_FLIGHT_FILL * n) : [...new Set(overrides.concurrency ?? scenario.concurrency ?? PLAN_DEFAULTS.concurrency)],
    inFlight,
    seed: overrides.seed ?? scenario.seed ?? PLAN_DEFAULTS.seed,
    margin: overrides.margin ?? PLAN_DEFAULTS.margin,
    client: {
      deadlineMs: client.deadlineMs ?? DEFAULT_LOAD_REQUEST.deadlineMs,
      retries: client.retries ?? DEFAULT_LOAD_REQUEST.retries,
      maxInFlight: client.maxInFlight ?? DEFAULT_LOAD_REQUEST.maxInFlight,
      backoff: { ...DEFAULT_LOAD_REQUEST.backoff, ...client.backoff },
    },
    transport: overrides.transport ?? scenario.transport ?? PLAN_DEFAULTS.transport,
    latency,
    faults: { ...NO_FAULTS, ...scenario.faults },
    schedule: [...(scenario.schedule ?? [])].sort((a, b) => a.atRun - b.atRun),
  };
};

/**
 * The faults in force for a load: the scenario's faults, then every scheduled change whose `atRun`
 * is at or before the load's measured run. Warm-ups use the scenario's faults.
 */
export const faultsFor = (plan: ComparePlan, load: Pick<ScheduledLoad, 'phase' | 'run'>): FaultMap =>
  load.phase === 'warmup' ? plan.faults : plan.schedule.filter((change) => change.atRun <= load.run).reduce<FaultMap>((faults, change) => ({ ...faults, ...change.faults }), plan.faults);

/** The in-flight limit of a level (requests per load): its in-flight sweep value, or the client's `maxInFlight`. */
export const inFlightFor = (plan: ComparePlan, concurrency: number): number => plan.inFlight[plan.concurrency.indexOf(concurrency)] ?? plan.client.maxInFlight;

/** The most requests any level keeps in flight: the size of the socket pool. */
export const maxInFlightOf = (plan: ComparePlan): number => Math.max(plan.client.maxInFlight, ...plan.inFlight);

/**
 * The seed of the server's random stream for a load: a function of (scenario seed, phase, repetition,
 * level) only, so every contender of a repetition meets the same delays and faults.
 */
export const serverSeedFor = (plan: ComparePlan, load: Pick<ScheduledLoad, 'phase' | 'run' | 'concurrency'>): number =>
  seedFrom(plan.seed, load.phase === 'warmup' ? 1 : 0, load.run, load.concurrency);

/** Keeps the client's stream apart from the server's of the same load. */
const CLIENT_STREAM = 0xc11e;

/**
 * The seed of the client's random stream (retry jitter) for a load: like {@link serverSeedFor} a
 * function of (scenario seed, phase, repetition, level) only — kept apart from it by one more part —
 * so the contenders of a repetition draw the same jitter too.
 */
export const clientSeedFor = (plan: ComparePlan, load: Pick<ScheduledLoad, 'phase' | 'run' | 'concurrency'>): number =>
  seedFrom(plan.seed, load.phase === 'warmup' ? 1 : 0, load.run, load.concurrency, CLIENT_STREAM);

/** The request a scheduled load sends: the plan's client options and CPU work, the load's size, in-flight limit, variant and executor, the repetition's client seed. */
export const loadRequestFor = (plan: ComparePlan, load: ScheduledLoad): LoadRequest => ({
  executor: load.executor,
  workMs: plan.workMs,
  requests: load.concurrency,
  deadlineMs: plan.client.deadlineMs,
  retries: plan.client.retries,
  backoff: plan.client.backoff,
  maxInFlight: inFlightFor(plan, load.concurrency),
  variant: load.variant,
  seed: clientSeedFor(plan, load),
});

/**
 * The request of a raw-transport load (see withTransportLoads): the level's requests, in-flight limit
 * and deadline; a raw load makes one attempt per request on this thread, so no retries and no CPU work.
 */
export const transportRequestFor = (plan: ComparePlan, load: Pick<ScheduledLoad, 'phase' | 'run' | 'concurrency'>): LoadRequest => ({
  executor: 'loop',
  workMs: 0,
  requests: load.concurrency,
  deadlineMs: plan.client.deadlineMs,
  retries: 0,
  backoff: plan.client.backoff,
  maxInFlight: inFlightFor(plan, load.concurrency),
  variant: 'correct',
  seed: clientSeedFor(plan, load),
});
