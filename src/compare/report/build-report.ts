import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';
import type { Variant } from '../../domain/models.js';
import { contendersOf, type Contender } from '../../domain/contender.js';
import { contenderLabel } from '../contender.js';
import { seededRandom, seedFrom, textSeed, type Random } from '../../domain/random.js';
import { inFlightFor, type ComparePlan } from '../plan.js';
import type { RunRecord, TransportRecord } from '../run-record.js';
import { orderBlockSize } from '../schedule.js';
import { BOOTSTRAP_RESAMPLES } from '../stats/bootstrap.js';
import { median } from '../stats/descriptive.js';
import { describeDistribution, type Distribution } from '../stats/distribution.js';
import { ALPHA, MIN_PAIRS } from '../stats/paired-comparison.js';
import { cpuUsPerRequest, pairedComparisons } from './paired-comparisons.js';
import { pairingCheck } from './pairing-check.js';
import type { CompareReport, CompareResult, TransportLevel } from './report-schema.js';
import { costShares, medianWithInterval, transportUsPerCall } from './transport-share.js';

/** How each figure of the report is computed; printed with every format. */
export const REPORT_RULES = {
  percentiles: 'exact percentiles of the per-run totals, linear interpolation between closest ranks (type 7): samples are a few runs, so no histogram binning',
  ci95: 'Student-t 95% interval of the mean: mean ± t(0.975, n−1)·s/√n',
  comparison: `every pair of contenders (models; callbacks and futures once per executor asked for) at the same level and variant, on total time and on CPU time per request, their runs paired by repetition (the contenders of a repetition get the same seeded server plan and client seed; the header counts the repetitions whose server-plan digests match): the median of the per-repetition ratios a/b with a 95% percentile-bootstrap interval (${BOOTSTRAP_RESAMPLES} seeded resamples), and a two-sided Wilcoxon signed-rank p-value of log(a/b), Holm-adjusted within its family (the pairs of one metric, level and variant: one table's question). Outcome: fewer than ${MIN_PAIRS} repetitions → "too few runs"; the whole interval within 1 ± margin → "equivalent"; Holm-adjusted p < ${ALPHA} and the interval entirely below 1 → "faster", entirely above 1 → "slower"; otherwise "inconclusive" (no evidence either way, not evidence of no difference). "equivalent (faster)": within the margin yet detectably faster (adjusted p < ${ALPHA}, interval excluding 1). "needs ≥ K runs": with n pairs the smallest exact p is 2^(1−n), so a family of m cannot reach ${ALPHA} unless m·2^(1−n) < ${ALPHA}. "9 (1 dropped)": repetitions left out for a non-positive value`,
  cost: 'per contender and level: client CPU µs per request, every thread of the process counted (median over repetitions and its 95% bootstrap interval), split into the transport\'s share and the model\'s own (see transport), event-loop delay p99 during the load (perf_hooks, median over repetitions), peak RSS (max), time to the first delivered result and to the first failure the application hears of (medians over the repetitions that had one)',
  threadCost:
    'threads contenders only (— on the loop), medians over repetitions: Threads, worker threads each load started (its own pool, started and shut down inside the load, as Python\'s `with ThreadPoolExecutor`); Start-up ms/thread, from handing a new thread its first request to the thread running it (start-up plus one hand-over; median over the threads); RSS MB/thread, resident memory the load grew by (peak − at its start) divided by the threads it started (it includes whatever else the load allocated); Handoff µs, from a worker posting a response to the main thread receiving it (the structured copy of the response and the wake-up; median over responses). All threads share one performance.now() clock',
  preserved: 'a run is preserved when nothing that arrived intact was dropped by the model and, per endpoint, the model delivered at least as many responses as the server answered successfully (server stats before/after the run)',
  serverMismatch: "runs in which, for some endpoint, the server's successful answers differ from the client's delivered + lost",
  serverCheck: "'unavailable' when the target has no control API: the server's own counts are then not measured (they read 0, n/a in the tables) and Preserved only checks that nothing that arrived was dropped",
  columns:
    'productos/categorias/perfil: requests delivered/failed/lost (answered, then dropped by the model) over all runs; Preserved: preserved runs/runs; Sent 20 (+5): requests sent over all runs, 5 of them retries; Server ok: successful answers the server counted (≠ in N: runs where that differs from delivered + lost); CPU ms: mean client CPU per run; Peak RSS MB: highest resident memory; Failures: reasons × count; vs fastest: see comparison',
  transport: `the transport's share of the cost per request: at the head of every measured repetition of a level, before its contenders, one raw-transport load runs — the level's requests as plain transport calls, at most its in-flight limit at once, one attempt each, no model, on the main thread — under the repetition's faults and seeded server plan and the same measurement instrumentation; it is not a contender and takes no part in the paired comparisons. Transport µs/request: per repetition, that load's client CPU per call × the contender run's calls per request (retries included); Model's own µs/request: per repetition, the run's CPU per request minus that share (the model's own bookkeeping, the harness watching its responses, and on threads what the threads add), median of those paired differences with a 95% bootstrap interval (${BOOTSTRAP_RESAMPLES} seeded resamples); the raw transport row gives the load itself (CPU per call). Estimates: a call's cost depends on what the server answered, and a naive variant's abandoned calls count as calls`,
  resources: 'client CPU time (user + system) per run; peak resident memory sampled during the runs',
} as const;

