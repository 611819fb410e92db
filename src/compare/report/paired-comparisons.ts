import type { Variant } from '../../domain/models.js';
import { seededRandom } from '../../domain/random.js';
import { contenderLabel, contendersOf, type Contender } from '../contender.js';
import type { ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { estimatePaired, judgeComparisons, type PairedEstimate } from '../stats/paired-comparison.js';
import type { ReportComparison } from './report-schema.js';

/** The metrics compared pair by pair. */
export const COMPARED_METRICS = {
  totalMs: (r: RunRecord) => r.totalMs,
  cpuUsPerRequest: (r: RunRecord) => cpuUsPerRequest(r),
} as const;

/** Client CPU time per request of a run, µs. */
export const cpuUsPerRequest = (r: RunRecord): number => (r.cpuMs * 1000) / r.concurrency;

type Metric = keyof typeof COMPARED_METRICS;

interface Pairing {
  readonly metric: Metric;
  readonly variant: Variant;
  readonly concurrency: number;
  readonly a: Contender;
  readonly b: Contender;
}

/**
 * Every paired comparison of a report: on each metric, at each level and variant, every pair of
 * contenders (a model on an executor, each its own arm: `futures` and `futures (threads)` are
 * compared like any two models; a before b in the plan's order), their runs paired by repetition. Every pair rather than
 * each against a reference: no model is privileged, and "which is fastest" needs them all. One
 * seeded bootstrap stream and one Holm family for the whole report, so the same runs give the same
 * outcomes and the chance of any false "faster" or "slower" stays at 5 % however many comparisons.
 */
export const pairedComparisons = (plan: ComparePlan, records: readonly RunRecord[], inFlightFor: (concurrency: number) => number): ReportComparison[] => {
  const random = seededRandom(plan.seed);
  const contenders = contendersOf(plan.models, plan.executors);
  const pairings: Pairing[] = [];
  for (const metric of Object.keys(COMPARED_METRICS) as Metric[]) {
    for (const concurrency of plan.concurrency) {
      for (const variant of plan.variants) {
        contenders.forEach((a, i) => contenders.slice(i + 1).forEach((b) => pairings.push({ metric, variant, concurrency, a, b })));
      }
    }
  }
  const valuesOf = (p: Pairing, { model, executor }: Contender): Map<number, number> =>
    new Map(records.filter((r) => r.model === model && r.executor === executor && r.variant === p.variant && r.concurrency === p.concurrency).map((r) => [r.repetition, COMPARED_METRICS[p.metric](r)]));
  const estimates: PairedEstimate[] = pairings.map((p) => estimatePaired(valuesOf(p, p.a), valuesOf(p, p.b), random));
  return judgeComparisons(estimates, plan.margin).map((judged, i) => {
    const p = pairings[i] as Pairing;
    return { ...p, a: contenderLabel(p.a), b: contenderLabel(p.b), inFlight: inFlightFor(p.concurrency), pairs: judged.pairs, ratio: judged.pairs > 0 ? judged.ratio : null, ci95: judged.ci95, pValue: judged.pValue, pHolm: judged.pHolm, outcome: judged.outcome };
  });
};
