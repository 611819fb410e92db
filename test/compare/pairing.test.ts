import { describe, expect, it } from 'vitest';
import { buildPlan, serverSeedFor } from '../../src/compare/plan.js';
import { runComparison } from '../../src/compare/runner/run-comparison.js';
import type { LoadRequest } from '../../src/domain/load-request.js';
import type { ModelId } from '../../src/domain/models.js';
import { rawTransportLoad } from '../../src/arena/raw-transport-load.js';
import { instrumentedLoad } from '../../src/models/instrumented-load.js';
import { uniformLatency, type MockServer } from '../../src/server/index.js';
import type { HttpTransport } from '../../src/transport/http-transport.js';
import { useLoopbackServer } from '../support/loopback-server.js';

let server: MockServer;
let transport: HttpTransport;
// Wide jitter, so two streams that differ plan different delays.
useLoopbackServer({ host: '127.0.0.1', port: 0, seed: 1, latency: uniformLatency({ ms: 8, jitterMs: 6 }) }, (s, t) => {
  server = s;
  transport = t;
});

const load = (model: ModelId, request: LoadRequest) => instrumentedLoad(model, transport, request);

describe('paired repetitions', () => {
  it('every contender of a repetition, and its raw-transport load, meets the same planned delays and faults; repetitions differ', async () => {
    const plan = buildPlan({
      name: 'paired',
      runs: 3,
      warmup: 1,
      // Correct variants only: a naive variant abandons requests, whose stragglers may reach the server after its load.
      variant: 'correct',
      concurrency: [9],
      // A generous deadline: a loaded machine must not turn a slow answer into a retry or a timeout, which would change what the server sees.
      client: { deadlineMs: 5_000 },
      faults: { productos: { kind: 'error', status: 503, probability: 0.5 }, perfil: { kind: 'latency', ms: 3, jitterMs: 3, probability: 0.5 } },
    });
    const { runs: records, transport: raw } = await runComparison(plan, { server, load, rawLoad: rawTransportLoad(transport) });
    expect(records).toHaveLength(3 * 4);
    expect(raw.map((t) => t.repetition)).toEqual([0, 1, 2]);
    for (const t of raw) expect(t.serverPlan, `raw transport, repetition ${t.repetition}`).toBe(records.find((r) => r.repetition === t.repetition)?.serverPlan);
    const byRepetition = new Map(records.map((r) => [r.repetition, records.filter((x) => x.repetition === r.repetition)]));
    const digests = [...byRepetition.values()].map((runs) => new Set(runs.map((r) => r.serverPlan)));
    for (const set of digests) expect(set.size, 'one digest per repetition').toBe(1);
    expect(new Set(digests.map((set) => [...set][0])).size, 'each repetition its own stream').toBe(3);
    for (const record of records) expect(record.serverPlan).toMatch(/^[0-9a-f]{8}$/);
  });

  it('without a seeded server, runs pair by repetition order only and carry no plan', async () => {
    const plan = buildPlan({ name: 'unpaired', runs: 1, warmup: 0, variant: 'correct', models: ['callbacks', 'reactive'] });
    const records = await runComparison(plan, { server, load, rawLoad: rawTransportLoad(transport), pairing: 'repetition-order' });
    expect([...records.runs, ...records.transport].map((r) => r.serverPlan)).toEqual([null, null, null]);
  });

  it('seeds each load by (seed, phase, repetition, level) only', () => {
    const plan = buildPlan({ name: 'seeds', seed: 7, concurrency: [3, 30] });
    const seed = (phase: 'warmup' | 'measured', run: number, concurrency: number) => serverSeedFor(plan, { phase, run, concurrency });
    expect(seed('measured', 2, 3)).toBe(seed('measured', 2, 3));
    const all = [seed('measured', 0, 3), seed('measured', 1, 3), seed('measured', 0, 30), seed('warmup', 0, 3)];
    expect(new Set(all).size).toBe(4);
    expect(serverSeedFor(buildPlan({ name: 'other', seed: 8 }), { phase: 'measured', run: 0, concurrency: 3 })).not.toBe(all[0]);
  });
});