const isPreserved = (record: RunRecord): boolean => record.lost === 0 && ENDPOINTS.every((e) => record.endpoints[e].ok >= record.server[e].ok);
const disagreesWithServer = (record: RunRecord): boolean => ENDPOINTS.some((e) => record.server[e].ok !== record.endpoints[e].ok + record.endpoints[e].lost);
const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

const EMPTY: Distribution = { count: 0, mean: 0, min: 0, max: 0, stddev: null, p50: 0, p95: 0, p99: 0, ci95: null };

const endpointResult = (records: readonly RunRecord[], endpoint: Endpoint): CompareResult['endpoints'][Endpoint] => {
  const reasons: Record<string, number> = {};
  for (const record of records) {
    for (const [reason, n] of Object.entries(record.endpoints[endpoint].reasons)) reasons[reason] = (reasons[reason] ?? 0) + (n ?? 0);
  }
  return {
    ok: sum(records.map((r) => r.endpoints[endpoint].ok)),
    failed: sum(records.map((r) => r.endpoints[endpoint].failed)),
    lost: sum(records.map((r) => r.endpoints[endpoint].lost)),
    reasons,
    serverOk: sum(records.map((r) => r.server[endpoint].ok)),
  };
};

const medianOrNull = (values: readonly number[]): number | null => (values.length > 0 ? median(values) : null);
const mb = (bytes: number): number => bytes / (1024 * 1024);

const threadMedian = (records: readonly RunRecord[], pick: (threads: NonNullable<RunRecord['threads']>) => number | null): number | null =>
  medianOrNull(records.flatMap((r) => (r.threads ? [pick(r.threads)].filter((v): v is number => v !== null) : [])));

/** Seeded random streams for one result's bootstraps, by what each interval is of. */
type RandomFor = (interval: 'cpu' | 'transport' | 'model') => Random;

/** What a contender cost at one level, over its repetitions (the thread figures null on the loop), its CPU split against the raw-transport loads of its repetitions. */
const costOf = (records: readonly RunRecord[], transport: readonly TransportRecord[], randomFor: RandomFor): CompareResult['cost'] => {
  const shares = costShares(records, transport);
  return {
    threads: threadMedian(records, (t) => t.threads),
    threadStartupMs: threadMedian(records, (t) => t.startupMs),
    rssPerThreadMb: threadMedian(records, (t) => t.rssPerThreadMb),
    handoffUs: threadMedian(records, (t) => t.handoffUs),
    cpuUsPerRequest: medianWithInterval(records.map(cpuUsPerRequest), randomFor('cpu')),
    transportUsPerRequest: medianWithInterval(shares.map((share) => share.transport), randomFor('transport')),
    modelUsPerRequest: medianWithInterval(shares.map((share) => share.model), randomFor('model')),
    eventLoopP99Ms: medianOrNull(records.map((r) => r.eventLoopP99Ms)),
    peakRssMb: records.length > 0 ? mb(Math.max(...records.map((r) => r.peakRssBytes))) : null,
    firstResultMs: medianOrNull(records.flatMap((r) => (r.firstResultMs === undefined ? [] : [r.firstResultMs]))),
    firstFailureMs: medianOrNull(records.flatMap((r) => (r.firstFailureMs === undefined ? [] : [r.firstFailureMs]))),
  };
};

/** A run as the report lists it. */
const runOf = (r: RunRecord): CompareReport['records'][number] => ({
  model: r.model,
  executor: r.executor,
  variant: r.variant,
  concurrency: r.concurrency,
  inFlight: r.inFlight,
  repetition: r.repetition,
  position: r.position,
  serverPlan: r.serverPlan,
  totalMs: r.totalMs,
  cpuUsPerRequest: cpuUsPerRequest(r),
  firstResultMs: r.firstResultMs ?? null,
  firstFailureMs: r.firstFailureMs ?? null,
  eventLoopP99Ms: r.eventLoopP99Ms,
  peakRssMb: mb(r.peakRssBytes),
  delivered: r.delivered,
  lost: r.lost,
  attempts: r.attempts,
  threads: r.threads ? { ...r.threads } : null,
});

