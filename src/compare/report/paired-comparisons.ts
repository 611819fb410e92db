import type { Variant } from '../../domain/models.js';
import { seededRandom, seedFrom, textSeed } from '../../domain/random.js';
import { contendersOf, type Contender } from '../../domain/contender.js';
import { contenderLabel } from '../contender.js';
import type { ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { estimatePaired, judgeComparisons, type PairedEstimate } from '../stats/paired-comparison.js';
import { comparisonExtras } from './comparison-extras.js';
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

/** The bootstrap seed of one comparison: a function of what it compares only, so its interval does not depend on the comparisons before it. */
export const comparisonSeed = (seed: number, p: Pairing): number => seedFrom(seed, textSeed(p.metric), p.concurrency, textSeed(p.variant), textSeed(contenderLabel(p.a)), textSeed(contenderLabel(p.b)));

/**
 * Every paired comparison of a report: on each metric, at each level and variant, every pair of
 * contenders (a model on an executor, each its own arm: `futures` and `futures (threads)` are
 * compared like any two models; a before b in the plan's order), their runs paired by repetition.
 * Every pair rather than each against a reference: no contender is privileged, and "which is
 * fastest" needs them all. The Holm family is the pairs of one (metric, level, variant) — the
 * question a reader asks of one table, "which of these contenders differ here?" — so the chance of
 * any false "faster" or "slower" in that table stays at 5 %, and a larger report does not make every
 * table's verdicts unreachable. Each comparison's bootstrap is seeded from what it compares
 * ({@link comparisonSeed}), so the same runs give the same outcomes and adding a contender leaves the
 * other pairs' intervals alone.
 */
export const pairedComparisons = (plan: ComparePlan, records: readonly RunRecord[], inFlightFor: (concurrency: number) => number): ReportComparison[] => {
  const contenders = contendersOf(plan.models, plan.executors);
  const valuesOf = (p: Pairing, { model, executor }: Contender): Map<number, number> =>
    new Map(records.filter((r) => r.model === model && r.executor === executor && r.variant === p.variant && r.concurrency === p.concurrency).map((r) => [r.repetition, COMPARED_METRICS[p.metric](r)]));
  const comparisons: ReportComparison[] = [];
  for (const metric of Object.keys(COMPARED_METRICS) as Metric[]) {
    for (const concurrency of plan.concurrency) {
      for (const variant of plan.variants) {
        const family: Pairing[] = [];
        contenders.forEach((a, i) => contenders.slice(i + 1).forEach((b) => family.push({ metric, variant, concurrency, a, b })));
        const estimates: PairedEstimate[] = family.map((p) => estimatePaired(valuesOf(p, p.a), valuesOf(p, p.b), seededRandom(comparisonSeed(plan.seed, p))));
        judgeComparisons(estimates, plan.margin).forEach((judged, i) => {
          const p = family[i] as Pairing;
          comparisons.push({ ...p, a: contenderLabel(p.a), b: contenderLabel(p.b), inFlight: inFlightFor(p.concurrency), pairs: judged.pairs, ratio: judged.pairs > 0 ? judged.ratio : null, ci95: judged.ci95, pValue: judged.pValue, pHolm: judged.pHolm, outcome: judged.outcome, ...comparisonExtras(judged) });
        });
      }
    }
  }
  return comparisons;
};
