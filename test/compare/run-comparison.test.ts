import { describe, expect, it } from 'vitest';
import type { LoadRequest } from '../../src/domain/load-request.js';
import type { ModelId } from '../../src/domain/models.js';
import { rawTransportLoad } from '../../src/arena/raw-transport-load.js';
import { instrumentedLoad } from '../../src/models/instrumented-load.js';
import { uniformLatency, type MockServer } from '../../src/server/index.js';
import type { HttpTransport } from '../../src/transport/http-transport.js';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { compareReportSchema, type CompareReport } from '../../src/compare/report/report-schema.js';
import { runComparison, type ComparisonProgress } from '../../src/compare/runner/run-comparison.js';
import { findBuiltinScenario } from '../../src/compare/scenario/builtin-scenarios.js';
import type { Scenario } from '../../src/compare/scenario/scenario-schema.js';
import { useLoopbackServer } from '../support/loopback-server.js';

let server: MockServer;
let transport: HttpTransport;
useLoopbackServer({ host: '127.0.0.1', port: 0, seed: 1, latency: uniformLatency({ ms: 5, jitterMs: 0 }) }, (s, t) => {
  server = s;
  transport = t;
});

const load = (model: ModelId, request: LoadRequest) => instrumentedLoad(model, transport, request);

/** A built-in scenario made short: few runs, no warm-up, loopback latencies of a few ms. */
const short = (name: string, changes: Partial<Scenario> = {}): Scenario => ({ ...findBuiltinScenario(name)!, latency: uniformLatency({ ms: 5, jitterMs: 0 }), runs: 2, warmup: 0, ...changes });

const compare = async (scenario: Scenario, onProgress?: (p: ComparisonProgress) => void): Promise<CompareReport> => {
  const plan = buildPlan(scenario);
  const { runs, transport: raw } = await runComparison(plan, { server, load, rawLoad: rawTransportLoad(transport), onProgress });
  return compareReportSchema.parse(buildReport(plan, runs, { transport: raw }));
};

const find = (report: CompareReport, model: ModelId, variant: 'correct' | 'naive') => report.results.find((r) => r.model === model && r.variant === variant)!;

describe('runComparison against the real server', () => {
  it('categorias-timeout: every correct model preserves every run; the fail-fast naive variants lose data', { timeout: 60_000 }, async () => {
    // The deadline leaves a wide margin over the 5 ms answers, so a loaded machine cannot turn a slow answer into a timeout
    // (300 ms was not enough with the load average at 25 on 2 cores).
    const report = await compare(short('categorias-timeout', { client: { deadlineMs: 1_000 } }));
    for (const result of report.results.filter((r) => r.variant === 'correct')) {
      expect(result.preservedRuns, result.model).toBe(result.runs);
      expect(result.endpoints.productos.ok + result.endpoints.perfil.ok).toBe(2 * result.runs);
      expect(result.endpoints.categorias).toMatchObject({ ok: 0, failed: result.runs, reasons: { timeout: result.runs } });
    }
    for (const model of ['async-await', 'reactive'] as const) {
      const naive = find(report, model, 'naive');
      expect(naive.preservedRuns, model).toBe(0);
      expect(naive.endpoints.productos.lost + naive.endpoints.perfil.lost).toBeGreaterThan(0);
    }
  });

  it('flaky-with-retries: the server receives the retries the clients count', async () => {
    const report = await compare(short('flaky-with-retries', { variant: 'correct', runs: 3 }));
    for (const result of report.results) {
      expect(result.serverReceived, result.model).toBe(result.attempts);
      expect(result.preservedRuns, result.model).toBe(result.runs);
    }
    const extra = report.results.reduce((sum, r) => sum + r.serverReceived - r.concurrency * r.runs, 0);
    expect(extra).toBeGreaterThan(0);
  });

  it('sets the faults afresh for every load, so a `times` fault hits each model', async () => {
    const report = await compare({ name: 'once', runs: 2, warmup: 1, variant: 'correct', client: { retries: 1, backoff: { baseMs: 1, maxMs: 2 } }, faults: { perfil: { kind: 'error', status: 503, times: 1 } } });
    for (const result of report.results) expect(result, result.model).toMatchObject({ retries: 2, serverReceived: 8, preservedRuns: 2, endpoints: { perfil: { ok: 2 } } });
  });

  it('applies scheduled fault changes from their run on and reports progress for every load', async () => {
    const progress: ComparisonProgress[] = [];
    const plan = buildPlan({ name: 'recovery', runs: 2, warmup: 1, models: ['callbacks', 'futures'], variant: 'correct', faults: { categorias: { kind: 'error', status: 503 } }, schedule: [{ atRun: 1, faults: { categorias: { kind: 'none' } } }] });
    const { runs: records, transport: raw } = await runComparison(plan, { server, load, rawLoad: rawTransportLoad(transport), onProgress: (p) => progress.push(p) });
    expect(records).toHaveLength(4);
    // The raw-transport loads meet the scheduled faults too: /categorias fails in repetition 0 only (one call in three).
    expect(raw.map((t) => [t.repetition, t.calls, t.failed])).toEqual([[0, 3, 1], [1, 3, 0]]);
    for (const t of raw) expect(t.cpuMs, `raw transport, repetition ${t.repetition}`).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.endpoints.categorias.ok, `repetition ${record.repetition}`).toBe(record.repetition === 0 ? 0 : 1);
      expect(record.cpuMs).toBeGreaterThan(0);
      expect(record.peakRssBytes).toBeGreaterThan(0);
    }
    // 2 warm-up loads, then per measured repetition a raw-transport load and 2 contenders' loads.
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.filter((p) => p.next && 'kind' in p.next).map((p) => p.done)).toEqual([2, 5]);
    expect(progress.at(-1)).toMatchObject({ done: 8, total: 8 });
    expect(progress.at(-1)?.next).toBeUndefined();
  });
});
