import { cell, formatCount, formatMs, type TableData } from '../compare/report/cells.js';
import { meanTimeChart, renderMarkdownTable } from '../compare/report/format-markdown.js';
import type { CompareReport, CompareResult } from '../compare/report/report-schema.js';
import { ENDPOINTS } from '../domain/endpoints.js';
import { MODEL_IDS, MODEL_TITLES, type ModelId } from '../domain/models.js';
import type { AnalysisInputs } from './analysis-inputs.js';
import { combineVerdicts, fasterThanAll, noDataLost, similarPerformance, type ClaimVerdict, type MeasuredModel, type Verdict } from './verdicts.js';

const correctAt = (report: CompareReport, concurrency: number): CompareResult[] =>
  report.results.filter((r) => r.variant === 'correct' && r.concurrency === concurrency && r.runs > 0);

const measured = (results: readonly CompareResult[], pick: (r: CompareResult) => CompareResult['totalMs'] | null = (r) => r.totalMs): MeasuredModel[] =>
  results.flatMap((r) => {
    const d = pick(r);
    return d ? [{ model: r.model, meanMs: d.mean, ci95: d.ci95 ?? [d.mean, d.mean] }] : [];
  });

const verdictBlock = (v: ClaimVerdict): string => `**Verdict for Node: ${v.verdict}.** ${v.evidence}.\n\n_Rule: ${v.rule}._`;

