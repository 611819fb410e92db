import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { csvField, formatCsv } from '../../src/compare/report/format-csv.js';
import { formatMarkdown, renderMarkdownTable } from '../../src/compare/report/format-markdown.js';
import { formatReport } from '../../src/compare/report/format-report.js';
import { formatTable, renderTextTable } from '../../src/compare/report/format-table.js';
import { compareReportSchema } from '../../src/compare/report/report-schema.js';
import { runRecord } from './fixtures.js';

const plan = buildPlan({ name: 'fixed', description: 'fixed runs', runs: 4, warmup: 0, models: ['callbacks', 'reactive'], variant: 'both', concurrency: [3], seed: 5 });
const records = [0, 1, 2, 3].flatMap((run) => [
  runRecord('callbacks', 'correct', run, 250 + run),
  runRecord('reactive', 'correct', run, 300 + run),
  runRecord('callbacks', 'naive', run, 250 + run),
  runRecord('reactive', 'naive', run, 251 + run),
]);
const report = buildReport(plan, records);
const result = (model: string, variant: string) => report.results.find((r) => r.model === model && r.variant === variant)!;

describe('buildReport', () => {
  it('summarizes each model × variant × level with the preserved runs and the server truth', () => {
    expect(report.results.map((r) => `${r.model} ${r.variant}`)).toEqual(['callbacks correct', 'reactive correct', 'callbacks naive', 'reactive naive']);
    expect(result('callbacks', 'correct')).toMatchObject({
      runs: 4,
      totalMs: { count: 4, mean: 251.5, min: 250, max: 253, p50: 251.5 },
      msPerRequest: 251.5 / 3,
      preservedRuns: 4,
      attempts: 12,
      retries: 0,
      serverReceived: 12,
      serverMismatchRuns: 0,
      endpoints: { categorias: { ok: 0, failed: 4, lost: 0, reasons: { timeout: 4 }, serverOk: 0 }, perfil: { ok: 4, serverOk: 4 } },
    });
    expect(result('callbacks', 'naive')).toMatchObject({ preservedRuns: 0, endpoints: { perfil: { ok: 0, lost: 4, reasons: { discarded: 4 } } } });
    expect(result('callbacks', 'correct').peakRssMb).toBe(103);
  });

  it('compares every pair of models on paired repetitions, on total time and CPU per request, with Holm-adjusted p-values', () => {
    const runs = Array.from({ length: 12 }, (_, run) => run);
    // Repetitions differ a lot between each other (the server), but within one, reactive is always ~20 % slower than callbacks,
    // and the naive variants stay within 1 % of each other.
    const wide = buildReport({ ...plan, runs: runs.length }, runs.flatMap((run) => {
      const level = 200 + ((run * 37) % 100);
      return [
        runRecord('callbacks', 'correct', run, level),
        runRecord('reactive', 'correct', run, level * (1.2 + (run % 3) * 0.01)),
        runRecord('callbacks', 'naive', run, level),
        runRecord('reactive', 'naive', run, level * (1.001 + (run % 2) * 0.002)),
      ];
    }));
    const time = (variant: string) => wide.comparisons.find((c) => c.metric === 'totalMs' && c.variant === variant)!;
    expect(time('correct')).toMatchObject({ a: 'callbacks', b: 'reactive', pairs: 12, outcome: 'faster' });
    expect(time('correct').ratio).toBeCloseTo(1 / 1.21, 2);
    expect(time('naive')).toMatchObject({ outcome: 'equivalent' });
    expect(wide.comparisons.map((c) => c.metric)).toEqual(['totalMs', 'totalMs', 'cpuUsPerRequest', 'cpuUsPerRequest']);
    for (const c of wide.comparisons) expect(c.pHolm).toBeGreaterThanOrEqual(c.pValue);
    expect(wide.pairing).toBe('server-plan');
  });

  it('gives no outcome below ten repetitions, however far apart', () => {
    expect(report.comparisons.every((c) => c.outcome === 'too few runs' && c.pHolm === null)).toBe(true);
  });

  it("reports each contender's own cost, null where there was nothing to measure", () => {
    expect(result('callbacks', 'correct').cost).toMatchObject({ cpuUsPerRequest: { median: expect.closeTo((1000 * 3.5) / 3, 9) }, eventLoopP99Ms: 2.5, peakRssMb: 103, firstResultMs: 21.5, firstFailureMs: null });
    expect(result('callbacks', 'correct').cost.cpuUsPerRequest?.ci95).not.toBeNull();
  });

  it('lists every run with its repetition and server plan, and says when pairing is by order only', () => {
    expect(report.records).toHaveLength(16);
    expect(report.records[0]).toMatchObject({ model: 'callbacks', variant: 'correct', repetition: 0, serverPlan: 'plan0', inFlight: 100 });
    const unseeded = buildReport(plan, records.map((r) => ({ ...r, serverPlan: null })));
    expect(unseeded.pairing).toBe('repetition-order');
    expect(formatTable(unseeded, { color: false })).toContain('paired by repetition order only');
  });

  it('counts a run where the server answered more than the model delivered as not preserved', () => {
    const odd = { ...runRecord('callbacks', 'correct', 0, 250), server: { productos: { received: 1, ok: 1 }, categorias: { received: 1, ok: 1 }, perfil: { received: 1, ok: 1 } } };
    const single = buildReport(buildPlan({ name: 'x', models: ['callbacks'], variant: 'correct' }), [odd]);
    expect(single.results[0]).toMatchObject({ preservedRuns: 0, serverMismatchRuns: 1 });
  });

  it('validates against the exported schema and is reproducible', () => {
    expect(compareReportSchema.safeParse(report).success).toBe(true);
    expect(buildReport(plan, records)).toEqual(report);
    expect(compareReportSchema.parse(JSON.parse(formatReport(report, 'json', { color: false })))).toEqual(report);
  });
});

