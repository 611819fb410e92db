import { describe, expect, it } from 'vitest';
import type { AnalysisInputs } from '../../src/analysis/analysis-inputs.js';
import { ANALYSIS_SECTION_NAMES, analysisSections } from '../../src/analysis/analysis-sections.js';
import { checkGeneratedSections, replaceGeneratedSections } from '../../src/analysis/generated-sections.js';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { compareReportSchema, type CompareReport } from '../../src/compare/report/report-schema.js';
import type { RunRecord, TransportRecord } from '../../src/compare/run-record.js';
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

/** Twelve paired repetitions of callbacks and futures on threads and async-await on the loop, each with its factor of time and CPU. */
const threadRecords = (concurrency: number, factors: readonly number[]): RunRecord[] =>
  Array.from({ length: REPETITIONS }, (_, repetition) =>
    (['callbacks', 'futures', 'async-await'] as const).map((model, i) => {
      const base = runRecord(model, 'correct', repetition, (100 + ((repetition * 37) % 50)) * (factors[i] ?? 1) * (1 + (repetition % 3) * 0.001), concurrency);
      const threads = model === 'async-await' ? {} : { executor: 'threads' as const, threads: { threads: 3, startupMs: 14, rssPerThreadMb: 9.5, handoffUs: 60 } };
      return { ...base, ...threads, cpuMs: concurrency * 0.3 * (factors[i] ?? 1) * (1 + (repetition % 2) * 0.001) };
    }),
  ).flat();

const THREAD_PLAN = { models: ['callbacks', 'futures', 'async-await'], executors: ['threads'], variant: 'correct' } as const;

/** A raw-transport load for every level and repetition of the runs: 250 µs of CPU per call. */
const rawLoads = (runs: readonly RunRecord[]): TransportRecord[] =>
  [...new Set(runs.map((r) => `${r.concurrency}/${r.repetition}`))].map((key) => {
    const [concurrency = 0, repetition = 0] = key.split('/').map(Number);
    return { concurrency, inFlight: 100, repetition, serverPlan: `plan${repetition}`, totalMs: 90, cpuMs: concurrency * 0.25, calls: concurrency, failed: 0 };
  });

const reportOf = (name: string, overrides: Parameters<typeof buildPlan>[1], runs: RunRecord[]): CompareReport =>
  compareReportSchema.parse(buildReport(buildPlan({ name, seed: 7, warmup: 2 }, { runs: REPETITIONS, ...overrides }), runs, { transport: rawLoads(runs) }));

interface Knobs {
  /** Per model (callbacks, futures, async-await, reactive): factor of time and CPU at 3 requests. */
  readonly three?: readonly number[];
  /** The same at the top in-flight level. */
  readonly top?: readonly number[];
  readonly first?: readonly number[];
  readonly correctPreserved?: number;
  /** Callbacks and futures on threads, async-await on the loop: factors at 3 requests and at the top of the sweep, with CPU work (without: all alike). */
  readonly threadsWork?: readonly number[];
}

