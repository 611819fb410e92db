import { ENDPOINTS } from '../../domain/endpoints.js';
import { cell, formatCount, formatMs, formatP, type Cell, type TableData, type Tone } from './cells.js';
import { outcomeLabel, pairsLabel } from './comparison-extras.js';
import { pairingText } from './pairing-check.js';
import { runOrderText } from './run-order.js';
import type { CompareReport, CompareResult, MedianWithInterval, ReportComparison, TransportLevel } from './report-schema.js';
import { sanitizeText } from '../../domain/sanitize-text.js';
import { contenderLabel } from '../contender.js';

const meanWithInterval = (result: CompareResult): string => {
  const { mean, ci95 } = result.totalMs;
  return ci95 ? `${formatMs(mean)} ± ${formatMs((ci95[1] - ci95[0]) / 2)}` : formatMs(mean);
};

const orDash = (value: number | null, format: (n: number) => string = formatMs): string => (value === null ? '—' : format(value));

/** A ratio as a signed percentage: 0.97 → `−3.0 %`. */
export const formatRatio = (ratio: number): string => `${ratio >= 1 ? '+' : '−'}${(Math.abs(ratio - 1) * 100).toFixed(1)} %`;

const OUTCOME_TONES: Readonly<Record<ReportComparison['outcome'], Tone | undefined>> = { faster: 'good', slower: 'bad', equivalent: undefined, inconclusive: 'muted', 'too few runs': 'muted' };

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
  headers: ['Model', 'Variant', 'Mean ± 95% CI', 'p50', 'p95', 'p99', 'Min', 'Max', 'SD', 'First result p50'],
  align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  rows: results.map((r) => [
    cell(contenderLabel(r)),
    cell(r.variant),
    cell(meanWithInterval(r)),
    cell(formatMs(r.totalMs.p50)),
    cell(formatMs(r.totalMs.p95)),
    cell(formatMs(r.totalMs.p99)),
    cell(formatMs(r.totalMs.min)),
    cell(formatMs(r.totalMs.max)),
    cell(r.totalMs.stddev === null ? '—' : formatMs(r.totalMs.stddev)),
    cell(r.firstResultMs ? formatMs(r.firstResultMs.p50) : '—'),
  ]),
});

/** The thread columns of the cost table appear when some contender ran on threads. */
const hasThreads = (results: readonly CompareResult[]): boolean => results.some((r) => r.executor === 'threads');

const THREAD_HEADERS = ['Threads', 'Start-up ms/thread', 'RSS MB/thread', 'Handoff µs'] as const;

const threadCells = (r: CompareResult): Cell[] => [
  cell(orDash(r.cost.threads, (n) => n.toFixed(0))),
  cell(orDash(r.cost.threadStartupMs)),
  cell(orDash(r.cost.rssPerThreadMb, (n) => n.toFixed(1))),
  cell(orDash(r.cost.handoffUs, (n) => n.toFixed(0))),
];

/** µs with its interval, whole numbers: `231 [224–240]`, `-12 [-30 … 4]` when it reaches below zero; `—` when not measured. */
export const formatUsWithInterval = (value: MedianWithInterval | null): string => {
  if (!value) return '—';
  const [low, high] = value.ci95 ?? [0, 0];
  return `${value.median.toFixed(0)}${value.ci95 ? ` [${low.toFixed(0)}${low < 0 ? ' … ' : '–'}${high.toFixed(0)}]` : ''}`;
};

/** The name of the raw-transport row of the cost table. */
export const RAW_TRANSPORT_LABEL = 'raw transport (no model)';

/** The raw-transport loads of a level as a row of the cost table: their CPU per call is the transport's whole cost; the model's share is none. */
const rawTransportRow = (transport: TransportLevel, columns: number): Cell[] => {
  const cells = [cell(RAW_TRANSPORT_LABEL, 'muted'), cell('—'), cell(formatUsWithInterval(transport.cpuUsPerCall)), cell(transport.cpuUsPerCall ? transport.cpuUsPerCall.median.toFixed(0) : '—'), cell('—')];
  return [...cells, ...Array.from({ length: columns - cells.length }, () => cell('—'))];
};

/**
 * What each contender costs the client at one level: its CPU per request, split into the transport's
 * share and the model's own (see REPORT_RULES.transport), with the raw-transport loads as a last row
 * when they were measured; with thread contenders, what their threads cost beside it (— on the loop).
 */
export const costTable = (results: readonly CompareResult[], concurrency: number, transport?: TransportLevel): TableData => {
  const headers = ['Model', 'Variant', 'CPU µs/request [95% CI]', 'Transport µs/request', "Model's own µs/request [95% CI]", 'Loop delay p99 ms', 'Peak RSS MB', 'First result ms', 'First failure ms', ...(hasThreads(results) ? THREAD_HEADERS : [])];
  return {
    title: `What each contender costs the client, and how much of it is the transport — ${formatCount(concurrency)} requests per load (medians over repetitions)`,
    headers,
    align: ['left', 'left', ...headers.slice(2).map(() => 'right' as const)],
    rows: [
      ...results.map((r) => [
        cell(contenderLabel(r)),
        cell(r.variant),
        cell(formatUsWithInterval(r.cost.cpuUsPerRequest)),
        cell(orDash(r.cost.transportUsPerRequest?.median ?? null, (n) => n.toFixed(0))),
        cell(formatUsWithInterval(r.cost.modelUsPerRequest)),
        cell(orDash(r.cost.eventLoopP99Ms)),
        cell(orDash(r.cost.peakRssMb, (n) => n.toFixed(0))),
        cell(orDash(r.cost.firstResultMs)),
        cell(orDash(r.cost.firstFailureMs)),
        ...(hasThreads(results) ? threadCells(r) : []),
      ]),
      ...(transport && transport.runs > 0 ? [rawTransportRow(transport, headers.length)] : []),
    ],
  };
};

