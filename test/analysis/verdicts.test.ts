import { describe, expect, it } from 'vitest';
import type { ReportComparison } from '../../src/compare/report/report-schema.js';
import type { ModelId } from '../../src/domain/models.js';
import { allEquivalent, combineVerdicts, deliversAsItArrives, fasterThanOthers, joinMetrics, noDataLost, verboseAndClean, versusOthers } from '../../src/analysis/verdicts.js';

type Outcome = ReportComparison['outcome'];

const cmp = (a: ModelId, b: ModelId, outcome: Outcome, ratio = 1): ReportComparison => ({
  metric: 'totalMs',
  variant: 'correct',
  concurrency: 3,
  inFlight: 100,
  a,
  b,
  pairs: 20,
  ratio,
  ci95: [ratio - 0.01, ratio + 0.01],
  pValue: 0.01,
  pHolm: 0.02,
  outcome,
  direction: null,
  family: 6,
  needsRuns: null,
  dropped: 0,
});

const pairs = (outcomes: readonly Outcome[]): ReportComparison[] => {
  const models: ModelId[] = ['callbacks', 'futures', 'async-await', 'reactive'];
  const list: ReportComparison[] = [];
  models.forEach((a, i) => models.slice(i + 1).forEach((b) => list.push(cmp(a, b, outcomes[list.length % outcomes.length] ?? 'equivalent'))));
  return list;
};

describe('allEquivalent (claim 1) reaches every outcome', () => {
  it.each([
    ['holds', ['equivalent']],
    ['does not hold', ['equivalent', 'slower']],
    ['does not hold', ['faster', 'inconclusive']],
    ['inconclusive', ['equivalent', 'inconclusive']],
    ['inconclusive', ['too few runs']],
  ] as const)('%s for %j', (verdict, outcomes) => {
    expect(allEquivalent(pairs(outcomes), 0.05).verdict).toBe(verdict);
  });

  it('does not apply without comparisons', () => {
    expect(allEquivalent([], 0.05).verdict).toBe('does not apply');
  });
});

describe('fasterThanOthers (claims 2 and 3) reaches every outcome, reading comparisons from either side', () => {
  const against = (outcomes: Readonly<Partial<Record<ModelId, Outcome>>>): ReportComparison[] => [
    cmp('callbacks', 'async-await', outcomes.callbacks ?? 'slower', 1.05), // async-await is b here
    cmp('async-await', 'reactive', outcomes.reactive ?? 'faster', 0.9),
    cmp('futures', 'async-await', outcomes.futures ?? 'slower', 1.1),
    cmp('callbacks', 'reactive', 'faster'), // not about async-await: ignored
  ];

  it.each([
    ['holds', {}],
    ['partly holds', { reactive: 'equivalent' }],
    ['partly holds', { reactive: 'inconclusive', futures: 'too few runs' }],
    // Faster than one (reactive), slower than two: against the claim, not "partly".
    ['does not hold', { callbacks: 'faster', futures: 'faster' }],
    // Faster than two, slower than one: still against it.
    ['does not hold', { reactive: 'slower' }],
    ['does not hold', { callbacks: 'inconclusive', reactive: 'slower', futures: 'too few runs' }],
    ['does not hold', { callbacks: 'equivalent', reactive: 'equivalent', futures: 'equivalent' }],
    ['inconclusive', { callbacks: 'equivalent', reactive: 'inconclusive', futures: 'equivalent' }],
    ['inconclusive', { callbacks: 'too few runs', reactive: 'too few runs', futures: 'too few runs' }],
  ] as const)('%s for %j', (verdict, outcomes) => {
    expect(fasterThanOthers('async-await', against(outcomes), 'total time').verdict).toBe(verdict);
  });

  it('flips outcome, ratio and interval when the candidate is b', () => {
    const [first] = versusOthers('async-await', [cmp('callbacks', 'async-await', 'slower', 1.25)]);
    expect(first).toMatchObject({ other: 'callbacks', outcome: 'faster', ratio: 0.8 });
    expect(first?.ci95?.[0]).toBeCloseTo(1 / 1.26, 10);
  });

  it('does not apply without comparisons of the candidate', () => {
    expect(fasterThanOthers('async-await', [cmp('callbacks', 'reactive', 'faster')], 'total time').verdict).toBe('does not apply');
  });
});

