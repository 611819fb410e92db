import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';
import type { ArenaEvent } from '../../domain/events.js';
import type { FaultMap } from '../../domain/fault-spec.js';
import type { InstrumentedLoad } from '../../domain/instrumented-load.js';
import { summarizeLoad } from '../../domain/outcomes.js';
import type { RawTransportLoad } from '../../domain/raw-transport-load.js';
import type { ServerControl, ServerStats } from '../../domain/server-control.js';
import { faultsFor, inFlightFor, loadRequestFor, serverSeedFor, transportRequestFor, type ComparePlan } from '../plan.js';
import type { ComparisonRecords, RunRecord, ServerDelta, ThreadRecord, TransportRecord } from '../run-record.js';
import { buildSchedule, isTransportStep, withTransportLoads, type ScheduledLoad, type ScheduledStep } from '../schedule.js';
import { estimateRemainingMs, type LevelTimes } from './estimate-remaining.js';
import { measureLoad, measureRawLoad, type MeasuredLoad } from './measure-load.js';

/** Where a comparison stands, reported before each load and once at the end. */
export interface ComparisonProgress {
  /** Loads finished, warm-ups and raw-transport loads included. */
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** The load about to run; absent at the end. */
  readonly next?: ScheduledStep;
  /** Time the loads left should take, from the load times measured so far (see estimateRemainingMs). */
  readonly etaMs?: number;
}

/** What a comparison runs against. */
export interface ComparisonDeps {
  readonly server: ServerControl;
  /** Starts one instrumented load of a model (e.g. an arena session's `load`). */
  readonly load: InstrumentedLoad;
  /** One load of the transport alone, no model (e.g. an arena session's `rawLoad`): the transport's share of the cost. */
  readonly rawLoad: RawTransportLoad;
  readonly onProgress?: (progress: ComparisonProgress) => void;
  /**
   * `server-plan` (the default): before each load the server begins a stream seeded by (seed,
   * repetition, level), so the contenders of a repetition meet the same delays and faults.
   * `repetition-order`: the server cannot be seeded (a `--target` without it); runs pair by order only.
   */
  readonly pairing?: Pairing;
  /** Once aborted, the load in progress finishes and no other starts: the records so far are returned. */
  readonly stop?: AbortSignal;
}

/** How the runs of a repetition are paired: on the server's seeded plan, or by repetition order alone. */
export type Pairing = 'server-plan' | 'repetition-order';

const applyFaults = (server: ServerControl, faults: FaultMap): Promise<unknown> => Promise.all(ENDPOINTS.map((e) => server.setFault(e, faults[e])));

const serverDelta = (before: ServerStats, after: ServerStats): Record<Endpoint, ServerDelta> =>
  Object.fromEntries(ENDPOINTS.map((e) => [e, { received: after[e].received - before[e].received, ok: after[e].ok - before[e].ok }])) as Record<Endpoint, ServerDelta>;

/** How long stragglers may take: every attempt of a request at its deadline, plus a margin. */
const settleLimitMs = (plan: ComparePlan): number => plan.client.deadlineMs * (plan.client.retries + 1) + 2_000;
const SETTLE_POLL_MS = 5;

/**
 * Waits until the server holds no request open and has seen none arrive for one poll (a naive
 * variant's abandoned requests are still in the air after its load ends), or `limitMs` passes, then
 * returns the load's plan digest. So a load's stragglers seldom take indices in the next load's
 * stream or count in its server stats (a request aborted while still in the client's buffers can
 * in principle still arrive later: only naive variants abandon requests).
 */
