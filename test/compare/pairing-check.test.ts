import { describe, expect, it } from 'vitest';
import { buildPlan, clientSeedFor, loadRequestFor, serverSeedFor } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { formatMarkdown } from '../../src/compare/report/format-markdown.js';
import { formatTable } from '../../src/compare/report/format-table.js';
import { buildSchedule } from '../../src/compare/schedule.js';
import { runRecord } from './fixtures.js';

const plan = buildPlan({ name: 'digests', runs: 3, warmup: 0, models: ['callbacks', 'reactive'], variant: 'correct', concurrency: [3, 30], seed: 5 });
const records = [3, 30].flatMap((level) => [0, 1, 2].flatMap((run) => [runRecord('callbacks', 'correct', run, 250, level), runRecord('reactive', 'correct', run, 260, level)]));

describe('the pairing checked', () => {
  it('counts per level the repetitions whose contenders carry one server-plan digest', () => {
    const broken = records.map((r) => (r.concurrency === 30 && r.repetition === 1 && r.model === 'reactive' ? { ...r, serverPlan: 'other' } : r));
    const report = buildReport(plan, broken);
    expect(report.pairingCheck).toEqual([
      { concurrency: 3, repetitions: 3, matching: 3 },
      { concurrency: 30, repetitions: 3, matching: 2 },
    ]);
    const header = formatTable(report, { color: false });
    expect(header).toContain('3/3 at 3 requests, 2/3 at 30 requests');
    expect(header).toContain('the others met different delays or faults');
    expect(formatMarkdown(buildReport(plan, records))).toContain('3/3 at 3 requests, 3/3 at 30 requests');
    expect(formatMarkdown(buildReport(plan, records))).not.toContain('the others');
  });

  it('counts no match without digests, and says the pairing is by order', () => {
    const report = buildReport(plan, records.map((r) => ({ ...r, serverPlan: null })));
    expect(report.pairingCheck.map((c) => c.matching)).toEqual([0, 0]);
    expect(formatTable(report, { color: false })).toContain('paired by repetition order only');
  });
});

describe('the client seed', () => {
  const wide = buildPlan({ name: 'client', runs: 3, warmup: 1, seed: 7, concurrency: [3, 30] });

  it('is shared by the contenders of a repetition, so their retry jitter is paired too', () => {
    const schedule = buildSchedule(wide);
    const seedsBy = new Map<string, Set<number>>();
    for (const load of schedule) {
      const key = `${load.phase}/${load.run}/${load.concurrency}`;
      seedsBy.set(key, (seedsBy.get(key) ?? new Set()).add(loadRequestFor(wide, load).seed));
    }
    for (const [key, seeds] of seedsBy) expect(seeds.size, key).toBe(1);
    expect(new Set([...seedsBy.values()].map((s) => [...s][0])).size, 'each repetition, level and phase its own').toBe(seedsBy.size);
  });

  it("differs from the server's stream of the same load and follows the scenario seed", () => {
    const load = { phase: 'measured', run: 1, concurrency: 3 } as const;
    expect(clientSeedFor(wide, load)).not.toBe(serverSeedFor(wide, load));
    expect(clientSeedFor(buildPlan({ name: 'client', seed: 8 }), load)).not.toBe(clientSeedFor(wide, load));
  });
});