const inputs = (knobs: Knobs = {}): AnalysisInputs => ({
  baseline: reportOf('baseline', { variant: 'correct' }, records(3, knobs.three ?? [1, 1.001, 1.0005, 1.002], 'correct', { first: knobs.first ?? [0.5, 0.5, 1, 0.5] })),
  categoriasTimeout: reportOf('categorias-timeout', { variant: 'both' }, [...records(3, [1, 1, 1, 1], 'correct', { preserved: knobs.correctPreserved }), ...records(3, [1, 1, 1, 1], 'naive')]),
  scale: reportOf('scale', { variant: 'correct', inFlight: [10, 100] }, [...records(20, [1, 1, 1, 1]), ...records(200, knobs.top ?? [1.3, 1.3, 1, 1.4])]),
  threads: {
    page: reportOf('baseline-threads', THREAD_PLAN, threadRecords(3, [1, 1, 1])),
    pageWork: reportOf('baseline-threads-work', { ...THREAD_PLAN, workMs: 10 }, threadRecords(3, knobs.threadsWork ?? [1.4, 1.5, 1])),
    sweep: reportOf('scale-threads', { ...THREAD_PLAN, inFlight: [10, 50] }, [...threadRecords(20, [1, 1, 1]), ...threadRecords(100, [1, 1, 1])]),
    sweepWork: reportOf('scale-threads-work', { ...THREAD_PLAN, inFlight: [10, 50], workMs: 10 }, [...threadRecords(20, [1, 1, 1]), ...threadRecords(100, knobs.threadsWork ?? [1.4, 1.5, 1])]),
  },
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
    expect(s['claim-2']).toContain('**On the event loop: does not hold.**');
    expect(s['claim-2-threads']).toContain('**Against threads: partly holds.**');
    expect(verdictOf(s['claim-2-threads'])).toBe('partly holds');
    expect(s['claim-3']).toContain('**On the event loop: holds.**');
    expect(verdictOf(s['claim-3-threads'])).toBe('partly holds');
    expect(verdictOf(s['claim-4'])).toBe('holds');
    expect(verdictOf(s['claim-5'])).toBe('partly holds');
  });

  it('answers the thread half of claims 2 and 3 from async/await against callbacks and futures on threads, either way', () => {
    const faster = analysisSections(inputs({ threadsWork: [1.4, 1.5, 1] }));
    expect(faster['claim-2-threads']).toContain('async-await on total time with 10 ms of CPU work: faster than callbacks (threads)');
    const slower = analysisSections(inputs({ threadsWork: [0.6, 0.7, 1] }));
    expect(slower['claim-2-threads']).toContain('**Against threads: does not hold.**');
    expect(slower['claim-3-threads']).toContain('**Against threads: does not hold.**');
    expect(slower['claim-5']).toContain('against threads (async/await faster than callbacks and futures on worker threads): does not hold');
  });

  it("shows the threads' cost beside async/await's time, CPU and memory, with and without CPU work", () => {
    const s = analysisSections(inputs());
    expect(s['claim-2-threads']).toContain('| Futures (threads) | 10 ms |');
    expect(s['claim-2-threads']).toMatch(/\| Callbacks \(threads\) \| 0 ms \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| 3 \| 14\.0 \| 9\.5 \| 60 \|/);
    expect(s['claim-2-threads']).toMatch(/\| Async\/await \| 0 ms \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| — \| — \| — \| — \|/);
    expect(s['claim-3-threads']).toContain('50 in flight');
    expect(s.setup).toContain('| scale-threads-work | 7 | 12 | 2 | correct | 10 in flight, 50 in flight | threads | 10 ms | axios alone 250 [250–250] µs per call |');
  });

  it('changes verdicts when the data changes', () => {
    const s = analysisSections(inputs({ three: [1.2, 1.25, 1, 1.3], top: [1, 1, 1.3, 1.3], correctPreserved: 11, first: [1, 1, 1, 1] }));
    expect(verdictOf(s['claim-1'])).toBe('does not hold');
    expect(s['claim-2']).toContain('**On the event loop: holds.**');
    expect(verdictOf(s['claim-2-threads'])).toBe('partly holds');
    expect(s['claim-3']).toContain('**On the event loop: does not hold.**');
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
    expect(s.setup).toContain('| categorias-timeout | 7 | 12 | 2 | correct, naive | 3 req | loop | 0 ms | axios alone 250 [250–250] µs per call | same server plan | ±5 % |');
  });

  it("sets the transport's share of the CPU per request beside the model's own, and the raw transport alone", () => {
    const s = analysisSections(inputs());
    // At three requests each model costs ~300 µs per request, of which the raw transport's 250 µs per call.
    expect(s['claim-1']).toContain("| CPU µs/request [95% CI] | of which transport µs | model's own µs [95% CI] |");
    expect(s['claim-1']).toMatch(/\| Callbacks \| [^|]+ \| [^|]+ \| [^|]+ \| 300 \[300–300\] \| 250 \| 50 \[50–50\] \|/);
    expect(s['claim-2-threads']).toMatch(/\| Async\/await \| 0 ms \| [^|]+ \| 300 \[300–300\] \| 250 \| 50 \[50–50\] \|/);
    expect(s.setup).toContain('| baseline | 7 | 12 | 2 | correct | 3 req | loop | 0 ms | axios alone 250 [250–250] µs per call |');
    expect(s['recommendation-basis']).toContain("callbacks 300 µs (transport 250, model's own 50)");
    expect(s['recommendation-basis']).toContain('the raw transport (axios alone 250 [250–250] µs per call)');
  });

  it("says the transport's share was not measured rather than inventing one", () => {
    const plain = { ...inputs(), baseline: compareReportSchema.parse(buildReport(buildPlan({ name: 'baseline', seed: 7 }, { runs: REPETITIONS, variant: 'correct' }), records(3, [1, 1, 1, 1]))) };
    const s = analysisSections(plain);
    expect(s['claim-1']).toMatch(/\| Callbacks \| [^|]+ \| [^|]+ \| [^|]+ \| 300 \[300–300\] \| — \| — \|/);
    expect(s.setup).toContain('axios alone not measured per call');
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
    expect(ANALYSIS_SECTION_NAMES).toHaveLength(16);
  });

  it('fills a document whose markers stay well-formed', () => {
    const sections = analysisSections(inputs());
    const doc = Object.keys(sections).map((name) => `## ${name}\n<!-- generated:${name} -->\n<!-- /generated:${name} -->`).join('\n\n');
    const filled = replaceGeneratedSections(doc, sections);
    expect(checkGeneratedSections(filled)).toEqual([]);
    expect(filled).toContain('Summary of verdicts');
  });
});