describe('combineVerdicts and joinMetrics', () => {
  it.each([
    [['holds', 'holds'], 'holds'],
    [['does not hold', 'does not hold'], 'does not hold'],
    [['holds', 'does not hold'], 'partly holds'],
    [['partly holds', 'does not hold'], 'partly holds'],
    [['holds', 'partly holds'], 'partly holds'],
    [['holds', 'inconclusive'], 'partly holds'],
    [['partly holds', 'inconclusive'], 'partly holds'],
    [['does not hold', 'inconclusive'], 'does not hold'],
    [['inconclusive', 'inconclusive'], 'inconclusive'],
    [['inconclusive', 'does not apply'], 'inconclusive'],
    [['does not apply'], 'does not apply'],
  ] as const)('%j → %s', (verdicts, expected) => {
    expect(combineVerdicts(verdicts)).toBe(expected);
  });

  it('joins the evidence of each metric', () => {
    const joined = joinMetrics([{ verdict: 'holds', rule: 'r', evidence: 'time' }, { verdict: 'does not hold', rule: 'r', evidence: 'cpu' }], 'both');
    expect(joined).toEqual({ verdict: 'partly holds', rule: 'both', evidence: 'time. cpu' });
  });
});

describe('noDataLost (claim 4) reaches every outcome', () => {
  const r = (model: ModelId, preservedRuns: number) => ({ model, runs: 10, preservedRuns });
  it('holds when every correct variant preserved every run, and names the naive losses', () => {
    const v = noDataLost([r('callbacks', 10), r('futures', 10)], [r('callbacks', 0)]);
    expect(v.verdict).toBe('holds');
    expect(v.evidence).toContain('naive variants lost data in callbacks 10/10');
  });
  it('does not hold when one run lost data', () => {
    expect(noDataLost([r('callbacks', 10), r('futures', 9)], []).verdict).toBe('does not hold');
  });
  it('does not apply without measurements', () => {
    expect(noDataLost([], []).verdict).toBe('does not apply');
  });
});

describe('deliversAsItArrives (claim 5, row 3) reaches every outcome', () => {
  const a = (model: ModelId, firstResultMs: number | null, totalMs: number) => ({ model, firstResultMs, totalMs });
  it('holds when the first result comes well before the end, and names every model that streams', () => {
    const v = deliversAsItArrives('callbacks', [a('callbacks', 11, 22), a('async-await', 22, 22), a('reactive', 12, 22)]);
    expect(v.verdict).toBe('holds');
    expect(v.evidence).toContain('delivering as data arrives: callbacks, reactive');
  });
  it('does not hold when the first result comes with the last', () => {
    expect(deliversAsItArrives('callbacks', [a('callbacks', 21, 22)]).verdict).toBe('does not hold');
  });
  it('does not apply without a first result', () => {
    expect(deliversAsItArrives('callbacks', [a('callbacks', null, 22)]).verdict).toBe('does not apply');
  });
});

describe('verboseAndClean (claim 5, row 4) reaches every outcome', () => {
  const sizes = (callbacks: number, asyncAwait: number) => [
    { model: 'callbacks' as const, lines: callbacks },
    { model: 'futures' as const, lines: 70 },
    { model: 'async-await' as const, lines: asyncAwait },
    { model: 'reactive' as const, lines: 60 },
  ];
  it.each([
    ['holds', 90, 50],
    ['partly holds', 90, 65],
    ['partly holds', 65, 50],
    ['does not hold', 65, 65],
  ] as const)('%s (callbacks %i, async-await %i)', (verdict, callbacks, asyncAwait) => {
    expect(verboseAndClean(sizes(callbacks, asyncAwait), 'callbacks', 'async-await').verdict).toBe(verdict);
  });
  it('does not apply without line counts', () => {
    expect(verboseAndClean([], 'callbacks', 'async-await').verdict).toBe('does not apply');
  });
});