const settle = async (server: ServerControl, limitMs: number): Promise<string> => {
  const until = performance.now() + limitMs;
  let last = '';
  for (;;) {
    const { digest, pending } = await server.loadPlan();
    if ((pending === 0 && digest === last) || performance.now() > until) return digest;
    last = pending === 0 ? digest : '';
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
};

const firstFailureAt = (events: readonly ArenaEvent[]): number | undefined => {
  const first = events.find((e) => e.type === 'failure');
  return first?.type === 'failure' ? first.at : undefined;
};

/** The threads' cost of a load on `threads`, from its `done` event and the memory it grew by; undefined on the loop. */
const threadRecordOf = (measured: MeasuredLoad): ThreadRecord | undefined => {
  const done = measured.events.find((e) => e.type === 'done');
  const threads = done?.type === 'done' ? done.threads : undefined;
  if (!threads) return undefined;
  const grownMb = Math.max(0, measured.peakRssBytes - measured.startRssBytes) / (1024 * 1024);
  return { ...threads, rssPerThreadMb: threads.threads > 0 ? grownMb / threads.threads : null };
};

const toRecord = (plan: ComparePlan, load: ScheduledLoad, measured: MeasuredLoad, server: Record<Endpoint, ServerDelta>, serverPlan: string | null): RunRecord => {
  const summary = summarizeLoad(load.model, measured.events);
  const firstFailureMs = firstFailureAt(measured.events);
  const threads = threadRecordOf(measured);
  return {
    model: load.model,
    executor: load.executor,
    variant: load.variant,
    concurrency: load.concurrency,
    inFlight: inFlightFor(plan, load.concurrency),
    repetition: load.run,
    position: load.position,
    serverPlan,
    totalMs: summary.totalMs,
    firstResultMs: summary.firstResultMs,
    ...(firstFailureMs === undefined ? {} : { firstFailureMs }),
    endpoints: summary.endpoints,
    delivered: summary.delivered,
    lost: summary.lost,
    attempts: summary.attempts,
    server,
    cpuMs: measured.cpuMs,
    peakRssBytes: measured.peakRssBytes,
    eventLoopP99Ms: measured.eventLoopP99Ms,
    ...(threads ? { threads } : {}),
  };
};

/** Runs one step: sets its faults, begins its seeded server stream, measures it, and waits for the server to settle. */
const runStep = async (plan: ComparePlan, deps: ComparisonDeps, step: ScheduledStep, records: { runs: RunRecord[]; transport: TransportRecord[] }): Promise<void> => {
  const seeded = (deps.pairing ?? 'server-plan') === 'server-plan';
  await applyFaults(deps.server, faultsFor(plan, step));
  if (seeded) await deps.server.beginLoad(serverSeedFor(plan, step));
  if (isTransportStep(step)) {
    const measured = await measureRawLoad(() => deps.rawLoad(transportRequestFor(plan, step)));
    const serverPlan = seeded ? await settle(deps.server, settleLimitMs(plan)) : null;
    const { totalMs, cpuMs, calls, failed } = measured;
    records.transport.push({ concurrency: step.concurrency, inFlight: inFlightFor(plan, step.concurrency), repetition: step.run, serverPlan, totalMs, cpuMs, calls, failed });
    return;
  }
  const before = await deps.server.stats();
  const measured = await measureLoad(deps.load(step.model, loadRequestFor(plan, step)));
  const serverPlan = seeded ? await settle(deps.server, settleLimitMs(plan)) : null;
  const after = await deps.server.stats();
  if (step.phase === 'measured') records.runs.push(toRecord(plan, step, measured, serverDelta(before, after), serverPlan));
};

/**
 * Runs a plan's interleaved schedule one load at a time, with a raw-transport load at the head of
 * each measured repetition (see withTransportLoads). Before each load the faults in force for its
 * run are set again (so `times` starts afresh for every model) and, when pairing on the server's
 * plan, the server begins the load's seeded stream (a raw-transport load meets its repetition's
 * stream too); the server's stats are read before and after each contender's load, so each run
 * carries the server's own count of what it answered, and the digest of what it planned. Warm-up
 * loads run the same way and are not recorded. An aborted `stop` ends it early, between two loads.
 */
export const runComparison = async (plan: ComparePlan, deps: ComparisonDeps): Promise<ComparisonRecords> => {
  const steps = withTransportLoads(buildSchedule(plan));
  const started = performance.now();
  const records = { runs: [] as RunRecord[], transport: [] as TransportRecord[] };
  const measuredTimes = new Map<number, LevelTimes>();
  const remaining = new Map<number, number>();
  for (const step of steps) remaining.set(step.concurrency, (remaining.get(step.concurrency) ?? 0) + 1);
  for (const [done, step] of steps.entries()) {
    if (deps.stop?.aborted) return records;
    deps.onProgress?.({ done, total: steps.length, elapsedMs: performance.now() - started, next: step, etaMs: estimateRemainingMs(measuredTimes, remaining) });
    const stepStarted = performance.now();
    await runStep(plan, deps, step, records);
    const times = measuredTimes.get(step.concurrency) ?? { loads: 0, ms: 0 };
    measuredTimes.set(step.concurrency, { loads: times.loads + 1, ms: times.ms + performance.now() - stepStarted });
    remaining.set(step.concurrency, (remaining.get(step.concurrency) ?? 1) - 1);
  }
  deps.onProgress?.({ done: steps.length, total: steps.length, elapsedMs: performance.now() - started });
  return records;
};
