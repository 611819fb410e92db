import type { Random } from '../../domain/random.js';
import type { RunRecord, TransportRecord } from '../run-record.js';
import { bootstrapMedianInterval } from '../stats/bootstrap.js';
import { median } from '../stats/descriptive.js';
import { cpuUsPerRequest } from './paired-comparisons.js';
import type { MedianWithInterval } from './report-schema.js';

/** Client CPU µs per transport call of a raw-transport load. */
export const transportUsPerCall = (t: TransportRecord): number => (t.cpuMs * 1000) / t.calls;

/** One contender run split in two: the transport's share of its CPU per request and the rest, the model's own (µs). */
export interface CostShare {
  readonly transport: number;
  readonly model: number;
}

/**
 * Each run of a contender split against the raw-transport load of its own level and repetition: the
 * transport's share is that load's CPU per call times the run's calls per request (its attempts, so
 * a retry costs one more call and a request a naive variant never sent costs none); the model's own
 * share is the run's CPU per request minus it. Runs whose repetition had no raw-transport load are left out.
 */
export const costShares = (runs: readonly RunRecord[], transport: readonly TransportRecord[]): CostShare[] =>
  runs.flatMap((run) => {
    const raw = transport.find((t) => t.concurrency === run.concurrency && t.repetition === run.repetition && t.calls > 0);
    if (!raw) return [];
    const share = (transportUsPerCall(raw) * run.attempts) / run.concurrency;
    return [{ transport: share, model: cpuUsPerRequest(run) - share }];
  });

/** The median of a sample with its 95% bootstrap interval (none below two values); null for an empty sample. */
export const medianWithInterval = (values: readonly number[], random: Random): MedianWithInterval | null =>
  values.length > 0 ? { median: median(values), ci95: values.length > 1 ? bootstrapMedianInterval(values, random) : null } : null;
