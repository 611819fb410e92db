import type { ReportComparison } from '../compare/report/report-schema.js';
import type { ModelId } from '../domain/models.js';

/** A claim's verdict for Node. `inconclusive`: the data cannot tell; `does not apply`: Node cannot test it. */
export type Verdict = 'holds' | 'partly holds' | 'does not hold' | 'inconclusive' | 'does not apply';

/** A verdict with the rule that produced it and the evidence it read. */
export interface ClaimVerdict {
  readonly verdict: Verdict;
  readonly rule: string;
  readonly evidence: string;
}

/** A paired outcome read from one model's side. */
type Outcome = ReportComparison['outcome'];

const FLIPPED: Readonly<Record<Outcome, Outcome>> = { faster: 'slower', slower: 'faster', equivalent: 'equivalent', inconclusive: 'inconclusive', 'too few runs': 'too few runs' };

const pct = (ratio: number): string => `${ratio >= 1 ? '+' : '−'}${(Math.abs(ratio - 1) * 100).toFixed(1)} %`;

/** One comparison as `candidate` against `other` (contenders as reports name them, e.g. `futures (threads)`): the outcome and ratio from the candidate's side. */
export interface Versus {
  readonly other: string;
  readonly outcome: Outcome;
  /** candidate / other (null without pairs). */
  readonly ratio: number | null;
  readonly ci95: readonly [number, number] | null;
}

/** The comparisons of `candidate` with every other model, oriented so `candidate` is always `a`. */
export const versusOthers = (candidate: string, comparisons: readonly ReportComparison[]): Versus[] =>
  comparisons.flatMap((c) => {
    if (c.a === candidate) return [{ other: c.b, outcome: c.outcome, ratio: c.ratio, ci95: c.ci95 }];
    if (c.b !== candidate) return [];
    return [{ other: c.a, outcome: FLIPPED[c.outcome], ratio: c.ratio === null ? null : 1 / c.ratio, ci95: c.ci95 ? ([1 / c.ci95[1], 1 / c.ci95[0]] as const) : null }];
  });

const describeVersus = (v: Versus): string => `${v.outcome} than ${v.other}${v.ratio === null ? '' : ` (${pct(v.ratio)}${v.ci95 ? `, 95% CI ${pct(v.ci95[0])} … ${pct(v.ci95[1])}` : ''})`}`.replace('equivalent than', 'equivalent to').replace('inconclusive than', 'inconclusive against').replace('too few runs than', 'too few runs against');

/**
 * Claim 1 — the models perform alike for a few requests: an equivalence test on every pair's total
 * time. Holds when every pair is `equivalent`; does not hold when some pair is `faster`/`slower`;
 * inconclusive otherwise (an interval too wide to call, or too few runs).
 */
export const allEquivalent = (comparisons: readonly ReportComparison[], margin: number): ClaimVerdict => {
  const rule = `holds when every pair of models is "equivalent" on total time (the 95% interval of the paired ratio within ±${(margin * 100).toFixed(0)} %); does not hold when some pair is "faster" or "slower"; otherwise inconclusive`;
  if (comparisons.length === 0) return { verdict: 'does not apply', rule, evidence: 'no comparisons' };
  const evidence = comparisons.map((c) => `${c.a} vs ${c.b}: ${c.outcome}${c.ratio === null ? '' : ` (${pct(c.ratio)})`}`).join('; ');
  const verdict: Verdict = comparisons.every((c) => c.outcome === 'equivalent') ? 'holds' : comparisons.some((c) => c.outcome === 'faster' || c.outcome === 'slower') ? 'does not hold' : 'inconclusive';
  return { verdict, rule, evidence };
};

/**
 * Claims 2 and 3 — `candidate` is faster than the other models, on one metric. A `slower` comparison
 * goes against the claim, a `faster` one for it. Holds when it is `faster` than every other model;
 * does not hold when it is `slower` than any (faster than some does not outweigh it), or `equivalent`
 * to all of them; partly holds when faster than some and slower than none; otherwise inconclusive.
 */
export const fasterThanOthers = (candidate: string, comparisons: readonly ReportComparison[], metric: string): ClaimVerdict => {
  const rule = `holds when ${candidate} is "faster" on ${metric} than every other model in the paired comparisons; does not hold when it is "slower" than any, or "equivalent" to all; partly holds when faster than some and slower than none; otherwise inconclusive`;
  const versus = versusOthers(candidate, comparisons);
  if (versus.length === 0) return { verdict: 'does not apply', rule, evidence: 'no comparisons' };
  const faster = versus.filter((v) => v.outcome === 'faster').length;
  const against = versus.some((v) => v.outcome === 'slower');
  const allEquivalentTo = versus.every((v) => v.outcome === 'equivalent');
  const verdict: Verdict = faster === versus.length ? 'holds' : against || allEquivalentTo ? 'does not hold' : faster > 0 ? 'partly holds' : 'inconclusive';
  return { verdict, rule, evidence: `${candidate} on ${metric}: ${versus.map(describeVersus).join('; ')}` };
};

