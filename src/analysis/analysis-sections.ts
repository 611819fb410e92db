import { cell, formatCount, formatMs, formatP, type TableData } from '../compare/report/cells.js';
import { meanTimeChart, renderMarkdownTable } from '../compare/report/format-markdown.js';
import { formatRatio, formatUsWithInterval } from '../compare/report/report-tables.js';
import type { CompareReport, CompareResult, ReportComparison } from '../compare/report/report-schema.js';
import { ENDPOINTS } from '../domain/endpoints.js';
import { MODEL_IDS, MODEL_TITLES, type ModelId } from '../domain/models.js';
import { contenderTitle } from '../domain/contender.js';
import type { AnalysisInputs, ThreadInputs } from './analysis-inputs.js';
import { allEquivalent, combineVerdicts, deliversAsItArrives, fasterThanOthers, joinMetrics, noDataLost, verboseAndClean, type ClaimVerdict } from './verdicts.js';

const correctAt = (report: CompareReport, concurrency: number): CompareResult[] =>
  report.results.filter((r) => r.variant === 'correct' && r.concurrency === concurrency && r.runs > 0);

const comparisonsAt = (report: CompareReport, concurrency: number, metric: ReportComparison['metric']): ReportComparison[] =>
  report.comparisons.filter((c) => c.variant === 'correct' && c.concurrency === concurrency && c.metric === metric);

const verdictBlock = (v: ClaimVerdict): string => `**Verdict for Node: ${v.verdict}.** ${v.evidence}.\n\n_Rule: ${v.rule}._`;

/** One half of a claim's verdict, named: e.g. "On the event loop". */
const halfBlock = (name: string, v: ClaimVerdict): string => `**${name}: ${v.verdict}.** ${v.evidence}.\n\n_Rule: ${v.rule}._`;

