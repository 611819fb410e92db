import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { formatCsv } from '../../src/compare/report/format-csv.js';
import { formatMarkdown } from '../../src/compare/report/format-markdown.js';
import { formatReport } from '../../src/compare/report/format-report.js';
import { formatTable } from '../../src/compare/report/format-table.js';
import { compareReportSchema, type CompareReport } from '../../src/compare/report/report-schema.js';
import { estimatePaired, judgeComparisons, type PairedEstimate } from '../../src/compare/stats/paired-comparison.js';
import { pairsToReachAlpha, runsNeeded } from '../../src/compare/stats/reachable.js';
import { seededRandom } from '../../src/domain/random.js';
import type { ModelId } from '../../src/domain/models.js';
import { runRecord } from './fixtures.js';

const estimate = (pairs: number, ci95: [number, number], pValue: number): PairedEstimate => ({ pairs, ratio: (ci95[0] + ci95[1]) / 2, ci95, pValue, dropped: 0 });

/** Ten repetitions of every model; each repetition's server speed moves them all alike, and `factor` sets a model's own speed. */
const repetitions = (models: readonly ModelId[], factor: (model: ModelId) => number, runs = 10) =>
  Array.from({ length: runs }, (_, run) => run).flatMap((run) => {
    const level = 200 + ((run * 37) % 100);
    return models.flatMap((model) => (['correct', 'naive'] as const).map((variant) => runRecord(model, variant, run, level * factor(model) * (1 + (run % 3) * 0.004))));
  });

describe('reachability of α in a Holm family', () => {
  it('needs family · 2^(1−n) < α, at least the minimum of pairs', () => {
    // 36 comparisons (the old whole-report family): 36 · 2^(1−10) = 0.070 ≥ 0.05, 36 · 2^(1−11) = 0.035 < 0.05.
    expect(pairsToReachAlpha(36, 0.05, 10)).toBe(11);
    expect(runsNeeded(36, 10, 0.05, 10)).toBe(11);
    // 6 pairs of four contenders: 6 · 2^−9 = 0.0117.
    expect(runsNeeded(6, 10, 0.05, 10)).toBeNull();
    // 28 pairs of eight contenders: 28 · 2^−9 = 0.055.
    expect(runsNeeded(28, 10, 0.05, 10)).toBe(11);
    expect(runsNeeded(28, 11, 0.05, 10)).toBeNull();
    expect(pairsToReachAlpha(1, 0.05, 2)).toBe(6); // alone: 2^(1−5) = 0.0625, 2^(1−6) = 0.031
  });

  it('flags each comparison of a family too large for its pairs', () => {
    const family = Array.from({ length: 28 }, () => estimate(10, [0.8, 0.9], 0.002));
    const judged = judgeComparisons(family, 0.05);
    expect(judged.every((j) => j.family === 28 && j.needsRuns === 11)).toBe(true);
    expect(judgeComparisons(family.slice(0, 6), 0.05).every((j) => j.family === 6 && j.needsRuns === null)).toBe(true);
  });
});

describe('paired comparisons per table', () => {
  const models: ModelId[] = ['callbacks', 'futures', 'async-await', 'reactive'];
  const plan = buildPlan({ name: 'families', runs: 10, warmup: 0, models, variant: 'both', concurrency: [3], seed: 11 });
  const report = buildReport(plan, repetitions(models, (m) => (m === 'reactive' ? 1.2 : 1)));

  it('makes the Holm family the pairs of one metric, level and variant, so ten repetitions can say "faster"', () => {
    expect(report.comparisons).toHaveLength(2 * 2 * 6);
    expect(report.comparisons.every((c) => c.family === 6 && c.needsRuns === null)).toBe(true);
    const reactive = report.comparisons.filter((c) => c.metric === 'totalMs' && c.b === 'reactive');
    expect(reactive.map((c) => c.outcome)).toEqual(['faster', 'faster', 'faster', 'faster', 'faster', 'faster']);
  });

  it('shows a comparison that cannot reach α as "needs ≥ K runs" in every format', () => {
    const flagged: CompareReport = { ...report, comparisons: report.comparisons.map((c, i) => (i === 0 ? { ...c, outcome: 'inconclusive', needsRuns: 11 } : c)) };
    expect(formatTable(flagged, { color: false })).toContain('inconclusive · needs ≥ 11 runs');
    expect(formatMarkdown(flagged)).toContain('inconclusive · needs ≥ 11 runs');
    expect(compareReportSchema.parse(JSON.parse(formatReport(flagged, 'json', { color: false }))).comparisons[0]).toMatchObject({ needsRuns: 11, family: 6 });
    const [header = '', ...rows] = formatCsv(flagged).trim().split('\n');
    const column = header.split(',').indexOf('runs_needed_to_decide');
    expect(column).toBeGreaterThan(0);
    // The flagged comparison's a and b (callbacks and futures, correct variant) carry it.
    expect(rows.map((row) => row.split(',')[column]).filter((n) => n === '11')).toHaveLength(2);
    expect(formatCsv(report).trim().split('\n').slice(1).every((row) => row.split(',')[column] === '')).toBe(true);
  });
});

