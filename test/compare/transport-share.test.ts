import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { formatReport } from '../../src/compare/report/format-report.js';
import { compareReportSchema } from '../../src/compare/report/report-schema.js';
import { costShares, transportUsPerCall } from '../../src/compare/report/transport-share.js';
import type { TransportRecord } from '../../src/compare/run-record.js';
import { runRecord } from './fixtures.js';

const RUNS = [0, 1, 2, 3];
const plan = buildPlan({ name: 'split', runs: RUNS.length, warmup: 0, models: ['callbacks', 'reactive'], variant: 'correct', concurrency: [3], seed: 5 });

/** A raw-transport load of repetition `run`: 3 calls costing (1.5 + 0.5·run) ms of CPU in all. */
const raw = (run: number, cpuMs = 1.5 + 0.5 * run): TransportRecord => ({ concurrency: 3, inFlight: 100, repetition: run, serverPlan: `plan${run}`, totalMs: 20 + run, cpuMs, calls: 3, failed: 0 });

// runRecord costs (2 + run) ms of CPU for 3 requests in 3 attempts; reactive retries every request once (6 attempts).
const runs = RUNS.flatMap((run) => [runRecord('callbacks', 'correct', run, 250 + run), { ...runRecord('reactive', 'correct', run, 300 + run), attempts: 6 }]);
const transport = RUNS.map((run) => raw(run));
const report = buildReport(plan, runs, { transport });
const cost = (model: string) => report.results.find((r) => r.model === model)!.cost;