const table = (t: TableData): string => renderMarkdownTable(t).replace(/^### .*\n\n/, `**${t.title}**\n\n`);

const timeTable = (title: string, results: readonly CompareResult[], pick: (r: CompareResult) => CompareResult['totalMs'] | null = (r) => r.totalMs): string =>
  table({
    title,
    headers: ['Model', 'Mean ms', '95% CI', 'p50', 'p95', 'Runs'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: results.map((r) => {
      const d = pick(r);
      return [cell(MODEL_TITLES[r.model]), cell(d ? formatMs(d.mean) : '—'), cell(d?.ci95 ? `${formatMs(d.ci95[0])}–${formatMs(d.ci95[1])}` : '—'), cell(d ? formatMs(d.p50) : '—'), cell(d ? formatMs(d.p95) : '—'), cell(String(r.runs))];
    }),
  });

const highestLevel = (report: CompareReport): number => Math.max(...report.concurrency);

/** Claim 3 evidence: ms per request of each model at each concurrency level. */
const scalingTable = (report: CompareReport): string =>
  table({
    title: 'Time per request (mean load time ÷ requests), ms',
    headers: ['Model', ...report.concurrency.map((c) => `${formatCount(c)} req`)],
    align: ['left', ...report.concurrency.map(() => 'right' as const)],
    rows: MODEL_IDS.filter((m) => report.models.includes(m)).map((model) => [
      cell(MODEL_TITLES[model]),
      ...report.concurrency.map((c) => {
        const r = report.results.find((x) => x.model === model && x.variant === 'correct' && x.concurrency === c);
        return cell(r ? formatMs(r.msPerRequest) : '—');
      }),
    ]),
  });

const lossTable = (report: CompareReport, variant: 'correct' | 'naive'): string =>
  table({
    title: `${variant === 'correct' ? 'Correct' : 'Naive'} variants with /categorias timing out (${report.runs} runs each)`,
    headers: ['Model', 'Runs with data preserved', ...ENDPOINTS.map((e) => `/${e} ok/failed/lost`)],
    align: ['left', 'right', ...ENDPOINTS.map(() => 'right' as const)],
    rows: report.results
      .filter((r) => r.variant === variant)
      .map((r) => [cell(MODEL_TITLES[r.model]), cell(`${r.preservedRuns}/${r.runs}`), ...ENDPOINTS.map((e) => cell(`${r.endpoints[e].ok}/${r.endpoints[e].failed}/${r.endpoints[e].lost}`))]),
  });

const preservation = (report: CompareReport, variant: 'correct' | 'naive') =>
  report.results.filter((r) => r.variant === variant).map((r) => ({ model: r.model, runs: r.runs, preservedRuns: r.preservedRuns }));

/** Claim 5's use-case rows, each with its own verdict. */
const useCaseRows = (inputs: AnalysisInputs, claim1: ClaimVerdict, claim3: ClaimVerdict) => {
  const firstResult = fasterThanAll('callbacks', measured(correctAt(inputs.baseline, 3), (r) => r.firstResultMs));
  const sizes = [...inputs.codeSizes].sort((a, b) => b.loadLines - a.loadLines);
  const verbose = sizes[0];
  const lean = sizes.at(-1);
  const simplicity: Verdict = verbose?.model === 'callbacks' && lean?.model === 'async-await' ? 'holds' : verbose?.model === 'callbacks' || lean?.model === 'async-await' ? 'partly holds' : 'does not hold';
  return [
    { useCase: '3–10 requests', seed: 'all models are fine', verdict: claim1.verdict, evidence: claim1.evidence },
    { useCase: '100+ requests', seed: 'threads are costly; async/await is ideal', verdict: claim3.verdict, evidence: `no model uses threads in Node; ${claim3.evidence}` },
    { useCase: 'UI showing data as it arrives', seed: 'callbacks are ideal', verdict: firstResult.verdict, evidence: `time to first result: ${firstResult.evidence}` },
    {
      useCase: 'Code simplicity',
      seed: 'callbacks verbose, async/await clean',
      verdict: simplicity,
      evidence: `lines of code of the load: ${sizes.map((s) => `${s.model} ${s.loadLines}`).join(', ')}`,
    },
  ];
};

/** The names of the sections {@link analysisSections} writes: docs/analysis.md has a marker pair for each. */
export const ANALYSIS_SECTION_NAMES: readonly string[] = ['setup', ...MODEL_IDS.map((m) => `excerpt-${m}`), 'code-size', 'naive-loss', 'verdicts', 'claim-1', 'claim-2', 'claim-3', 'claim-4', 'claim-5'];

/**
 * The generated sections of docs/analysis.md, keyed by marker name. Pure: every figure and every
 * verdict is computed here from the measured inputs with the rules in verdicts.ts.
 */
export const analysisSections = (inputs: AnalysisInputs): Record<string, string> => {
  const three = correctAt(inputs.baseline, 3);
  const top = highestLevel(inputs.scale);
  const atTop = correctAt(inputs.scale, top);
  const claim1 = similarPerformance(measured(three));
  const claim2 = fasterThanAll('async-await', measured(three));
  const claim3 = fasterThanAll('async-await', measured(atTop));
  const claim4 = noDataLost(preservation(inputs.categoriasTimeout, 'correct'), preservation(inputs.categoriasTimeout, 'naive'));
  const rows = useCaseRows(inputs, claim1, claim3);
  const claim5: ClaimVerdict = { verdict: combineVerdicts(rows.map((r) => r.verdict)), rule: 'each row has its own rule (rows 1–2 as claims 1 and 3; row 3: callbacks\' first-result interval below all others; row 4: callbacks the most lines of load code and async/await the fewest); the claim holds when every row does', evidence: rows.map((r) => `${r.useCase}: ${r.verdict}`).join('; ') };
  const excerpt = (model: ModelId) => `\`\`\`ts\n${inputs.excerpts[model].trimEnd()}\n\`\`\``;

  return {
    setup: [
      `Measured by \`${inputs.command}\`. ${inputs.environment}`,
      '',
      table({
        title: 'The comparisons behind this document',
        headers: ['Scenario', 'Seed', 'Runs', 'Warm-up', 'Variants', 'Requests per load'],
        align: ['left', 'right', 'right', 'right', 'left', 'left'],
        rows: [inputs.baseline, inputs.categoriasTimeout, inputs.scale].map((r) => [cell(r.scenario), cell(String(r.seed)), cell(String(r.runs)), cell(String(r.warmup)), cell(r.variants.join(', ')), cell(r.concurrency.map(formatCount).join(', '))]),
      }),
      '',
      'Within each scenario the loads run one at a time, interleaved in a seeded random order, after the warm-up runs.',
    ].join('\n'),
    ...Object.fromEntries(MODEL_IDS.map((model) => [`excerpt-${model}`, excerpt(model)])),
    'code-size': table({
      title: 'Lines of code (non-blank, non-comment) of each model for the same behaviour',
      headers: ['Model', 'The load', 'Support Node lacks', 'Files (load; support)'],
      align: ['left', 'right', 'right', 'left'],
      rows: inputs.codeSizes.map((s) => [
        cell(MODEL_TITLES[s.model]),
        cell(String(s.loadLines)),
        cell(s.supportFiles.length > 0 ? String(s.supportLines) : '—'),
        cell([s.loadFiles, s.supportFiles].map((files) => files.map((f) => `\`${f}\``).join(', ')).filter(Boolean).join('; ')),
      ]),
    }),
    'naive-loss': lossTable(inputs.categoriasTimeout, 'naive'),
    'claim-1': [meanTimeChart(inputs.baseline, 3), timeTable('Three requests, no faults: total load time', three), verdictBlock(claim1)].join('\n\n'),
    'claim-2': verdictBlock(claim2),
    'claim-3': [scalingTable(inputs.scale), meanTimeChart(inputs.scale, top), timeTable(`${formatCount(top)} requests per load: total load time`, atTop), verdictBlock(claim3)].join('\n\n'),
    'claim-4': [lossTable(inputs.categoriasTimeout, 'correct'), verdictBlock(claim4)].join('\n\n'),
    'claim-5': [
      table({
        title: "The seed's use-case table, re-tested",
        headers: ['Use case', 'The seed said', 'Verdict for Node', 'Measured'],
        align: ['left', 'left', 'left', 'left'],
        rows: rows.map((r) => [cell(r.useCase), cell(r.seed), cell(r.verdict), cell(r.evidence)]),
      }),
      timeTable('Three requests: time to the first delivered result', three, (r) => r.firstResultMs),
      verdictBlock(claim5),
    ].join('\n\n'),
    verdicts: table({
      title: 'Summary of verdicts',
      headers: ['#', 'Claim of the seed', 'Verdict for Node'],
      align: ['right', 'left', 'left'],
      rows: [
        ['1', 'The models perform alike for 3 requests', claim1.verdict],
        ['2', 'Async/await is slightly faster', claim2.verdict],
        ['3', 'Async/await scales better into the thousands', claim3.verdict],
        ['4', 'No data is lost when errors are handled correctly', claim4.verdict],
        ['5', 'The use-case table', claim5.verdict],
      ].map((r) => r.map((t) => cell(t))),
    }),
  };
};
