import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defer, ignoreElements, lastValueFrom, toArray, type Observable } from 'rxjs';
import type { ArenaEvent } from '../../domain/events.js';
import type { RawLoadOutcome } from '../../domain/raw-transport-load.js';

/** A load's events with what it cost the client process. */
export interface MeasuredLoad {
  readonly events: readonly ArenaEvent[];
  /** CPU time (user + system) of this process during the load. */
  readonly cpuMs: number;
  /** Highest resident set size sampled before, during and after the load. */
  readonly peakRssBytes: number;
  /** Resident set size when the load started. */
  readonly startRssBytes: number;
  /** 99th percentile of the event loop's delay during the load, ms (sampled every {@link EVENT_LOOP_RESOLUTION_MS} ms). */
  readonly eventLoopP99Ms: number;
}

/** Resolution of the event-loop delay histogram, ms. */
export const EVENT_LOOP_RESOLUTION_MS = 5;

/** How often resident memory is sampled during a load. */
export const RSS_SAMPLE_MS = 10;

/**
 * Runs a load to completion, collecting its events, the process CPU time it took (every thread of the
 * process: worker threads included), the resident memory at its start and the peak sampled every {@link RSS_SAMPLE_MS} ms and the event loop's delay (p99). A stream
 * error (a bug) rejects.
 */
export const measureLoad = async (load: Observable<ArenaEvent>): Promise<MeasuredLoad> => {
  const startRssBytes = process.memoryUsage.rss();
  let peakRssBytes = startRssBytes;
  const sample = (): void => void (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss()));
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  const loopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  try {
    const events = await lastValueFrom(load.pipe(toArray()));
    const cpu = process.cpuUsage(cpuBefore);
    sample();
    loopDelay.disable();
    // The histogram records each tick's whole interval (resolution + lateness): keep the lateness. A load shorter than one tick has none.
    const p99 = loopDelay.count > 0 ? Math.max(0, loopDelay.percentile(99) / 1e6 - EVENT_LOOP_RESOLUTION_MS) : 0;
    return { events, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes, startRssBytes, eventLoopP99Ms: p99 };
  } finally {
    clearInterval(timer);
    loopDelay.disable();
  }
};

/** A raw-transport load's outcome with its wall time and the process CPU time it took. */
export interface MeasuredRawLoad extends RawLoadOutcome {
  readonly totalMs: number;
  readonly cpuMs: number;
}

/**
 * Runs a raw-transport load to completion under the same instrumentation as {@link measureLoad} (RSS
 * sampling, event-loop delay histogram: their CPU is counted alike on both sides of the split), and
 * returns its outcome, wall time and the process CPU time (user + system) it took.
 */
export const measureRawLoad = async (load: () => Promise<RawLoadOutcome>): Promise<MeasuredRawLoad> => {
  let outcome: RawLoadOutcome = { calls: 0, failed: 0 };
  const started = performance.now();
  const { cpuMs } = await measureLoad(defer(async () => void (outcome = await load())).pipe(ignoreElements()));
  return { ...outcome, totalMs: performance.now() - started, cpuMs };
};
