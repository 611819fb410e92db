import { describe, expect, it } from 'vitest';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { ANALYSIS_SECTION_NAMES, analysisSections } from '../../src/analysis/analysis-sections.js';
import { checkGeneratedSections, replaceGeneratedSections } from '../../src/analysis/generated-sections.js';
import { compareReportSchema, type CompareReport, type CompareResult } from '../../src/compare/report/report-schema.js';
import { MODEL_IDS, type ModelId } from '../../src/domain/models.js';

const dist = (mean: number, half: number) => ({ count: 10, mean, min: mean - half, max: mean + half, stddev: half, p50: mean, p95: mean + half, p99: mean + half, ci95: [mean - half, mean + half] as [number, number] });
const endpoint = (ok: number, failed: number, lost: number) => ({ ok, failed, lost, reasons: {}, serverOk: ok + lost });

const result = (model: ModelId, variant: 'correct' | 'naive', concurrency: number, mean: number, options: { half?: number; first?: number; preserved?: number } = {}): CompareResult => ({
  model,
  variant,
  concurrency,
  runs: 10,
  totalMs: dist(mean, options.half ?? 1),
  msPerRequest: mean / concurrency,
  firstResultMs: dist(options.first ?? mean / 2, 1),
  endpoints: { productos: endpoint(10, 0, 0), categorias: endpoint(10, 0, 0), perfil: endpoint(10, 0, 0) },
  preservedRuns: options.preserved ?? 10,
  attempts: 30,
  retries: 0,
  serverReceived: 30,
  serverMismatchRuns: 0,
  cpuMs: dist(5, 1),
  peakRssMb: 80,
  comparison: null,
});

const report = (scenario: string, concurrency: number[], results: CompareResult[]): CompareReport =>
  compareReportSchema.parse({
    scenario,
    description: '',
    seed: 7,
    runs: 10,
    warmup: 2,
    models: [...MODEL_IDS],
    variants: [...new Set(results.map((r) => r.variant))],
    concurrency,
    client: { deadlineMs: 1000, retries: 0, maxInFlight: 100, backoff: { baseMs: 50, maxMs: 1000 } },
    rules: {},
    results,
  });

const inputs = (overrides: { threeMeans?: number[]; topMeans?: number[]; naivePreserved?: number; correctPreserved?: number; firsts?: number[] } = {}): AnalysisInputs => {
  const threeMeans = overrides.threeMeans ?? [150, 151, 150.5, 152];
  const topMeans = overrides.topMeans ?? [900, 880, 700, 1000];
  const firsts = overrides.firsts ?? [60, 61, 150, 60.5];
  return {
    baseline: report('baseline', [3], MODEL_IDS.map((m, i) => result(m, 'correct', 3, threeMeans[i] ?? 0, { first: firsts[i] ?? 0 }))),
    categoriasTimeout: report('categorias-timeout', [3], [
      ...MODEL_IDS.map((m) => result(m, 'correct', 3, 1000, { preserved: overrides.correctPreserved ?? 10 })),
      ...MODEL_IDS.map((m) => result(m, 'naive', 3, 1000, { preserved: overrides.naivePreserved ?? 0 })),
    ]),
    scale: report('scale', [3, 1000], [...MODEL_IDS.map((m) => result(m, 'correct', 3, 150)), ...MODEL_IDS.map((m, i) => result(m, 'correct', 1000, topMeans[i] ?? 0, { half: 10 }))]),
    codeSizes: [
      { model: 'callbacks', loadFiles: ['src/models/callbacks.ts'], loadLines: 90, supportFiles: [], supportLines: 0 },
      { model: 'futures', loadFiles: ['src/models/futures.ts'], loadLines: 80, supportFiles: ['src/models/executor.ts'], supportLines: 150 },
      { model: 'async-await', loadFiles: ['src/models/async-await.ts'], loadLines: 40, supportFiles: ['src/models/gather.ts'], supportLines: 30 },
      { model: 'reactive', loadFiles: ['src/models/reactive.ts'], loadLines: 70, supportFiles: [], supportLines: 0 },
    ],
    excerpts: { callbacks: 'cb()', futures: 'submit()', 'async-await': 'await gather()', reactive: 'mergeMap()' },
    environment: 'Node 20 on 2 cores.',
    command: 'npm run analysis',
  };
};

const verdictOf = (section: string | undefined): string => /\*\*Verdict for Node: ([a-z ]+)\.\*\*/.exec(section ?? '')?.[1] ?? 'none';

describe('analysisSections', () => {
  it('computes each claim from the data with its rule', () => {
    const s = analysisSections(inputs());
    expect(verdictOf(s['claim-1'])).toBe('holds');
    expect(verdictOf(s['claim-2'])).toBe('does not hold');
    expect(verdictOf(s['claim-3'])).toBe('holds');
    expect(verdictOf(s['claim-4'])).toBe('holds');
    expect(verdictOf(s['claim-5'])).toBe('partly holds');
  });

  it('changes verdicts when the data changes', () => {
    const s = analysisSections(inputs({ threeMeans: [150, 200, 140, 152], topMeans: [700, 880, 900, 1000], correctPreserved: 9 }));
    expect(verdictOf(s['claim-1'])).toBe('does not hold');
    expect(verdictOf(s['claim-2'])).toBe('holds');
    expect(verdictOf(s['claim-3'])).toBe('does not hold');
    expect(verdictOf(s['claim-4'])).toBe('does not hold');
  });

  it('quotes the real excerpts and line counts', () => {
    const s = analysisSections(inputs());
    expect(s['excerpt-async-await']).toBe('```ts\nawait gather()\n```');
    expect(s['code-size']).toContain('| Callbacks | 90 | — | `src/models/callbacks.ts` |');
    expect(s['code-size']).toContain('| Futures | 80 | 150 | `src/models/futures.ts`; `src/models/executor.ts` |');
    expect(s['claim-3']).toContain('| Async/await | 50.0 | 0.700 |');
  });

  it('charts the mean times and states each comparison\'s seed, runs and warm-up', () => {
    const s = analysisSections(inputs());
    expect(s['claim-1']).toContain('```mermaid\nxychart-beta');
    expect(s['claim-3']).toContain('Mean total time, 1,000 requests per load');
    expect(s.setup).toContain('| categorias-timeout | 7 | 10 | 2 | correct, naive | 3 |');
  });

  it('shows the naive losses', () => {
    expect(analysisSections(inputs())['naive-loss']).toContain('| Reactive (RxJS) | 0/10 |');
  });

  it('writes exactly the sections docs/analysis.md has markers for', () => {
    expect(Object.keys(analysisSections(inputs())).sort()).toEqual([...ANALYSIS_SECTION_NAMES].sort());
    expect(ANALYSIS_SECTION_NAMES).toHaveLength(13);
  });

  it('fills a document whose markers stay well-formed', () => {
    const sections = analysisSections(inputs());
    const doc = Object.keys(sections).map((name) => `## ${name}\n<!-- generated:${name} -->\n<!-- /generated:${name} -->`).join('\n\n');
    const filled = replaceGeneratedSections(doc, sections);
    expect(checkGeneratedSections(filled)).toEqual([]);
    expect(filled).toContain('Summary of verdicts');
  });
});