describe('CSV', () => {
  it('quotes fields that hold commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('has a header and one row per model × variant × level, all of the same width', () => {
    const lines = formatCsv(report).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 4);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['scenario', 'model', 'variant', 'concurrency', 'runs', 'mean_ms']);
    expect(header).toEqual(expect.arrayContaining(['in_flight', 'cpu_us_per_request', 'event_loop_p99_ms', 'first_result_ms', 'first_failure_ms']));
    for (const line of lines) expect(line.split(',')).toHaveLength(header.length);
    const row = Object.fromEntries(header.map((name, i) => [name, lines[3]!.split(',')[i]]));
    expect(row).toMatchObject({ model: 'callbacks', variant: 'naive', mean_ms: '251.5', perfil_lost: '4', perfil_reasons: 'discarded=4', preserved_runs: '0', event_loop_p99_ms: '2.5', first_failure_ms: '' });
  });
});

describe('markdown', () => {
  it('renders tables with escaped cells and right-aligned numbers', () => {
    const table = renderMarkdownTable({ title: 'T', headers: ['Name', 'ms'], align: ['left', 'right'], rows: [[{ text: 'a|b' }, { text: '1.0' }]] });
    expect(table).toBe('### T\n\n| Name | ms |\n| --- | ---: |\n| a\\|b | 1.0 |');
  });

  it('includes a Mermaid bar chart of the mean time of every model × variant', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('```mermaid\nxychart-beta\n');
    expect(markdown).toContain('x-axis ["callbacks correct", "reactive correct", "callbacks naive", "reactive naive"]');
    expect(markdown).toContain(`bar [${[251.5, 301.5, 251.5, 252.5].map((v) => v.toFixed(1)).join(', ')}]`);
    expect(markdown).toContain('| callbacks | naive | 4/0/0 | 0/4/0 | 0/0/4 | 0/4 |');
  });
});

describe('terminal table', () => {
  it('aligns columns by their text and colors only when allowed', () => {
    const table = { title: 'T', headers: ['Model', 'ms'], align: ['left', 'right'] as const, rows: [[{ text: 'callbacks' }, { text: '1.5', tone: 'bad' as const }], [{ text: 'futures' }, { text: '12.25' }]] };
    expect(renderTextTable(table, false)).toBe('T\nModel         ms\ncallbacks    1.5\nfutures    12.25');
    expect(renderTextTable(table, true)).toContain('\u001b[31m1.5\u001b[39m');
  });

  it('prints no escape codes without color', () => {
    const plain = formatTable(report, { color: false });
    expect(plain).not.toContain('\u001b[');
    expect(plain).toContain('Scenario fixed — fixed runs');
    expect(formatTable(report, { color: true })).toContain('\u001b[');
  });

  it('adds a time-per-request table across levels when there are several', () => {
    const levels = buildPlan({ name: 'sweep', models: ['futures'], variant: 'correct', concurrency: [3, 300], runs: 2 });
    const sweep = buildReport(levels, [0, 1].flatMap((run) => [runRecord('futures', 'correct', run, 30, 3), runRecord('futures', 'correct', run, 600, 300)]));
    const text = formatTable(sweep, { color: false });
    expect(text).toContain('mean time per request, ms');
    expect(text).toMatch(/futures\s+correct\s+10\.0 · 833 µs\s+2\.00 · 8 µs/);
  });
});

