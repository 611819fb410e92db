import { ENDPOINTS } from '../../domain/endpoints.js';
import { cell, formatCount, formatMs, type Cell, type TableData } from './cells.js';
import type { CompareReport, CompareResult } from './report-schema.js';
import { sanitizeText } from '../../domain/sanitize-text.js';

const meanWithInterval = (result: CompareResult): string => {
  const { mean, ci95 } = result.totalMs;
  return ci95 ? `${formatMs(mean)} ± ${formatMs((ci95[1] - ci95[0]) / 2)}` : formatMs(mean);
};

const verdictCell = (result: CompareResult): Cell => {
  const c = result.comparison;
  if (!c) return cell('—', 'muted');
  if (c.verdict === 'fastest') return cell('fastest', 'good');
  const diff = `${c.medianDiffMs >= 0 ? '+' : ''}${formatMs(c.medianDiffMs)} ms`;
  if (c.verdict === 'too few runs') return cell(`too few runs (${diff})`, 'muted');
  return c.verdict === 'slower' ? cell(`slower ${diff}`, 'bad') : cell(`no meaningful difference (${diff})`, 'muted');
};

const endpointCell = (result: CompareResult, endpoint: (typeof ENDPOINTS)[number]): Cell => {
  const e = result.endpoints[endpoint];
  return cell(`${e.ok}/${e.failed}/${e.lost}`, e.lost > 0 ? 'bad' : undefined);
};

const reasonsText = (result: CompareResult): string => {
  const reasons = ENDPOINTS.flatMap((endpoint) => Object.entries(result.endpoints[endpoint].reasons).map(([reason, n]) => `${endpoint} ${reason} ×${n}`));
  return reasons.length > 0 ? reasons.join(', ') : '—';
};

/** Timing of each model × variant at one concurrency level. */
export const timingTable = (results: readonly CompareResult[], concurrency: number): TableData => ({
  title: `Total time per load, ms — ${formatCount(concurrency)} requests per load`,
  headers: ['Model', 'Variant', 'Mean ± 95% CI', 'p50', 'p95', 'p99', 'Min', 'Max', 'SD', 'First result p50', 'vs fastest'],
  align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  rows: results.map((r) => [
    cell(r.model),
    cell(r.variant),
    cell(meanWithInterval(r)),
    cell(formatMs(r.totalMs.p50)),
    cell(formatMs(r.totalMs.p95)),
    cell(formatMs(r.totalMs.p99)),
    cell(formatMs(r.totalMs.min)),
    cell(formatMs(r.totalMs.max)),
    cell(r.totalMs.stddev === null ? '—' : formatMs(r.totalMs.stddev)),
    cell(r.firstResultMs ? formatMs(r.firstResultMs.p50) : '—'),
    verdictCell(r),
  ]),
});

/** What each model × variant did with the data at one concurrency level, with the server's ground truth and the client's cost. */
export const dataTable = (results: readonly CompareResult[], concurrency: number, serverCheck: CompareReport['serverCheck'] = 'measured'): TableData => ({
  title: `Data and cost — ${formatCount(concurrency)} requests per load (per endpoint: ok/failed/lost over all runs)`,
  headers: ['Model', 'Variant', ...ENDPOINTS, 'Preserved', 'Sent', 'Server ok', 'CPU ms', 'Peak RSS MB', 'Failures'],
  align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  rows: results.map((r) => [
    cell(r.model),
    cell(r.variant),
    ...ENDPOINTS.map((endpoint) => endpointCell(r, endpoint)),
    cell(`${r.preservedRuns}/${r.runs}`, r.preservedRuns === r.runs ? 'good' : 'bad'),
    cell(r.retries > 0 ? `${formatCount(r.attempts)} (+${formatCount(r.retries)})` : formatCount(r.attempts)),
    serverCheck === 'unavailable'
      ? cell('n/a', 'muted')
      : cell(`${formatCount(ENDPOINTS.reduce((n, e) => n + r.endpoints[e].serverOk, 0))}${r.serverMismatchRuns > 0 ? ` (≠ in ${r.serverMismatchRuns})` : ''}`, r.serverMismatchRuns > 0 ? 'bad' : undefined),
    cell(formatMs(r.cpuMs.mean)),
    cell(r.peakRssMb.toFixed(0)),
    cell(reasonsText(r), 'muted'),
  ]),
});

/** Mean time per request (ms) of each model × variant across the concurrency levels. */
export const scalingTable = (report: CompareReport): TableData => {
  const keys = [...new Set(report.results.map((r) => `${r.model} ${r.variant}`))];
  return {
    title: 'Mean time per request, ms (total time ÷ requests per load)',
    headers: ['Model', 'Variant', ...report.concurrency.map((c) => `×${formatCount(c)}`)],
    align: ['left', 'left', ...report.concurrency.map(() => 'right' as const)],
    rows: keys.map((key) => {
      const [model = '', variant = ''] = key.split(' ');
      return [
        cell(model),
        cell(variant),
        ...report.concurrency.map((c) => {
          const found = report.results.find((r) => `${r.model} ${r.variant}` === key && r.concurrency === c);
          return cell(found && found.runs > 0 ? formatMs(found.msPerRequest) : '—');
        }),
      ];
    }),
  };
};

/** Every table of a report, in reading order: per level timing and data, then scaling when there are several levels. */
export const reportTables = (report: CompareReport): TableData[] => [
  ...report.concurrency.flatMap((c) => {
    const results = report.results.filter((r) => r.concurrency === c);
    return [timingTable(results, c), dataTable(results, c, report.serverCheck)];
  }),
  ...(report.concurrency.length > 1 ? [scalingTable(report)] : []),
];

/** The scenario header lines: name, description, and the settings the numbers came from. */
export const reportHeader = (report: CompareReport): string[] => [
  sanitizeText(`Scenario ${report.scenario}${report.description ? ` — ${report.description}` : ''}`),
  `seed ${report.seed} · ${report.runs} runs + ${report.warmup} warm-up per model × variant × level, interleaved · deadline ${report.client.deadlineMs} ms · retries ${report.client.retries} · at most ${report.client.maxInFlight} in flight` +
    (report.serverCheck === 'unavailable' ? ' · server cross-check unavailable: the target has no control API, so "Server ok" is n/a' : '') +
    (report.partial ? ' · PARTIAL: interrupted (Ctrl+C) before every run was measured' : ''),
];
