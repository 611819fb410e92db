import { ENDPOINTS } from '../../domain/endpoints.js';
import { contenderLabel } from '../contender.js';
import { runsNeededFor } from './comparison-extras.js';
import type { CompareReport, CompareResult } from './report-schema.js';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180); inner quotes are doubled. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The raw-transport loads of a result's level. */
const rawTransportAt = (report: CompareReport, r: CompareResult) => report.transportLoads.find((t) => t.concurrency === r.concurrency);

type Column = readonly [name: string, value: (r: CompareResult, report: CompareReport) => string | number | null];

const endpointColumns = (e: (typeof ENDPOINTS)[number]): Column[] => [
  [`${e}_ok`, (r) => r.endpoints[e].ok],
  [`${e}_failed`, (r) => r.endpoints[e].failed],
  [`${e}_lost`, (r) => r.endpoints[e].lost],
  [`${e}_server_ok`, (r, report) => (report.serverCheck === 'unavailable' ? null : r.endpoints[e].serverOk)],
  [`${e}_reasons`, (r) => Object.entries(r.endpoints[e].reasons).map(([reason, n]) => `${reason}=${n}`).join(';')],
];

const COLUMNS: readonly Column[] = [
  ['scenario', (_, report) => report.scenario],
  ['model', (r) => r.model],
  ['variant', (r) => r.variant],
  ['concurrency', (r) => r.concurrency],
  ['runs', (r) => r.runs],
  ['mean_ms', (r) => r.totalMs.mean],
  ['ci95_low_ms', (r) => r.totalMs.ci95?.[0] ?? null],
  ['ci95_high_ms', (r) => r.totalMs.ci95?.[1] ?? null],
  ['min_ms', (r) => r.totalMs.min],
  ['max_ms', (r) => r.totalMs.max],
  ['stddev_ms', (r) => r.totalMs.stddev],
  ['p50_ms', (r) => r.totalMs.p50],
  ['p95_ms', (r) => r.totalMs.p95],
  ['p99_ms', (r) => r.totalMs.p99],
  ['ms_per_request', (r) => r.msPerRequest],
  ['first_result_p50_ms', (r) => r.firstResultMs?.p50 ?? null],
  ...ENDPOINTS.flatMap(endpointColumns),
  ['preserved_runs', (r) => r.preservedRuns],
  ['attempts', (r) => r.attempts],
  ['retries', (r) => r.retries],
  ['server_received', (r, report) => (report.serverCheck === 'unavailable' ? null : r.serverReceived)],
  ['server_mismatch_runs', (r, report) => (report.serverCheck === 'unavailable' ? null : r.serverMismatchRuns)],
  ['server_check', (_, report) => report.serverCheck],
  ['partial', (_, report) => String(report.partial)],
  ['cpu_ms_mean', (r) => r.cpuMs.mean],
  ['peak_rss_mb', (r) => r.peakRssMb],
  ['in_flight', (r) => r.inFlight],
  ['cpu_us_per_request', (r) => r.cost.cpuUsPerRequest?.median ?? null],
  ['cpu_us_per_request_ci95_low', (r) => r.cost.cpuUsPerRequest?.ci95?.[0] ?? null],
  ['cpu_us_per_request_ci95_high', (r) => r.cost.cpuUsPerRequest?.ci95?.[1] ?? null],
  ['event_loop_p99_ms', (r) => r.cost.eventLoopP99Ms],
  ['cost_peak_rss_mb', (r) => r.cost.peakRssMb],
  ['first_result_ms', (r) => r.cost.firstResultMs],
  ['first_failure_ms', (r) => r.cost.firstFailureMs],
  ['executor', (r) => r.executor],
  ['contender', (r) => contenderLabel(r)],
  ['work_ms', (_, report) => report.workMs],
  ['threads', (r) => r.cost.threads],
  ['thread_startup_ms', (r) => r.cost.threadStartupMs],
  ['rss_per_thread_mb', (r) => r.cost.rssPerThreadMb],
  ['handoff_us', (r) => r.cost.handoffUs],
  ['runs_needed_to_decide', (r, report) => runsNeededFor(report.comparisons, { variant: r.variant, concurrency: r.concurrency, model: contenderLabel(r) })],
  ['transport_us_per_request', (r) => r.cost.transportUsPerRequest?.median ?? null],
  ['transport_us_per_request_ci95_low', (r) => r.cost.transportUsPerRequest?.ci95?.[0] ?? null],
  ['transport_us_per_request_ci95_high', (r) => r.cost.transportUsPerRequest?.ci95?.[1] ?? null],
  ['model_us_per_request', (r) => r.cost.modelUsPerRequest?.median ?? null],
  ['model_us_per_request_ci95_low', (r) => r.cost.modelUsPerRequest?.ci95?.[0] ?? null],
  ['model_us_per_request_ci95_high', (r) => r.cost.modelUsPerRequest?.ci95?.[1] ?? null],
  ['raw_transport_runs', (r, report) => rawTransportAt(report, r)?.runs ?? 0],
  ['raw_transport_us_per_call', (r, report) => rawTransportAt(report, r)?.cpuUsPerCall?.median ?? null],
];

/**
 * The report as CSV: a header, then one row per contender × variant × concurrency level (`model` and
 * `executor`, and `contender` as the other formats name it); each row also carries its level's
 * raw-transport loads (`raw_transport_*`), which have no row of their own.
 */
export const formatCsv = (report: CompareReport): string =>
  [COLUMNS.map(([name]) => name), ...report.results.map((r) => COLUMNS.map(([, value]) => csvField(value(r, report))))].map((row) => row.join(',')).join('\n') + '\n';