/** Joins a claim's verdicts on several metrics by {@link combineVerdicts}. */
export const joinMetrics = (verdicts: readonly ClaimVerdict[], rule: string): ClaimVerdict => ({ verdict: combineVerdicts(verdicts.map((v) => v.verdict)), rule, evidence: verdicts.map((v) => v.evidence).join('. ') });

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

/** A model's first-result and total times (medians over repetitions). */
export interface Arrival {
  readonly model: ModelId;
  readonly firstResultMs: number | null;
  readonly totalMs: number;
}

/** A model "delivers as data arrives" when its first result comes at most this fraction of the way into the load. */
export const STREAMING_FRACTION = 0.8;

/**
 * Claim 5, "UI showing data as it arrives: callbacks are ideal", judged by what it says: callbacks
 * deliver each result as it arrives, i.e. the first result reaches the page well before the load
 * ends (median first result ≤ {@link STREAMING_FRACTION} × median total time). The evidence names
 * every model that does too: "ideal" is not "the only one".
 */
export const deliversAsItArrives = (model: ModelId, arrivals: readonly Arrival[]): ClaimVerdict => {
  const rule = `holds when ${model}'s median time to the first delivered result is at most ${STREAMING_FRACTION * 100}% of its median total time (the page gets data before the slowest endpoint answers)`;
  const subject = arrivals.find((a) => a.model === model);
  if (!subject || subject.firstResultMs === null) return { verdict: 'does not apply', rule, evidence: `no first result measured for ${model}` };
  const share = (a: Arrival) => (a.firstResultMs === null ? Number.NaN : a.firstResultMs / a.totalMs);
  const streaming = arrivals.filter((a) => share(a) <= STREAMING_FRACTION).map((a) => a.model);
  const evidence = `first result at ${arrivals.map((a) => `${a.model} ${Number.isNaN(share(a)) ? '—' : `${(share(a) * 100).toFixed(0)}%`}`).join(', ')} of the load; delivering as data arrives: ${streaming.length > 0 ? streaming.join(', ') : 'none'}`;
  return { verdict: share(subject) <= STREAMING_FRACTION ? 'holds' : 'does not hold', rule, evidence };
};

/** Lines a model takes, counted alike for all: its correct load plus its own support (limiter, executor, gather). */
export interface ModelLines {
  readonly model: ModelId;
  readonly lines: number;
}

/**
 * Claim 5, "code simplicity: callbacks verbose, async/await clean": holds when callbacks take the
 * most lines and async/await the fewest; partly holds when only one of the two is true.
 */
export const verboseAndClean = (sizes: readonly ModelLines[], verbose: ModelId, clean: ModelId): ClaimVerdict => {
  const rule = `holds when ${verbose} takes the most lines and ${clean} the fewest (correct variant only, each model's own support such as its limiter counted alike); partly holds when only one of the two is true`;
  if (sizes.length < 2) return { verdict: 'does not apply', rule, evidence: 'no line counts' };
  const sorted = [...sizes].sort((a, b) => b.lines - a.lines);
  const most = sorted[0]?.lines;
  const fewest = sorted.at(-1)?.lines;
  const isMost = sizes.find((s) => s.model === verbose)?.lines === most;
  const isFewest = sizes.find((s) => s.model === clean)?.lines === fewest;
  return { verdict: isMost && isFewest ? 'holds' : isMost || isFewest ? 'partly holds' : 'does not hold', rule, evidence: `lines: ${sorted.map((s) => `${s.model} ${s.lines}`).join(', ')}` };
};

/**
 * Combines sub-verdicts (the rows of the use-case table, one claim's metrics, or its halves under
 * different conditions) into one. The same verdict everywhere stays. Conclusive parts that disagree
 * (`holds` in one, `does not hold` in another) give `partly holds`: the claim is true under some of
 * its conditions and false under others, and the evidence says which. An `inconclusive` part never
 * rescues the claim: `holds` + `inconclusive` → `partly holds`, `does not hold` + `inconclusive` →
 * `does not hold`. `does not apply` parts are left out.
 */
export const combineVerdicts = (verdicts: readonly Verdict[]): Verdict => {
  const applicable = verdicts.filter((v) => v !== 'does not apply');
  if (applicable.length === 0) return 'does not apply';
  if (applicable.every((v) => v === applicable[0])) return applicable[0] as Verdict;
  if (applicable.some((v) => v === 'holds' || v === 'partly holds')) return 'partly holds';
  return applicable.includes('does not hold') ? 'does not hold' : 'inconclusive';
};