const table = (t: TableData): string => renderMarkdownTable(t).replace(/^### .*\n\n/, `**${t.title}**\n\n`);

/** The CPU columns of a result: its CPU per request, the transport's share of it and the model's own (see the report's `transport` rule). */
const CPU_HEADERS = ['CPU µs/request [95% CI]', 'of which transport µs', "model's own µs [95% CI]"] as const;

const cpuCells = (r: CompareResult) => [
  cell(formatUsWithInterval(r.cost.cpuUsPerRequest)),
  cell(r.cost.transportUsPerRequest ? r.cost.transportUsPerRequest.median.toFixed(0) : '—'),
  cell(formatUsWithInterval(r.cost.modelUsPerRequest)),
];

const timeTable = (title: string, results: readonly CompareResult[]): string =>
  table({
    title,
    headers: ['Model', 'Median ms', 'Mean ms', 'p95', ...CPU_HEADERS, 'First result ms', 'Repetitions'],
    align: ['left', 'right', 'right', 'right', ...CPU_HEADERS.map(() => 'right' as const), 'right', 'right'],
    rows: results.map((r) => [
      cell(contenderTitle(r)),
      cell(formatMs(r.totalMs.p50)),
      cell(formatMs(r.totalMs.mean)),
      cell(formatMs(r.totalMs.p95)),
      ...cpuCells(r),
      cell(r.cost.firstResultMs === null ? '—' : formatMs(r.cost.firstResultMs)),
      cell(String(r.runs)),
    ]),
  });

/** The raw transport's CPU per call at a level of a report (its raw-transport loads: the transport alone, no model), e.g. `axios alone 228 µs per call`. */
const rawTransportAt = (report: CompareReport, concurrency: number): string => {
  const perCall = report.transportLoads.find((t) => t.concurrency === concurrency)?.cpuUsPerCall;
  return `${report.transport} alone ${perCall ? `${formatUsWithInterval(perCall)} µs` : 'not measured'} per call`;
};

/** The paired comparisons as a table: a vs b, ratio, interval, Holm p, outcome. */
const comparisonTable = (title: string, comparisons: readonly ReportComparison[]): string =>
  table({
    title,
    headers: ['Metric', 'a vs b', 'a/b (median of paired ratios)', '95% CI', 'p (Holm)', 'Outcome for a'],
    align: ['left', 'left', 'right', 'right', 'right', 'left'],
    rows: comparisons.map((c) => [
      cell(c.metric === 'totalMs' ? 'total time' : 'CPU/request'),
      cell(`${c.a} vs ${c.b}`),
      cell(c.ratio === null ? '—' : formatRatio(c.ratio)),
      cell(c.ci95 ? `${formatRatio(c.ci95[0])} … ${formatRatio(c.ci95[1])}` : '—'),
      cell(c.pHolm === null ? '—' : formatP(c.pHolm)),
      cell(c.outcome),
    ]),
  });

const highestLevel = (report: CompareReport): number => Math.max(...report.concurrency);
const lowestLevel = (report: CompareReport): number => Math.min(...report.concurrency);

const levelName = (report: CompareReport, c: number): string => {
  const inFlight = report.inFlight[report.concurrency.indexOf(c)];
  return inFlight === undefined ? `${formatCount(c)} req` : `${formatCount(inFlight)} in flight`;
};

/** Claim 3 evidence: how time and CPU per request grow with the requests in flight, per model. */
const growthTable = (report: CompareReport): string => {
  const low = lowestLevel(report);
  const high = highestLevel(report);
  const of = (model: ModelId, c: number) => report.results.find((x) => x.model === model && x.variant === 'correct' && x.concurrency === c);
  return table({
    title: 'Per request, as requests in flight grow: median CPU µs · mean ms of load time (each load sends 2 × in-flight requests)',
    headers: ['Model', ...report.concurrency.map((c) => levelName(report, c)), `CPU growth ${levelName(report, low)} → ${levelName(report, high)}`],
    align: ['left', ...report.concurrency.map(() => 'right' as const), 'right'],
    rows: MODEL_IDS.filter((m) => report.models.includes(m)).map((model) => {
      const lowCpu = of(model, low)?.cost.cpuUsPerRequest?.median;
      const highCpu = of(model, high)?.cost.cpuUsPerRequest?.median;
      return [
        cell(MODEL_TITLES[model]),
        ...report.concurrency.map((c) => {
          const r = of(model, c);
          return cell(r ? `${r.cost.cpuUsPerRequest?.median.toFixed(0) ?? '—'} µs · ${formatMs(r.msPerRequest)} ms` : '—');
        }),
        cell(lowCpu && highCpu ? `×${(highCpu / lowCpu).toFixed(2)}` : '—'),
      ];
    }),
  });
};

const lossTable = (report: CompareReport, variant: 'correct' | 'naive'): string =>
  table({
    title: `${variant === 'correct' ? 'Correct' : 'Naive'} variants with /categorias timing out (${report.runs} runs each)`,
    headers: ['Model', 'Runs with data preserved', ...ENDPOINTS.map((e) => `/${e} ok/failed/lost`), 'First failure heard, ms'],
    align: ['left', 'right', ...ENDPOINTS.map(() => 'right' as const), 'right'],
    rows: report.results
      .filter((r) => r.variant === variant)
      .map((r) => [
        cell(MODEL_TITLES[r.model]),
        cell(`${r.preservedRuns}/${r.runs}`),
        ...ENDPOINTS.map((e) => cell(`${r.endpoints[e].ok}/${r.endpoints[e].failed}/${r.endpoints[e].lost}`)),
        cell(r.cost.firstFailureMs === null ? '—' : formatMs(r.cost.firstFailureMs)),
      ]),
  });

const preservation = (report: CompareReport, variant: 'correct' | 'naive') =>
  report.results.filter((r) => r.variant === variant).map((r) => ({ model: r.model, runs: r.runs, preservedRuns: r.preservedRuns }));

const orDash = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));

