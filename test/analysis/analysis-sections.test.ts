import { describe, expect, it } from 'vitest';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { ANALYSIS_SECTION_NAMES, analysisSections } from '../../src/analysis/analysis-sections.js';
import { checkGeneratedSections, replaceGeneratedSections } from '../../src/analysis/generated-sections.js';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { compareReportSchema, type CompareReport } from '../../src/compare/report/report-schema.js';
import type { RunRecord } from '../../src/compare/run-record.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { runRecord } from '../compare/fixtures.js';

/** Twelve paired repetitions: each repetition's server sets the level; each model's factor sets its time and CPU. */
const REPETITIONS = 12;
const records = (concurrency: number, factors: readonly number[], variant: 'correct' | 'naive' = 'correct', options: { first?: readonly number[]; preserved?: number } = {}): RunRecord[] =>
  Array.from({ length: REPETITIONS }, (_, repetition) =>
    MODEL_IDS.map((model, i) => {
      const base = runRecord(model, variant, repetition, (100 + ((repetition * 37) % 50)) * (factors[i] ?? 1) * (1 + (repetition % 3) * 0.001), concurrency);
      const lostRun = variant === 'correct' && repetition < REPETITIONS - (options.preserved ?? REPETITIONS);
      return {
        ...base,
        cpuMs: concurrency * 0.3 * (factors[i] ?? 1) * (1 + (repetition % 2) * 0.001),
        firstResultMs: (options.first?.[i] ?? 0.5) * base.totalMs,
        ...(lostRun ? { lost: 1, endpoints: { ...base.endpoints, perfil: { ok: 0, failed: 0, lost: 1, reasons: { discarded: 1 } } } } : {}),
      };
    }),
  ).flat();

const reportOf = (name: string, overrides: Parameters<typeof buildPlan>[1], runs: RunRecord[]): CompareReport =>
  compareReportSchema.parse(buildReport(buildPlan({ name, seed: 7, warmup: 2 }, { runs: REPETITIONS, ...overrides }), runs));

interface Knobs {
  /** Per model (callbacks, futures, async-await, reactive): factor of time and CPU at 3 requests. */
  readonly three?: readonly number[];
  /** The same at the top in-flight level. */
  readonly top?: readonly number[];
  readonly first?: readonly number[];
  readonly correctPreserved?: number;
}

const inputs = (knobs: Knobs = {}): AnalysisInputs => ({
  baseline: reportOf('baseline', { variant: 'correct' }, records(3, knobs.three ?? [1, 1.001, 1.0005, 1.002], 'correct', { first: knobs.first ?? [0.5, 0.5, 1, 0.5] })),
  categoriasTimeout: reportOf('categorias-timeout', { variant: 'both' }, [...records(3, [1, 1, 1, 1], 'correct', { preserved: knobs.correctPreserved }), ...records(3, [1, 1, 1, 1], 'naive')]),
  scale: reportOf('scale', { variant: 'correct', inFlight: [10, 100] }, [...records(20, [1, 1, 1, 1]), ...records(200, knobs.top ?? [1.3, 1.3, 1, 1.4])]),
  codeSizes: [
    { model: 'callbacks', loadFiles: ['src/models/callbacks.ts'], loadLines: 90, supportFiles: [], supportLines: 0 },
    { model: 'futures', loadFiles: ['src/models/futures.ts'], loadLines: 80, supportFiles: ['src/models/executor.ts'], supportLines: 150 },
    { model: 'async-await', loadFiles: ['src/models/async-await.ts'], loadLines: 40, supportFiles: ['src/models/gather.ts'], supportLines: 30 },
    { model: 'reactive', loadFiles: ['src/models/reactive.ts'], loadLines: 70, supportFiles: [], supportLines: 0 },
  ],
  excerpts: { callbacks: 'cb()', futures: 'submit()', 'async-await': 'await gather()', reactive: 'mergeMap()' },
  environment: 'Node 20 on 2 cores.',
  command: 'npm run analysis',
});

const verdictOf = (section: string | undefined): string => /\*\*Verdict for Node: ([a-z ]+)\.\*\*/.exec(section ?? '')?.[1] ?? 'none';

describe('analysisSections', () => {
  it('computes each claim from the paired comparisons with its rule', () => {
    const s = analysisSections(inputs());
    expect(verdictOf(s['claim-1'])).toBe('holds');
    expect(verdictOf(s['claim-2'])).toBe('does not hold');
    expect(verdictOf(s['claim-3'])).toBe('holds');
    expect(verdictOf(s['claim-4'])).toBe('holds');
    expect(verdictOf(s['claim-5'])).toBe('partly holds');
  });

  it('changes verdicts when the data changes', () => {
    const s = analysisSections(inputs({ three: [1.2, 1.25, 1, 1.3], top: [1, 1, 1.3, 1.3], correctPreserved: 11, first: [1, 1, 1, 1] }));
    expect(verdictOf(s['claim-1'])).toBe('does not hold');
    expect(verdictOf(s['claim-2'])).toBe('holds');
    expect(verdictOf(s['claim-3'])).toBe('does not hold');
    expect(verdictOf(s['claim-4'])).toBe('does not hold');
    expect(s['claim-5']).toContain('| UI showing data as it arrives | callbacks are ideal | does not hold |');
  });

  it('quotes the real excerpts and line counts, counted alike', () => {
    const s = analysisSections(inputs());
    expect(s['excerpt-async-await']).toBe('```ts\nawait gather()\n```');
    expect(s['code-size']).toContain('| Callbacks | 90 | — | 90 | `src/models/callbacks.ts` |');
    expect(s['code-size']).toContain('| Futures | 80 | 150 | 230 | `src/models/futures.ts`; `src/models/executor.ts` |');
  });

  it('shows how CPU per request grows with requests in flight, and each comparison\'s settings', () => {
    const s = analysisSections(inputs());
    expect(s['claim-3']).toContain('100 in flight');
    expect(s['claim-3']).toMatch(/\| Reactive \(RxJS\) \| .* \| ×1\.40 \|/);
    expect(s.setup).toContain('| categorias-timeout | 7 | 12 | 2 | correct, naive | 3 req | same server plan | ±5 % |');
  });

  it('names the verdicts the recommendation rests on', () => {
    const basis = analysisSections(inputs())['recommendation-basis'] ?? '';
    expect(basis).toContain('claim 1 (alike for the page\'s three requests): **holds**');
    expect(basis).toContain('claim 4 (no data lost when errors are handled correctly): **holds**');
  });

  it('shows the naive losses', () => {
    expect(analysisSections(inputs())['naive-loss']).toContain('| Reactive (RxJS) | 0/12 |');
  });

  it('writes exactly the sections docs/analysis.md has markers for', () => {
    expect(Object.keys(analysisSections(inputs())).sort()).toEqual([...ANALYSIS_SECTION_NAMES].sort());
    expect(ANALYSIS_SECTION_NAMES).toHaveLength(14);
  });

  it('fills a document whose markers stay well-formed', () => {
    const sections = analysisSections(inputs());
    const doc = Object.keys(sections).map((name) => `## ${name}\n<!-- generated:${name} -->\n<!-- /generated:${name} -->`).join('\n\n');
    const filled = replaceGeneratedSections(doc, sections);
    expect(checkGeneratedSections(filled)).toEqual([]);
    expect(filled).toContain('Summary of verdicts');
  });
});
