import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';
import type { ModelId, Variant } from '../../domain/models.js';
import { seededRandom } from '../../domain/random.js';
import type { ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { COMPARISON_RULE, compareToFastest, type Comparison } from '../stats/compare-to-fastest.js';
import { describeDistribution, type Distribution } from '../stats/distribution.js';
import type { CompareReport, CompareResult } from './report-schema.js';

/** How each figure of the report is computed; printed with every format. */
export const REPORT_RULES = {
  percentiles: 'exact percentiles of the per-run totals, linear interpolation between closest ranks (type 7): samples are a few runs, so no histogram binning',
  ci95: 'Student-t 95% interval of the mean: mean ± t(0.975, n−1)·s/√n',
  comparison: COMPARISON_RULE,
  preserved: 'a run is preserved when nothing that arrived intact was dropped by the model and, per endpoint, the model delivered at least as many responses as the server answered successfully (server stats before/after the run)',
  serverMismatch: "runs in which, for some endpoint, the server's successful answers differ from the client's delivered + lost",
  serverCheck: "'unavailable' when the target has no control API: the server's own counts are then not measured (they read 0, n/a in the tables) and Preserved only checks that nothing that arrived was dropped",
  columns:
    'productos/categorias/perfil: requests delivered/failed/lost (answered, then dropped by the model) over all runs; Preserved: preserved runs/runs; Sent 20 (+5): requests sent over all runs, 5 of them retries; Server ok: successful answers the server counted (≠ in N: runs where that differs from delivered + lost); CPU ms: mean client CPU per run; Peak RSS MB: highest resident memory; Failures: reasons × count; vs fastest: see comparison',
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

const summarizeGroup = (model: ModelId, variant: Variant, concurrency: number, records: readonly RunRecord[], comparison: Comparison | undefined): CompareResult => {
  const totalMs = describeDistribution(records.map((r) => r.totalMs)) ?? EMPTY;
  const attempts = sum(records.map((r) => r.attempts));
  return {
    model,
    variant,
    concurrency,
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
    comparison: comparison ? { ...comparison, baseline: comparison.baseline as ModelId } : null,
  };
};

/**
 * Aggregates measured runs into the report: one result per concurrency × variant × model (in the
 * plan's order), each model compared with the fastest of its variant and level by a bootstrap
 * seeded from the plan's seed, so the same runs give the same report. `serverCheck` says whether the
 * records carry the server's own counts (a `--target` without a control API cannot give them);
 * `partial` that the comparison was interrupted before every scheduled run was measured.
 */
export const buildReport = (plan: ComparePlan, records: readonly RunRecord[], serverCheck: CompareReport['serverCheck'] = 'measured', partial = false): CompareReport => {
  const random = seededRandom(plan.seed);
  const results: CompareResult[] = [];
  for (const concurrency of plan.concurrency) {
    for (const variant of plan.variants) {
      const groups = new Map(plan.models.map((model) => [model, records.filter((r) => r.concurrency === concurrency && r.variant === variant && r.model === model)]));
      const comparisons = compareToFastest(new Map([...groups].map(([model, rs]) => [model, rs.map((r) => r.totalMs)])), random);
      for (const [model, rs] of groups) results.push(summarizeGroup(model, variant, concurrency, rs, comparisons.get(model)));
    }
  }
  return {
    scenario: plan.scenario,
    description: plan.description,
    seed: plan.seed,
    runs: plan.runs,
    warmup: plan.warmup,
    models: [...plan.models],
    variants: [...plan.variants],
    concurrency: [...plan.concurrency],
    client: { ...plan.client, backoff: { ...plan.client.backoff } },
    serverCheck,
    partial,
    rules: { ...REPORT_RULES },
    results,
  };
};