/** The thread comparisons' results at one level: time, CPU and memory beside what the threads cost (— on the loop). */
const threadCostTable = (title: string, reports: readonly CompareReport[], level: (report: CompareReport) => number): string =>
  table({
    title,
    headers: ['Contender', 'CPU work per response', 'Median ms', ...CPU_HEADERS, 'Peak RSS MB', 'Threads per load', 'Start-up ms/thread', 'RSS MB/thread', 'Handoff µs/response'],
    align: ['left', 'right', 'right', ...CPU_HEADERS.map(() => 'right' as const), 'right', 'right', 'right', 'right', 'right'],
    rows: reports.flatMap((report) =>
      correctAt(report, level(report)).map((r) => [
        cell(contenderTitle(r)),
        cell(`${report.workMs} ms`),
        cell(formatMs(r.totalMs.p50)),
        ...cpuCells(r),
        cell(orDash(r.cost.peakRssMb, 0)),
        cell(orDash(r.cost.threads, 0)),
        cell(orDash(r.cost.threadStartupMs, 1)),
        cell(orDash(r.cost.rssPerThreadMb, 1)),
        cell(orDash(r.cost.handoffUs, 0)),
      ]),
    ),
  });

/** Claim 3's thread evidence: time and CPU per request of each contender along the sweep, without and with CPU work. */
const threadGrowthTable = (threads: ThreadInputs): string => {
  const reports = [threads.sweep, threads.sweepWork];
  const levels = threads.sweep.concurrency;
  return table({
    title: 'Per request, as requests in flight grow, on threads and on the loop: median CPU µs · mean ms of load time',
    headers: ['Contender', 'CPU work per response', ...levels.map((c) => levelName(threads.sweep, c))],
    align: ['left', 'right', ...levels.map(() => 'right' as const)],
    rows: reports.flatMap((report) =>
      correctAt(report, report.concurrency[0] ?? 0).map((first) => [
        cell(contenderTitle(first)),
        cell(`${report.workMs} ms`),
        ...report.concurrency.map((c) => {
          const r = report.results.find((x) => x.model === first.model && x.executor === first.executor && x.variant === 'correct' && x.concurrency === c);
          return cell(r ? `${r.cost.cpuUsPerRequest?.median.toFixed(0) ?? '—'} µs · ${formatMs(r.msPerRequest)} ms` : '—');
        }),
      ]),
    ),
  });
};

/** Async/await against each thread contender of one report at one level, on one metric. */
const asyncVersusThreads = (report: CompareReport, level: number, metric: ReportComparison['metric']): ReportComparison[] =>
  comparisonsAt(report, level, metric).filter((c) => c.a === 'async-await' || c.b === 'async-await');

/** The thread half of a claim: async/await "faster" than callbacks and futures on threads, on time and CPU, without and with CPU work. */
const threadHalf = (reports: readonly CompareReport[], level: (report: CompareReport) => number, where: string): ClaimVerdict =>
  joinMetrics(
    reports.flatMap((report) => [
      fasterThanOthers('async-await', asyncVersusThreads(report, level(report), 'totalMs'), `total time with ${report.workMs} ms of CPU work`),
      fasterThanOthers('async-await', asyncVersusThreads(report, level(report), 'cpuUsPerRequest'), `CPU per request with ${report.workMs} ms of CPU work`),
    ]),
    `at ${where}, async-await (on the event loop) against callbacks and futures on worker threads (a pool started inside each load), paired by repetition, on total time and on CPU per request (every thread of the process counted), without and with CPU work on each response: holds when "faster" than both on every one; the verdicts combined as the metrics of claim 2`,
  );

/** A claim's two halves joined: the same verdict stays; any "holds" or "partly holds" with something else is "partly holds". */
const bothHalves = (loop: ClaimVerdict, threads: ClaimVerdict, claim: string): ClaimVerdict =>
  joinMetrics([loop, threads], `${claim}: the verdict on the event loop (async-await against the other models there) and the verdict against threads (async-await against callbacks and futures on worker threads), combined as the metrics are`);