describe('significance apart from equivalence', () => {
  it('keeps "equivalent" and records a detectable direction', () => {
    const [small, none, slower] = judgeComparisons([estimate(12, [0.97, 0.99], 0.001), estimate(12, [0.97, 1.02], 0.001), estimate(12, [1.1, 1.2], 0.001)], 0.05);
    expect(small).toMatchObject({ outcome: 'equivalent', direction: 'faster' });
    expect(none).toMatchObject({ outcome: 'equivalent', direction: null });
    expect(slower).toMatchObject({ outcome: 'slower', direction: 'slower' });
    const notSignificant = judgeComparisons([estimate(12, [0.97, 0.99], 0.3)], 0.05);
    expect(notSignificant[0]).toMatchObject({ outcome: 'equivalent', direction: null });
  });

  it('shows it compactly in the tables and in JSON', () => {
    const models: ModelId[] = ['callbacks', 'reactive'];
    const plan = buildPlan({ name: 'direction', runs: 12, warmup: 0, models, variant: 'correct', concurrency: [3], seed: 3 });
    const report = buildReport(plan, repetitions(models, (m) => (m === 'reactive' ? 1.02 : 1), 12).filter((r) => r.variant === 'correct'));
    const time = report.comparisons.find((c) => c.metric === 'totalMs')!;
    expect(time).toMatchObject({ outcome: 'equivalent', direction: 'faster' });
    expect(formatTable(report, { color: false })).toContain('equivalent (faster)');
    expect(formatMarkdown(report)).toContain('equivalent (faster)');
    expect(JSON.parse(formatReport(report, 'json', { color: false })).comparisons[0].direction).toBe('faster');
  });
});

describe('dropped repetitions', () => {
  it('counts the repetitions left out for a non-positive value and shows them beside the pairs', () => {
    const a = new Map(Array.from({ length: 12 }, (_, i) => [i, i === 3 ? 0 : 10 + i] as const));
    const b = new Map(Array.from({ length: 12 }, (_, i) => [i, i === 5 ? -1 : 11 + i] as const));
    expect(estimatePaired(a, b, seededRandom(1))).toMatchObject({ pairs: 10, dropped: 2 });
    const models: ModelId[] = ['callbacks', 'reactive'];
    const plan = buildPlan({ name: 'dropped', runs: 10, warmup: 0, models, variant: 'correct', concurrency: [3], seed: 3 });
    const records = repetitions(models, () => 1).filter((r) => r.variant === 'correct').map((r) => (r.model === 'callbacks' && r.repetition === 0 ? { ...r, totalMs: 0 } : r));
    const report = buildReport(plan, records);
    expect(report.comparisons.find((c) => c.metric === 'totalMs')).toMatchObject({ pairs: 9, dropped: 1 });
    expect(formatTable(report, { color: false })).toContain('9 (1 dropped)');
  });
});

describe('bootstrap seeds', () => {
  it("gives each comparison its own stream: adding a contender leaves an existing pair's interval alone", () => {
    const factor = (m: ModelId) => ({ callbacks: 1, futures: 1.05, 'async-await': 1.1, reactive: 1.15 })[m];
    const two: ModelId[] = ['callbacks', 'reactive'];
    const three: ModelId[] = ['callbacks', 'futures', 'reactive'];
    const ci = (models: ModelId[]) => {
      const plan = buildPlan({ name: 'seeds', runs: 10, warmup: 0, models, variant: 'both', concurrency: [3], seed: 9 });
      const report = buildReport(plan, repetitions(models, factor));
      return report.comparisons.filter((c) => c.a === 'callbacks' && c.b === 'reactive').map((c) => [c.metric, c.variant, c.ci95]);
    };
    expect(ci(three)).toEqual(ci(two));
    expect(ci(two)).toHaveLength(4);
  });

  it("gives each result's cost its own stream: adding a contender leaves an existing contender's cost interval alone", () => {
    const factor = (m: ModelId) => ({ callbacks: 1, futures: 1.05, 'async-await': 1.1, reactive: 1.15 })[m];
    const costCi = (models: ModelId[]) => {
      const plan = buildPlan({ name: 'seeds', runs: 10, warmup: 0, models, variant: 'both', concurrency: [3], seed: 9 });
      const records = repetitions(models, factor).map((r) => ({ ...r, cpuMs: r.cpuMs * (1 + (r.repetition % 7) / 10) }));
      return buildReport(plan, records).results.filter((r) => r.model === 'reactive').map((r) => [r.variant, r.cost.cpuUsPerRequest?.ci95]);
    };
    const two = costCi(['callbacks', 'reactive']);
    expect(two.every(([, ci]) => Array.isArray(ci))).toBe(true);
    expect(costCi(['callbacks', 'futures', 'reactive'])).toEqual(two);
  });
});