const summarizeGroup = ({ model, executor }: Contender, variant: Variant, concurrency: number, inFlight: number, records: readonly RunRecord[], transport: readonly TransportRecord[], randomFor: RandomFor): CompareResult => {
  const totalMs = describeDistribution(records.map((r) => r.totalMs)) ?? EMPTY;
  const attempts = sum(records.map((r) => r.attempts));
  return {
    model,
    executor,
    variant,
    concurrency,
    inFlight,
    runs: records.length,
    totalMs,
    msPerRequest: totalMs.mean / concurrency,
    firstResultMs: describeDistribution(records.flatMap((r) => (r.firstResultMs === undefined ? [] : [r.firstResultMs]))),
    endpoints: { productos: endpointResult(records, 'productos'), categorias: endpointResult(records, 'categorias'), perfil: endpointResult(records, 'perfil') },
    preservedRuns: records.filter(isPreserved).length,
    attempts,
    retries: Math.max(0, attempts - concurrency * records.length),
    serverReceived: sum(records.flatMap((r) => ENDPOINTS.map((e) => r.server[e].received))),
    serverMismatchRuns: records.filter(disagreesWithServer).length,
    cpuMs: describeDistribution(records.map((r) => r.cpuMs)) ?? EMPTY,
    peakRssMb: Math.max(0, ...records.map((r) => r.peakRssBytes)) / (1024 * 1024),
    cost: costOf(records, transport, randomFor),
  };
};

/** The raw-transport loads of one level summed up: CPU per call (median and interval), wall time, failures. */
const transportLevel = (concurrency: number, inFlight: number, loads: readonly TransportRecord[], random: Random): TransportLevel => ({
  concurrency,
  inFlight,
  runs: loads.length,
  cpuUsPerCall: medianWithInterval(loads.filter((t) => t.calls > 0).map(transportUsPerCall), random),
  totalMs: medianOrNull(loads.map((t) => t.totalMs)),
  failed: sum(loads.map((t) => t.failed)),
});

/** A raw-transport load as the report lists it. */
const transportRunOf = (t: TransportRecord): CompareReport['transportRecords'][number] => ({
  concurrency: t.concurrency,
  inFlight: t.inFlight,
  repetition: t.repetition,
  serverPlan: t.serverPlan,
  totalMs: t.totalMs,
  cpuUsPerCall: t.calls > 0 ? transportUsPerCall(t) : 0,
  calls: t.calls,
  failed: t.failed,
});

/** How the report was measured, beyond its runs. */
export interface ReportContext {
  /** The raw-transport loads measured beside the runs (none: the transport's share reads null). */
  readonly transport?: readonly TransportRecord[];
  /** Whether the runs carry the server's own counts (a `--target` without a control API cannot give them). */
  readonly serverCheck?: CompareReport['serverCheck'];
  /** The comparison was interrupted before every scheduled run was measured. */
  readonly partial?: boolean;
}

/**
 * Aggregates measured runs into the report: one result per concurrency × variant × contender (a
 * model on an executor, in the plan's order) with its cost split against the raw-transport loads (see
 * transport-share.ts), per level the raw-transport loads summed up, the paired comparisons of every
 * pair of contenders (see paired-comparisons.ts) and every run. Bootstraps are seeded from the plan's
 * seed, so the same runs give the same report. Pairing is on the server's plan when every run carries one.
 */
export const buildReport = (plan: ComparePlan, records: readonly RunRecord[], { transport = [], serverCheck = 'measured', partial = false }: ReportContext = {}): CompareReport => {
  const levelInFlight = (concurrency: number): number => inFlightFor(plan, concurrency);
  const results: CompareResult[] = [];
  for (const concurrency of plan.concurrency) {
    for (const variant of plan.variants) {
      for (const contender of contendersOf(plan.models, plan.executors)) {
        const runs = records.filter((r) => r.concurrency === concurrency && r.variant === variant && r.model === contender.model && r.executor === contender.executor);
        // Each result's bootstraps are seeded from what they summarise, so adding a contender (or an interval) leaves the others alone.
        const seed = seedFrom(plan.seed ^ 0x5eed, concurrency, textSeed(variant), textSeed(contenderLabel(contender)));
        const randomFor: RandomFor = (interval) => seededRandom(interval === 'cpu' ? seed : seedFrom(seed, textSeed(interval)));
        results.push(summarizeGroup(contender, variant, concurrency, levelInFlight(concurrency), runs, transport, randomFor));
      }
    }
  }
  return {
    scenario: plan.scenario,
    description: plan.description,
    seed: plan.seed,
    runs: plan.runs,
    warmup: plan.warmup,
    models: [...plan.models],
    executors: [...plan.executors],
    workMs: plan.workMs,
    variants: [...plan.variants],
    concurrency: [...plan.concurrency],
    inFlight: [...plan.inFlight],
    pairing: records.length > 0 && records.every((r) => r.serverPlan !== null) ? 'server-plan' : 'repetition-order',
    pairingCheck: pairingCheck(plan.concurrency, records),
    orderBlock: orderBlockSize(plan),
    margin: plan.margin,
    client: { ...plan.client, backoff: { ...plan.client.backoff } },
    transport: plan.transport,
    serverCheck,
    partial,
    rules: { ...REPORT_RULES },
    results,
    transportLoads: plan.concurrency.map((c) => transportLevel(c, levelInFlight(c), transport.filter((t) => t.concurrency === c), seededRandom(seedFrom(plan.seed ^ 0x5eed, c, textSeed('raw transport'))))),
    comparisons: pairedComparisons(plan, records, levelInFlight),
    records: records.map(runOf),
    transportRecords: transport.map(transportRunOf),
  };
};