/** Claim 5's use-case rows, each judged by what it says. */
const useCaseRows = (inputs: AnalysisInputs, claim1: ClaimVerdict, claim3: ClaimVerdict, claim3Threads: ClaimVerdict) => {
  const arrivals = correctAt(inputs.baseline, 3).map((r) => ({ model: r.model, firstResultMs: r.cost.firstResultMs, totalMs: r.totalMs.p50 }));
  const firstResult = deliversAsItArrives('callbacks', arrivals);
  const simplicity = verboseAndClean(inputs.codeSizes.map((s) => ({ model: s.model, lines: s.loadLines + s.supportLines })), 'callbacks', 'async-await');
  return [
    { useCase: '3–10 requests', seed: 'all models are fine', verdict: claim1, note: 'as claim 1' },
    { useCase: '100+ requests', seed: 'threads are costly; async/await is ideal', verdict: claim3, note: `as claim 3; against threads (async/await faster than callbacks and futures on worker threads): ${claim3Threads.verdict}` },
    { useCase: 'UI showing data as it arrives', seed: 'callbacks are ideal', verdict: firstResult, note: firstResult.evidence },
    { useCase: 'Code simplicity', seed: 'callbacks verbose, async/await clean', verdict: simplicity, note: simplicity.evidence },
  ];
};

/** The names of the sections {@link analysisSections} writes: docs/analysis.md has a marker pair for each. */
export const ANALYSIS_SECTION_NAMES: readonly string[] = [
  'setup',
  ...MODEL_IDS.map((m) => `excerpt-${m}`),
  'code-size',
  'naive-loss',
  'verdicts',
  'claim-1',
  'claim-2',
  'claim-2-threads',
  'claim-3',
  'claim-3-threads',
  'claim-4',
  'claim-5',
  'recommendation-basis',
];

/**
 * The generated sections of docs/analysis.md, keyed by marker name. Pure: every figure and every
 * verdict is computed here from the measured inputs with the rules in verdicts.ts.
 */