/** The paired comparisons at one level: ratio a/b, its interval, the Holm-adjusted p-value and the outcome. */
export const comparisonTable = (comparisons: readonly ReportComparison[], concurrency: number, margin: number): TableData => ({
  title: `Paired comparisons — ${formatCount(concurrency)} requests per load (a vs b: median of per-repetition a/b; equivalent within ±${(margin * 100).toFixed(0)} %)`,
  headers: ['Metric', 'Variant', 'a vs b', 'Pairs', 'a/b', '95% CI', 'p (Holm)', 'Outcome for a'],
  align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  rows: comparisons.map((c) => [
    cell(c.metric === 'totalMs' ? 'total time' : 'CPU/request'),
    cell(c.variant),
    cell(`${c.a} vs ${c.b}`),
    cell(pairsLabel(c)),
    cell(c.ratio === null ? '—' : formatRatio(c.ratio)),
    cell(c.ci95 ? `${formatRatio(c.ci95[0])} … ${formatRatio(c.ci95[1])}` : '—'),
    cell(c.pHolm === null ? '—' : formatP(c.pHolm)),
    cell(outcomeLabel(c), OUTCOME_TONES[c.outcome]),
  ]),
});

/** What each model × variant did with the data at one concurrency level, with the server's ground truth and the client's cost. */
export const dataTable = (results: readonly CompareResult[], concurrency: number, serverCheck: CompareReport['serverCheck'] = 'measured'): TableData => ({
  title: `Data and cost — ${formatCount(concurrency)} requests per load (per endpoint: ok/failed/lost over all runs)`,
  headers: ['Model', 'Variant', ...ENDPOINTS, 'Preserved', 'Sent', 'Server ok', 'CPU ms', 'Peak RSS MB', 'Failures'],
  align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  rows: results.map((r) => [
    cell(contenderLabel(r)),
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

const levelLabel = (report: CompareReport, c: number): string => {
  const i = report.concurrency.indexOf(c);
  return report.inFlight[i] === undefined ? `×${formatCount(c)}` : `${formatCount(report.inFlight[i])} in flight`;
};

/** Mean time per request (ms) and median CPU µs per request of each model × variant across the levels. */
export const scalingTable = (report: CompareReport): TableData => {
  const key = (r: CompareResult): string => `${contenderLabel(r)}\t${r.variant}`;
  const keys = [...new Set(report.results.map(key))];
  return {
    title: 'Growth across levels: mean time per request, ms (total ÷ requests) · CPU µs per request (median)',
    headers: ['Model', 'Variant', ...report.concurrency.map((c) => levelLabel(report, c))],
    align: ['left', 'left', ...report.concurrency.map(() => 'right' as const)],
    rows: keys.map((k) => {
      const [label = '', variant = ''] = k.split('\t');
      return [
        cell(label),
        cell(variant),
        ...report.concurrency.map((c) => {
          const found = report.results.find((r) => key(r) === k && r.concurrency === c);
          return cell(found && found.runs > 0 ? `${formatMs(found.msPerRequest)} · ${found.cost.cpuUsPerRequest?.median.toFixed(0) ?? '—'} µs` : '—');
        }),
      ];
    }),
  };
};

/** The tables of one level, in reading order: timing, comparisons, cost, data. */
export const LEVEL_TABLES = 4;

/** Every table of a report, in reading order: per level {@link LEVEL_TABLES} tables, then scaling when there are several levels. */
export const reportTables = (report: CompareReport): TableData[] => [
  ...report.concurrency.flatMap((c) => {
    const results = report.results.filter((r) => r.concurrency === c);
    return [timingTable(results, c), comparisonTable(report.comparisons.filter((x) => x.concurrency === c), c, report.margin), costTable(results, c, report.transportLoads.find((t) => t.concurrency === c)), dataTable(results, c, report.serverCheck)];
  }),
  ...(report.concurrency.length > 1 ? [scalingTable(report)] : []),
];

/** The scenario header lines: name, description, and the settings the numbers came from. */
export const reportHeader = (report: CompareReport): string[] => [
  sanitizeText(`Scenario ${report.scenario}${report.description ? ` — ${report.description}` : ''}`),
  `seed ${report.seed} · ${report.runs} repetitions + ${report.warmup} warm-up, each running every contender × variant once ${runOrderText(report.runs, report.orderBlock)} · deadline ${report.client.deadlineMs} ms · retries ${report.client.retries} · at most ${report.inFlight.length > 0 ? report.inFlight.map(formatCount).join('/') : report.client.maxInFlight} in flight · ${report.transport} transport` +
    (report.workMs > 0 ? ` · ${report.workMs} ms of CPU work per response` : '') +
    (report.executors.includes('threads') ? ` · executors ${report.executors.join(', ')} (callbacks and futures; async-await and reactive on the loop)` : '') +
    (report.serverCheck === 'unavailable' ? ' · server cross-check unavailable: the target has no control API, so "Server ok" is n/a' : '') +
    (report.partial ? ' · PARTIAL: interrupted (Ctrl+C) before every run was measured' : ''),
  `${pairingText(report)} · equivalence margin ±${(report.margin * 100).toFixed(1)} %`,
];
