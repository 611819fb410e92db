import { lastValueFrom, toArray, type Observable } from 'rxjs';
import type { ArenaEvent } from '../../domain/events.js';

/** A load's events with what it cost the client process. */
export interface MeasuredLoad {
  readonly events: readonly ArenaEvent[];
  /** CPU time (user + system) of this process during the load. */
  readonly cpuMs: number;
  /** Highest resident set size sampled before, during and after the load. */
  readonly peakRssBytes: number;
}

/** How often resident memory is sampled during a load. */
export const RSS_SAMPLE_MS = 10;

/**
 * Runs a load to completion, collecting its events, the process CPU time it took and the peak
 * resident memory sampled every {@link RSS_SAMPLE_MS} ms. A stream error (a bug) rejects.
 */
export const measureLoad = async (load: Observable<ArenaEvent>): Promise<MeasuredLoad> => {
  let peakRssBytes = process.memoryUsage.rss();
  const sample = (): void => void (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss()));
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  const cpuBefore = process.cpuUsage();
  try {
    const events = await lastValueFrom(load.pipe(toArray()));
    const cpu = process.cpuUsage(cpuBefore);
    sample();
    return { events, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes };
  } finally {
    clearInterval(timer);
  }
};