export const analysisSections = (inputs: AnalysisInputs): Record<string, string> => {
  const three = correctAt(inputs.baseline, 3);
  const top = highestLevel(inputs.scale);
  const atTop = correctAt(inputs.scale, top);
  const claim1 = allEquivalent(comparisonsAt(inputs.baseline, 3, 'totalMs'), inputs.baseline.margin);
  const pairedRule = (where: string) => `at ${where}, async-await against each other model, paired by repetition, on total time and on CPU per request: holds when "faster" than every model on both; the two metrics' verdicts combined (the same verdict stays; any "holds" or "partly holds" with something else is "partly holds"; "does not hold" with "inconclusive" is "does not hold")`;
  const claim2Loop = joinMetrics([fasterThanOthers('async-await', comparisonsAt(inputs.baseline, 3, 'totalMs'), 'total time'), fasterThanOthers('async-await', comparisonsAt(inputs.baseline, 3, 'cpuUsPerRequest'), 'CPU per request')], pairedRule('3 requests'));
  const claim3Loop = joinMetrics([fasterThanOthers('async-await', comparisonsAt(inputs.scale, top, 'totalMs'), 'total time'), fasterThanOthers('async-await', comparisonsAt(inputs.scale, top, 'cpuUsPerRequest'), 'CPU per request')], pairedRule(levelName(inputs.scale, top)));
  const { threads } = inputs;
  const threadTop = highestLevel(threads.sweep);
  const claim2Threads = threadHalf([threads.page, threads.pageWork], lowestLevel, '3 requests');
  const claim3Threads = threadHalf([threads.sweep, threads.sweepWork], highestLevel, levelName(threads.sweep, threadTop));
  const claim2 = bothHalves(claim2Loop, claim2Threads, 'claim 2');
  const claim3 = bothHalves(claim3Loop, claim3Threads, 'claim 3');
  const claim4 = noDataLost(preservation(inputs.categoriasTimeout, 'correct'), preservation(inputs.categoriasTimeout, 'naive'));
  const rows = useCaseRows(inputs, claim1, claim3, claim3Threads);
  const claim5: ClaimVerdict = {
    verdict: combineVerdicts(rows.map((r) => r.verdict.verdict)),
    rule: `each row by what it says: row 1 as claim 1; row 2 as claim 3 (its event-loop and thread halves); row 3: ${rows[2]?.verdict.rule}; row 4: ${rows[3]?.verdict.rule}; the rows combined as in claim 2`,
    evidence: rows.map((r) => `${r.useCase}: ${r.verdict.verdict}`).join('; '),
  };
  const excerpt = (model: ModelId) => `\`\`\`ts\n${inputs.excerpts[model].trimEnd()}\n\`\`\``;
  const claims = [
    ['1', 'The models perform alike for 3 requests', claim1],
    ['2', 'Async/await is slightly faster', claim2],
    ['3', 'Async/await scales better into the thousands', claim3],
    ['4', 'No data is lost when errors are handled correctly', claim4],
    ['5', 'The use-case table', claim5],
  ] as const;
  const cpuAtThree = three
    .map((r) => `${r.model} ${r.cost.cpuUsPerRequest?.median.toFixed(0) ?? '—'} µs (transport ${r.cost.transportUsPerRequest?.median.toFixed(0) ?? '—'}, model's own ${r.cost.modelUsPerRequest?.median.toFixed(0) ?? '—'})`)
    .join(', ');

  return {
    setup: [
      `Measured by \`${inputs.command}\`. ${inputs.environment}`,
      '',
      table({
        title: 'The comparisons behind this document',
        headers: ['Scenario', 'Seed', 'Repetitions', 'Warm-up', 'Variants', 'Levels', 'Executors of callbacks and futures', 'CPU work per response', 'Transport (alone, per call, first level)', 'Pairing', 'Margin'],
        align: ['left', 'right', 'right', 'right', 'left', 'left', 'left', 'right', 'left', 'left', 'right'],
        rows: [inputs.baseline, inputs.categoriasTimeout, inputs.scale, threads.page, threads.pageWork, threads.sweep, threads.sweepWork].map((r) => [
          cell(r.scenario),
          cell(String(r.seed)),
          cell(String(r.runs)),
          cell(String(r.warmup)),
          cell(r.variants.join(', ')),
          cell(r.concurrency.map((c) => levelName(r, c)).join(', ')),
          cell(r.executors.join(', ')),
          cell(`${r.workMs} ms`),
          cell(rawTransportAt(r, r.concurrency[0] ?? 0)),
          cell(r.pairing === 'server-plan' ? 'same server plan' : 'order only'),
          cell(`±${(r.margin * 100).toFixed(0)} %`),
        ]),
      }),
    ].join('\n'),
    ...Object.fromEntries(MODEL_IDS.map((model) => [`excerpt-${model}`, excerpt(model)])),
    'code-size': table({
      title: 'Lines of code (non-blank, non-comment) of each model, correct variant only',
      headers: ['Model', 'The load', 'Support Node lacks', 'Counted alike (load + support)', 'Files (load; support)'],
      align: ['left', 'right', 'right', 'right', 'left'],
      rows: inputs.codeSizes.map((s) => [
        cell(MODEL_TITLES[s.model]),
        cell(String(s.loadLines)),
        cell(s.supportFiles.length > 0 ? String(s.supportLines) : '—'),
        cell(String(s.loadLines + s.supportLines)),
        cell([s.loadFiles, s.supportFiles].map((files) => files.map((f) => `\`${f}\``).join(', ')).filter(Boolean).join('; ')),
      ]),
    }),
    'naive-loss': lossTable(inputs.categoriasTimeout, 'naive'),
    'claim-1': [meanTimeChart(inputs.baseline, 3), timeTable('Three requests, no faults: load time and cost', three), comparisonTable('Three requests: every pair, paired by repetition', comparisonsAt(inputs.baseline, 3, 'totalMs')), verdictBlock(claim1)].join('\n\n'),
    'claim-2': [comparisonTable('Three requests: async/await against each model, total time and CPU per request', [...comparisonsAt(inputs.baseline, 3, 'totalMs'), ...comparisonsAt(inputs.baseline, 3, 'cpuUsPerRequest')].filter((c) => c.a === 'async-await' || c.b === 'async-await')), halfBlock('On the event loop', claim2Loop)].join('\n\n'),
    'claim-2-threads': [
      threadCostTable('Three requests: async/await on the loop, callbacks and futures on worker threads — time, CPU, memory and what the threads cost', [threads.page, threads.pageWork], lowestLevel),
      ...[threads.page, threads.pageWork].map((report) =>
        comparisonTable(`Three requests, ${report.workMs} ms of CPU work per response: async/await against the thread pools`, [...asyncVersusThreads(report, lowestLevel(report), 'totalMs'), ...asyncVersusThreads(report, lowestLevel(report), 'cpuUsPerRequest')]),
      ),
      halfBlock('Against threads', claim2Threads),
      verdictBlock(claim2),
    ].join('\n\n'),
    'claim-3': [
      growthTable(inputs.scale),
      timeTable(`${levelName(inputs.scale, top)} (${formatCount(top)} requests per load): load time and cost`, atTop),
      comparisonTable(`${levelName(inputs.scale, top)}: async/await against each model`, [...comparisonsAt(inputs.scale, top, 'totalMs'), ...comparisonsAt(inputs.scale, top, 'cpuUsPerRequest')].filter((c) => c.a === 'async-await' || c.b === 'async-await')),
      halfBlock('On the event loop', claim3Loop),
    ].join('\n\n'),
    'claim-3-threads': [
      threadGrowthTable(threads),
      threadCostTable(`${levelName(threads.sweep, threadTop)}: time, CPU, memory and what the threads cost`, [threads.sweep, threads.sweepWork], highestLevel),
      ...[threads.sweep, threads.sweepWork].map((report) =>
        comparisonTable(`${levelName(report, highestLevel(report))}, ${report.workMs} ms of CPU work per response: async/await against the thread pools`, [
          ...asyncVersusThreads(report, highestLevel(report), 'totalMs'),
          ...asyncVersusThreads(report, highestLevel(report), 'cpuUsPerRequest'),
        ]),
      ),
      halfBlock('Against threads', claim3Threads),
      verdictBlock(claim3),
    ].join('\n\n'),
    'claim-4': [lossTable(inputs.categoriasTimeout, 'correct'), verdictBlock(claim4)].join('\n\n'),
    'claim-5': [
      table({
        title: "The seed's use-case table, re-tested",
        headers: ['Use case', 'The seed said', 'Verdict for Node', 'Measured'],
        align: ['left', 'left', 'left', 'left'],
        rows: rows.map((r) => [cell(r.useCase), cell(r.seed), cell(r.verdict.verdict), cell(r.note)]),
      }),
      verdictBlock(claim5),
    ].join('\n\n'),
    verdicts: table({
      title: 'Summary of verdicts',
      headers: ['#', 'Claim of the seed', 'Verdict for Node'],
      align: ['right', 'left', 'left'],
      rows: claims.map(([n, claim, v]) => [cell(n), cell(claim), cell(v.verdict)]),
    }),
    'recommendation-basis': [
      'The recommendation below rests on these generated verdicts and costs:',
      '',
      `- claim 1 (alike for the page's three requests): **${claim1.verdict}**;`,
      `- claim 2 (async/await faster at three requests): **${claim2.verdict}** — on the event loop ${claim2Loop.verdict}, against callbacks and futures on worker threads ${claim2Threads.verdict};`,
      `- claim 3 (async/await scales better, up to ${levelName(inputs.scale, top)} on the loop and ${levelName(threads.sweep, threadTop)} against threads): **${claim3.verdict}** — on the event loop ${claim3Loop.verdict}, against threads ${claim3Threads.verdict};`,
      `- claim 4 (no data lost when errors are handled correctly): **${claim4.verdict}**, and the naive variants lose data: ${preservation(inputs.categoriasTimeout, 'naive').map((r) => `${r.model} ${r.runs - r.preservedRuns}/${r.runs} runs`).join(', ')};`,
      `- claim 5, "UI showing data as it arrives": **${rows[2]?.verdict.verdict}** — ${rows[2]?.note};`,
      `- client CPU per request at three requests (median): ${cpuAtThree}; the raw transport (${rawTransportAt(inputs.baseline, 3)}) measured beside them.`,
    ].join('\n'),
  };
};