describe("the transport's share of the cost per request", () => {
  it('is the raw-transport load of the same repetition, per call, times the run\'s calls per request; the model\'s share is the rest', () => {
    expect(transportUsPerCall(raw(1))).toBeCloseTo(2000 / 3, 9);
    const callbacks = costShares(runs.filter((r) => r.model === 'callbacks'), transport);
    // Repetition r: contender (2 + r)·1000/3 µs per request, transport (1.5 + 0.5r)·1000/3.
    expect(callbacks.map((s) => s.transport)).toEqual(RUNS.map((r) => expect.closeTo(((1.5 + 0.5 * r) * 1000) / 3, 9)));
    expect(callbacks.map((s) => s.model)).toEqual(RUNS.map((r) => expect.closeTo(((0.5 + 0.5 * r) * 1000) / 3, 9)));
    // Twice the calls per request (a retry each): twice the transport's share.
    expect(costShares(runs.filter((r) => r.model === 'reactive'), transport).map((s) => s.transport)).toEqual(RUNS.map((r) => expect.closeTo(((1.5 + 0.5 * r) * 2000) / 3, 9)));
  });

  it('pairs by repetition: a run whose repetition had no raw-transport load is left out', () => {
    expect(costShares(runs.filter((r) => r.model === 'callbacks'), [raw(2)]).map((s) => s.model)).toEqual([expect.closeTo(1500 / 3, 9)]);
  });

  it("reports per contender the medians of the transport's share and of the paired differences, with seeded intervals", () => {
    expect(cost('callbacks').transportUsPerRequest?.median).toBeCloseTo((2.25 * 1000) / 3, 9);
    // The median of the paired differences (0.5, 1, 1.5, 2)·1000/3, not a difference of medians.
    expect(cost('callbacks').modelUsPerRequest?.median).toBeCloseTo((1.25 * 1000) / 3, 9);
    expect(cost('reactive').modelUsPerRequest?.median).toBeCloseTo(((3.5 - 4.5) * 1000) / 3, 9);
    for (const model of ['callbacks', 'reactive']) {
      const { modelUsPerRequest: share } = cost(model);
      expect(share?.ci95?.[0]).toBeLessThanOrEqual(share?.median ?? Number.NaN);
      expect(share?.ci95?.[1]).toBeGreaterThanOrEqual(share?.median ?? Number.NaN);
    }
    expect(buildReport(plan, runs, { transport })).toEqual(report);
    // The new intervals draw from their own streams: the CPU interval is the one a report without raw loads gives.
    expect(cost('callbacks').cpuUsPerRequest).toEqual(buildReport(plan, runs).results[0]?.cost.cpuUsPerRequest);
  });

  it('sums up the raw-transport loads of each level and lists each one', () => {
    expect(report.transportLoads).toEqual([{ concurrency: 3, inFlight: 100, runs: 4, cpuUsPerCall: { median: expect.closeTo(750, 9), ci95: expect.any(Array) }, totalMs: 21.5, failed: 0 }]);
    expect(report.transportRecords.map((t) => t.cpuUsPerCall)).toEqual(RUNS.map((r) => expect.closeTo(((1.5 + 0.5 * r) * 1000) / 3, 9)));
  });

  it('shows it in every format: JSON, table, markdown and CSV, with its legend', () => {
    expect(compareReportSchema.parse(JSON.parse(formatReport(report, 'json', { color: false })))).toEqual(report);
    for (const format of ['table', 'markdown'] as const) {
      const text = formatReport(report, format, { color: false });
      expect(text).toMatch(/Transport µs\/request +Model's own µs\/request \[95% CI\]|\| Transport µs\/request \| Model's own µs\/request \[95% CI\] \|/);
      expect(text).toMatch(/callbacks +correct +1167 \[\d+–\d+\] +750 +417 \[\d+–\d+\]|\| callbacks \| correct \| 1167 \[\d+–\d+\] \| 750 \| 417 \[\d+–\d+\] \|/);
      expect(text).toMatch(/raw transport \(no model\) +— +750 \[\d+–\d+\] +750 +—|\| raw transport \(no model\) \| — \| 750 \[\d+–\d+\] \| 750 \| — \|/);
      expect(text).toContain('one raw-transport load runs');
      expect(text).toMatch(/reactive +correct +1167 \[\d+–\d+\] +1500 +-333 \[-333 … -333\]|\| reactive \| correct \| 1167 \[\d+–\d+\] \| 1500 \| -333 \[-333 … -333\] \|/);
    }
    const [header = '', ...rows] = formatReport(report, 'csv', { color: false }).trimEnd().split('\n');
    const cells = (row: string) => Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
    expect(Number(cells(rows[0] ?? '').model_us_per_request)).toBeCloseTo(1250 / 3, 9);
    expect(Number(cells(rows[0] ?? '').transport_us_per_request)).toBeCloseTo(750, 9);
    expect(Number(cells(rows[1] ?? '').raw_transport_us_per_call)).toBeCloseTo(750, 9);
    expect(cells(rows[1] ?? '')).toMatchObject({ model: 'reactive', raw_transport_runs: '4', model_us_per_request_ci95_low: expect.stringMatching(/^-?\d/) });
  });

  it('without raw-transport loads (an older report, or a run stopped before any) reads as not measured, never as zero', () => {
    const none = buildReport(plan, runs);
    expect(none.results.map((r) => [r.cost.transportUsPerRequest, r.cost.modelUsPerRequest])).toEqual([[null, null], [null, null]]);
    expect(none.transportLoads).toEqual([{ concurrency: 3, inFlight: 100, runs: 0, cpuUsPerCall: null, totalMs: null, failed: 0 }]);
    expect(formatReport(none, 'table', { color: false })).not.toContain('raw transport (no model)');
    const older = JSON.parse(formatReport(none, 'json', { color: false })) as Record<string, unknown>;
    delete older.transportLoads;
    delete older.transportRecords;
    for (const result of older.results as { cost: Record<string, unknown> }[]) {
      delete result.cost.transportUsPerRequest;
      delete result.cost.modelUsPerRequest;
    }
    expect(compareReportSchema.parse(older)).toMatchObject({ transportLoads: [], transportRecords: [] });
  });
});