describe('thread contenders in the report', () => {
  const threadPlan = buildPlan({ name: 'threads', runs: 2, warmup: 0, models: ['futures', 'async-await'], executors: ['loop', 'threads'], workMs: 20, variant: 'correct', concurrency: [3], seed: 5 });
  const threadRecords = [0, 1].flatMap((run) => [
    runRecord('futures', 'correct', run, 250 + run),
    { ...runRecord('futures', 'correct', run, 200 + run), executor: 'threads' as const, threads: { threads: 3, startupMs: 15 + run, rssPerThreadMb: 9, handoffUs: 40 + run } },
    runRecord('async-await', 'correct', run, 260 + run),
  ]);
  const threaded = buildReport(threadPlan, threadRecords);

  it('makes each executor of a thread-pool model its own contender, with its own arm in every comparison', () => {
    expect(threaded.results.map((r) => `${r.model}/${r.executor}`)).toEqual(['futures/loop', 'futures/threads', 'async-await/loop']);
    expect(threaded.results.find((r) => r.executor === 'threads')?.totalMs.mean).toBe(200.5);
    expect(threaded.comparisons.filter((c) => c.metric === 'totalMs').map((c) => `${c.a} vs ${c.b}`)).toEqual(['futures vs futures (threads)', 'futures vs async-await', 'futures (threads) vs async-await']);
    expect(threaded).toMatchObject({ executors: ['loop', 'threads'], workMs: 20 });
    expect(compareReportSchema.parse(JSON.parse(formatReport(threaded, 'json', { color: false })))).toEqual(threaded);
  });

  it("fills a thread's cost for thread contenders and leaves it null on the loop", () => {
    const cost = (executor: string, model = 'futures') => threaded.results.find((r) => r.model === model && r.executor === executor)!.cost;
    expect(cost('threads')).toMatchObject({ threads: 3, threadStartupMs: 15.5, rssPerThreadMb: 9, handoffUs: 40.5 });
    for (const loop of [cost('loop'), cost('loop', 'async-await')]) expect(loop).toMatchObject({ threads: null, threadStartupMs: null, rssPerThreadMb: null, handoffUs: null });
    expect(threaded.records.find((r) => r.executor === 'threads')?.threads).toEqual({ threads: 3, startupMs: 15, rssPerThreadMb: 9, handoffUs: 40 });
    expect(threaded.records.find((r) => r.executor === 'loop')?.threads).toBeNull();
  });

  it('names the contender and shows the thread cost beside the others in the table, markdown and CSV, with a legend', () => {
    const table = formatTable(threaded, { color: false });
    expect(table).toMatch(/futures \(threads\)\s+correct/);
    expect(table).toContain('Start-up ms/thread');
    expect(table).toContain('Thread cost: threads contenders only');
    const markdown = formatMarkdown(threaded);
    expect(markdown).toContain('| futures (threads) | correct |');
    expect(markdown).toContain('| Handoff µs |');
    expect(markdown).toContain('**threadCost**');
    const [header, ...rows] = formatCsv(threaded).trimEnd().split('\n').map((line) => line.split(','));
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    expect(column('contender')).toEqual(['futures', 'futures (threads)', 'async-await']);
    expect(column('executor')).toEqual(['loop', 'threads', 'loop']);
    expect(column('thread_startup_ms')).toEqual(['', '15.5', '']);
    expect(column('handoff_us')).toEqual(['', '40.5', '']);
  });

  it('keeps a loop-only report as it was: no thread columns', () => {
    expect(formatTable(report, { color: false })).not.toContain('Start-up ms/thread');
  });

  it('reads a report written before there were executors as all on the loop', () => {
    const old = JSON.parse(formatReport(report, 'json', { color: false })) as Record<string, unknown>;
    delete old.executors;
    delete old.workMs;
    for (const r of old.results as Record<string, unknown>[]) {
      delete r.executor;
      for (const key of ['threads', 'threadStartupMs', 'rssPerThreadMb', 'handoffUs']) delete (r.cost as Record<string, unknown>)[key];
    }
    for (const r of old.records as Record<string, unknown>[]) {
      delete r.executor;
      delete r.threads;
    }
    expect(compareReportSchema.parse(old)).toMatchObject({ executors: ['loop'], workMs: 0, results: [{ executor: 'loop', cost: { threads: null } }, {}, {}, {}] });
  });
});
