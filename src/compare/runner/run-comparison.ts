import type { Observable } from 'rxjs';
import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';
import type { ArenaEvent } from '../../domain/events.js';
import type { FaultMap } from '../../domain/fault-spec.js';
import type { LoadRequest } from '../../domain/load-request.js';
import type { ModelId } from '../../domain/models.js';
import { summarizeLoad } from '../../domain/outcomes.js';
import type { ServerControl, ServerStats } from '../../domain/server-control.js';
import { faultsFor, loadRequestFor, type ComparePlan } from '../plan.js';
import type { RunRecord, ServerDelta } from '../run-record.js';
import { buildSchedule, type ScheduledLoad } from '../schedule.js';
import { estimateRemainingMs, type LevelTimes } from './estimate-remaining.js';
import { measureLoad, type MeasuredLoad } from './measure-load.js';

/** Where a comparison stands, reported before each load and once at the end. */
export interface ComparisonProgress {
  /** Loads finished, warm-ups included. */
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** The load about to run; absent at the end. */
  readonly next?: ScheduledLoad;
  /** Time the loads left should take, from the load times measured so far (see estimateRemainingMs). */
  readonly etaMs?: number;
}

/** What a comparison runs against. */
export interface ComparisonDeps {
  readonly server: ServerControl;
  /** Starts one instrumented load of a model (e.g. `instrumentedLoad` bound to a transport). */
  readonly load: (model: ModelId, request: LoadRequest) => Observable<ArenaEvent>;
  readonly onProgress?: (progress: ComparisonProgress) => void;
  /** Once aborted, the load in progress finishes and no other starts: the records so far are returned. */
  readonly stop?: AbortSignal;
}

const applyFaults = (server: ServerControl, faults: FaultMap): Promise<unknown> => Promise.all(ENDPOINTS.map((e) => server.setFault(e, faults[e])));

const serverDelta = (before: ServerStats, after: ServerStats): Record<Endpoint, ServerDelta> =>
  Object.fromEntries(ENDPOINTS.map((e) => [e, { received: after[e].received - before[e].received, ok: after[e].ok - before[e].ok }])) as Record<Endpoint, ServerDelta>;

const toRecord = (load: ScheduledLoad, measured: MeasuredLoad, server: Record<Endpoint, ServerDelta>): RunRecord => {
  const summary = summarizeLoad(load.model, measured.events);
  return {
    model: load.model,
    variant: load.variant,
    concurrency: load.concurrency,
    run: load.run,
    totalMs: summary.totalMs,
    firstResultMs: summary.firstResultMs,
    endpoints: summary.endpoints,
    delivered: summary.delivered,
    lost: summary.lost,
    attempts: summary.attempts,
    server,
    cpuMs: measured.cpuMs,
    peakRssBytes: measured.peakRssBytes,
  };
};

/**
 * Runs a plan's interleaved schedule one load at a time. Before each load the faults in force for
 * its run are set again (so `times` starts afresh for every model); the server's stats are read
 * before and after, so each run carries the server's own count of what it answered. Warm-up loads
 * run the same way and are not recorded. An aborted `stop` ends it early, between two loads.
 */
export const runComparison = async (plan: ComparePlan, deps: ComparisonDeps): Promise<RunRecord[]> => {
  const schedule = buildSchedule(plan);
  const started = performance.now();
  const records: RunRecord[] = [];
  const measuredTimes = new Map<number, LevelTimes>();
  const remaining = new Map<number, number>();
  for (const load of schedule) remaining.set(load.concurrency, (remaining.get(load.concurrency) ?? 0) + 1);
  for (const load of schedule) {
    if (deps.stop?.aborted) return records;
    deps.onProgress?.({ done: load.index, total: schedule.length, elapsedMs: performance.now() - started, next: load, etaMs: estimateRemainingMs(measuredTimes, remaining) });
    const loadStarted = performance.now();
    await applyFaults(deps.server, faultsFor(plan, load));
    const before = await deps.server.stats();
    const measured = await measureLoad(deps.load(load.model, loadRequestFor(plan, load)));
    const after = await deps.server.stats();
    const times = measuredTimes.get(load.concurrency) ?? { loads: 0, ms: 0 };
    measuredTimes.set(load.concurrency, { loads: times.loads + 1, ms: times.ms + performance.now() - loadStarted });
    remaining.set(load.concurrency, (remaining.get(load.concurrency) ?? 1) - 1);
    if (load.phase === 'measured') records.push(toRecord(load, measured, serverDelta(before, after)));
  }
  deps.onProgress?.({ done: schedule.length, total: schedule.length, elapsedMs: performance.now() - started });
  return records;
};
