import type { ModelId } from '../domain/models.js';

/** What a verdict needs of one model's measured results at one concurrency level. */
export interface MeasuredModel {
  readonly model: ModelId;
  /** Mean round time, ms. */
  readonly meanMs: number;
  /** 95% confidence interval of the mean, ms. */
  readonly ci95: readonly [number, number];
}

/** A claim's verdict for Node. */
export type Verdict = 'holds' | 'does not hold' | 'partly holds' | 'does not apply';

/** A verdict with the rule that produced it and the evidence it read. */
export interface ClaimVerdict {
  readonly verdict: Verdict;
  readonly rule: string;
  readonly evidence: string;
}

/** Models whose means are within this fraction of the fastest mean count as "alike". */
export const SIMILARITY_TOLERANCE = 0.1;

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const fastestFirst = (models: readonly MeasuredModel[]) => [...models].sort((a, b) => a.meanMs - b.meanMs);

/** True when `a`'s 95% interval lies entirely below `b`'s: the only case we call `a` faster. */
export const isClearlyFaster = (a: MeasuredModel, b: MeasuredModel): boolean => a.ci95[1] < b.ci95[0];

/** Claim 1: the models perform alike for 3 requests. */
export const similarPerformance = (models: readonly MeasuredModel[]): ClaimVerdict => {
  const sorted = fastestFirst(models);
  const fastest = sorted[0];
  const slowest = sorted.at(-1);
  const rule = `holds when the slowest model's mean is within ${SIMILARITY_TOLERANCE * 100}% of the fastest's`;
  if (!fastest || !slowest) return { verdict: 'does not apply', rule, evidence: 'no measurements' };
  const spread = (slowest.meanMs - fastest.meanMs) / fastest.meanMs;
  return {
    verdict: spread <= SIMILARITY_TOLERANCE ? 'holds' : 'does not hold',
    rule,
    evidence: `fastest ${fastest.model} ${fmt(fastest.meanMs)}, slowest ${slowest.model} ${fmt(slowest.meanMs)}: spread ${(spread * 100).toFixed(1)}%`,
  };
};

/**
 * Claims 2 and 3: `candidate` is faster than every other model. Holds only when its 95% interval
 * lies below every other model's; when some interval overlaps, the data shows no meaningful difference.
 */
export const fasterThanAll = (candidate: ModelId, models: readonly MeasuredModel[]): ClaimVerdict => {
  const rule = `holds only when ${candidate}'s 95% interval lies entirely below every other model's`;
  const subject = models.find((m) => m.model === candidate);
  const others = models.filter((m) => m.model !== candidate);
  if (!subject || others.length === 0) return { verdict: 'does not apply', rule, evidence: 'no measurements' };
  const beaten = others.filter((o) => isClearlyFaster(subject, o)).map((o) => o.model);
  const beatenBy = others.filter((o) => isClearlyFaster(o, subject)).map((o) => o.model);
  const interval = `${candidate} ${fmt(subject.meanMs)} [${fmt(subject.ci95[0])}, ${fmt(subject.ci95[1])}]`;
  if (beaten.length === others.length) return { verdict: 'holds', rule, evidence: `${interval} is below all others` };
  const parts = [
    beaten.length > 0 ? `faster than ${beaten.join(', ')}` : '',
    beatenBy.length > 0 ? `slower than ${beatenBy.join(', ')}` : '',
    others.length - beaten.length - beatenBy.length > 0 ? `no meaningful difference from ${others.filter((o) => !beaten.includes(o.model) && !beatenBy.includes(o.model)).map((o) => o.model).join(', ')}` : '',
  ].filter(Boolean);
  return { verdict: 'does not hold', rule, evidence: `${interval}: ${parts.join('; ')}` };
};

/** What claim 4 needs per model: runs, and runs in which nothing that arrived was lost. */
export interface PreservationResult {
  readonly model: ModelId;
  readonly runs: number;
  readonly preservedRuns: number;
}

/** Claim 4: with errors handled correctly no model loses /productos or /perfil when /categorias times out. */
export const noDataLost = (correct: readonly PreservationResult[], naive: readonly PreservationResult[]): ClaimVerdict => {
  const rule = 'holds when every correct variant preserved the data in every run of the categorias-timeout scenario';
  if (correct.length === 0) return { verdict: 'does not apply', rule, evidence: 'no measurements' };
  const failing = correct.filter((r) => r.preservedRuns < r.runs);
  const naiveLoss = naive.filter((r) => r.preservedRuns < r.runs).map((r) => `${r.model} ${r.runs - r.preservedRuns}/${r.runs}`);
  const contrast = naiveLoss.length > 0 ? `; naive variants lost data in ${naiveLoss.join(', ')} runs` : '';
  if (failing.length === 0) return { verdict: 'holds', rule, evidence: `all ${correct.length} correct models preserved ${correct[0]?.runs ?? 0}/${correct[0]?.runs ?? 0} runs${contrast}` };
  return { verdict: 'does not hold', rule, evidence: `lost data: ${failing.map((r) => `${r.model} ${r.runs - r.preservedRuns}/${r.runs} runs`).join(', ')}${contrast}` };
};

/** Combines sub-verdicts (e.g. the rows of the use-case table) into one. */
export const combineVerdicts = (verdicts: readonly Verdict[]): Verdict => {
  const applicable = verdicts.filter((v) => v !== 'does not apply');
  if (applicable.length === 0) return 'does not apply';
  if (applicable.every((v) => v === 'holds')) return 'holds';
  if (applicable.every((v) => v === 'does not hold')) return 'does not hold';
  return 'partly holds';
};
